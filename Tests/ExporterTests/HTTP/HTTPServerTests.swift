import Dispatch
import Glibc
import Testing

@testable import Exporter

@Suite struct HTTPServerTests {
    static let largeText = String(repeating: "node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} 12345.67\n", count: 200)

    static func router() -> Router {
        var router = Router()
        router.register("/hello") { request in
            .text("hello \(request.query["name"] ?? "world")")
        }
        router.register("/large") { _ in .text(largeText) }
        router.register("/huge") { _ in
            HTTPResponse(
                status: .ok, headers: ["Content-Type": "application/octet-stream"],
                body: [UInt8](repeating: 7, count: 16 << 20))
        }
        router.register("/echo", methods: [.post, .put]) { request in
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/octet-stream"], body: request.body)
        }
        return router
    }

    static func get(_ path: String, port: Int, headers: String = "") -> TestHTTPResponse? {
        guard let connection = TestHTTPConnection(port: port) else { return nil }
        connection.send("GET \(path) HTTP/1.1\r\nHost: test\r\n\(headers)\r\n")
        return connection.readResponse()
    }

    @Test func keepAliveConnectionServesSeveralRequests() throws {
        try withTestServer(router: Self.router()) { _, port in
            let connection = try #require(TestHTTPConnection(port: port))
            for name in ["a", "b", "c"] {
                connection.send("GET /hello?name=\(name) HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try #require(connection.readResponse())
                #expect(response.status == 200)
                #expect(response.text == "hello \(name)\n")
                #expect(response.headers["Connection"] == nil)
                #expect(response.headers["Date"]?.hasSuffix(" GMT") == true)
            }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withTestServer(router: Self.router()) { _, port in
            let connection = try #require(TestHTTPConnection(port: port))
            connection.send(
                "GET /hello?name=1 HTTP/1.1\r\nHost: x\r\n\r\nGET /hello?name=2 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(connection.readResponse()?.text == "hello 1\n")
            #expect(connection.readResponse()?.text == "hello 2\n")
        }
    }

    @Test func headSendsHeadersWithTheGetLengthAndNoBody() throws {
        try withTestServer(router: Self.router()) { _, port in
            let connection = try #require(TestHTTPConnection(port: port))
            connection.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try #require(connection.readResponse(bodyExpected: false))
            #expect(head.status == 200)
            #expect(head.headers["Content-Length"] == String("hello world\n".utf8.count))
            // Had the server sent a body, it would be read as the start of this response.
            connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(connection.readResponse()?.text == "hello world\n")
        }
    }

    @Test func unknownPathIs404AndWrongMethodIs405WithAllow() throws {
        try withTestServer(router: Self.router()) { _, port in
            #expect(Self.get("/nothing", port: port)?.status == 404)
            let wrongMethod = try #require(Self.get("/echo", port: port))
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.headers["Allow"] == "POST, PUT")
        }
    }

    @Test func postBodyIsDeliveredAndExpectContinueIsAnswered() throws {
        try withTestServer(router: Self.router()) { _, port in
            let connection = try #require(TestHTTPConnection(port: port))
            connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            #expect(connection.readResponse(bodyExpected: false)?.status == 100)
            connection.send("hello")
            let response = try #require(connection.readResponse())
            #expect(response.status == 200)
            #expect(response.text == "hello")
        }
    }

    @Test(arguments: [
        ("NONSENSE\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\n\r\n", 400),
        ("GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "b", count: 20000))\r\n\r\n", 431),
        ("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411),
        ("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: br\r\n\r\n", 501),
        ("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n", 413),
        ("GET / HTTP/3.0\r\nHost: x\r\n\r\n", 505),
    ])
    func malformedRequestsGetTheirStatusAndTheConnectionCloses(request: String, status: Int) throws {
        try withTestServer(router: Self.router()) { _, port in
            let connection = try #require(TestHTTPConnection(port: port))
            connection.send(request)
            let response = try #require(connection.readResponse())
            #expect(response.status == status)
            #expect(response.headers["Connection"] == "close")
            #expect(connection.isClosedByServer())
        }
    }

    @Test func connectionCloseAndHTTP10EndTheConnection() throws {
        try withTestServer(router: Self.router()) { _, port in
            for request in [
                "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "GET /hello HTTP/1.0\r\n\r\n",
            ] {
                let connection = try #require(TestHTTPConnection(port: port))
                connection.send(request)
                let response = try #require(connection.readResponse())
                #expect(response.text == "hello world\n")
                #expect(response.headers["Connection"] == "close")
                #expect(connection.isClosedByServer())
            }
            let keptAlive = try #require(TestHTTPConnection(port: port))
            keptAlive.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(keptAlive.readResponse()?.headers["Connection"] == "keep-alive")
            keptAlive.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(keptAlive.readResponse()?.status == 200)
        }
    }

    @Test func gzipRoundTripWhenAccepted() throws {
        try withTestServer(router: Self.router()) { _, port in
            let compressed = try #require(Self.get("/large", port: port, headers: "Accept-Encoding: gzip\r\n"))
            #expect(compressed.headers["Content-Encoding"] == "gzip")
            #expect(compressed.headers["Vary"] == "Accept-Encoding")
            #expect(compressed.body.count < Self.largeText.utf8.count / 4)
            #expect(
                try GzipDecompressor.decompress(compressed.body, maximumSize: 1 << 20) == Array(Self.largeText.utf8))

            let head = try #require(TestHTTPConnection(port: port))
            head.send("HEAD /large HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
            let headResponse = try #require(head.readResponse(bodyExpected: false))
            #expect(headResponse.headers["Content-Length"] == String(compressed.body.count))

            let plain = try #require(Self.get("/large", port: port))
            #expect(plain.headers["Content-Encoding"] == nil)
            #expect(plain.headers["Vary"] == "Accept-Encoding")
            #expect(plain.text == Self.largeText)

            let small = try #require(Self.get("/hello", port: port, headers: "Accept-Encoding: gzip\r\n"))
            #expect(small.headers["Content-Encoding"] == nil)
            #expect(small.text == "hello world\n")
        }
    }

    @Test func slowlorisGets408WhileOthersAreServed() throws {
        let configuration = HTTPServerConfiguration(requestHeadTimeout: .seconds(1))
        try withTestServer(configuration: configuration, router: Self.router()) { _, port in
            let slow = try #require(TestHTTPConnection(port: port))
            slow.send("GET /hello HTTP/1.1\r\n")
            var dribbled = 0
            // Keep dribbling header bytes well past the head timeout; the server must cut in with 408.
            while dribbled < 40, slow.send("X-Slow-\(dribbled): y\r\n") {
                #expect(Self.get("/hello", port: port)?.status == 200)
                usleep(100_000)
                dribbled += 1
            }
            let response = try #require(slow.readResponse())
            #expect(response.status == 408)
            #expect(dribbled < 40)
        }
    }

    @Test func idleConnectionIsClosedAfterTheIdleTimeout() throws {
        let configuration = HTTPServerConfiguration(idleTimeout: .milliseconds(300))
        try withTestServer(configuration: configuration, router: Self.router()) { _, port in
            let connection = try #require(TestHTTPConnection(port: port))
            connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(connection.readResponse()?.status == 200)
            #expect(connection.isClosedByServer())
        }
    }

    @Test func threeHundredIdleConnectionsDoNotBlockARequest() throws {
        try withTestServer(router: Self.router()) { _, port in
            let idle = (0..<300).compactMap { _ in TestHTTPConnection(port: port) }
            #expect(idle.count == 300)
            for connection in idle.prefix(100) { connection.send("GET /hel") }
            let start = ContinuousClock.now
            #expect(Self.get("/hello", port: port)?.status == 200)
            #expect(start.duration(to: .now) < .seconds(5))
        }
    }

    @Test func connectionCapEvictsIdleConnectionsAndRejectsWhenAllAreBusy() throws {
        let configuration = HTTPServerConfiguration(maxConnections: 2)
        try withTestServer(configuration: configuration, router: Self.router()) { _, port in
            let idle = try #require(TestHTTPConnection(port: port))
            let busy = try #require(TestHTTPConnection(port: port))
            busy.send("GET /hel")
            usleep(200_000)
            #expect(Self.get("/hello", port: port)?.status == 200)
            #expect(idle.isClosedByServer())
            let alsoBusy = try #require(TestHTTPConnection(port: port))
            alsoBusy.send("GET /hel")
            usleep(200_000)
            let rejected = try #require(TestHTTPConnection(port: port))
            #expect(rejected.readResponse()?.status == 503)
            #expect(rejected.isClosedByServer())
        }
    }

    @Test func clientDisconnectingMidResponseDoesNotHurtTheServer() throws {
        try withTestServer(router: Self.router()) { _, port in
            for _ in 0..<3 {
                let connection = try #require(TestHTTPConnection(port: port))
                connection.send("GET /huge HTTP/1.1\r\nHost: x\r\n\r\n")
                var scratch = [UInt8](repeating: 0, count: 1024)
                _ = recv(connection.fd, &scratch, scratch.count, 0)
                var linger = linger(l_onoff: 1, l_linger: 0)  // Close with a reset, the rudest disconnect.
                setsockopt(connection.fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            }
            #expect(Self.get("/hello", port: port)?.status == 200)
        }
    }

    @Test func garbageIsAnswered400AndTheServerCarriesOn() throws {
        try withTestServer(router: Self.router()) { _, port in
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<5 {
                let connection = try #require(TestHTTPConnection(port: port))
                connection.send((0..<65536).map { _ in UInt8.random(in: 0...255, using: &generator) })
                if let response = connection.readResponse() { #expect([400, 414, 431].contains(response.status)) }
                #expect(connection.isClosedByServer())
            }
            #expect(Self.get("/hello", port: port)?.status == 200)
        }
    }

    @Test func clientThatStopsReadingIsCutOffAfterTheWriteTimeout() throws {
        let configuration = HTTPServerConfiguration(writeTimeout: .milliseconds(500))
        try withTestServer(configuration: configuration, router: Self.router()) { _, port in
            let connection = try #require(TestHTTPConnection(port: port))
            connection.send("GET /huge HTTP/1.1\r\nHost: x\r\n\r\n")
            sleep(2)
            var received = 0
            var scratch = [UInt8](repeating: 0, count: 65536)
            while case let count = recv(connection.fd, &scratch, scratch.count, 0), count > 0 { received += count }
            #expect(received < 16 << 20)
            #expect(Self.get("/hello", port: port)?.status == 200)
        }
    }

    @Test func slowHandlerDoesNotDelayOtherRoutes() throws {
        let release = DispatchSemaphore(value: 0)
        let entered = DispatchSemaphore(value: 0)
        var router = Self.router()
        router.register("/slow") { _ in
            entered.signal()
            release.wait()
            return .text("done")
        }
        try withTestServer(configuration: HTTPServerConfiguration(handlerConcurrency: 2), router: router) { _, port in
            let slow = try #require(TestHTTPConnection(port: port))
            slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
            entered.wait()
            #expect(Self.get("/hello", port: port)?.status == 200)
            release.signal()
            #expect(slow.readResponse()?.text == "done\n")
        }
    }

    @Test func concurrencyLimiterAnswers503WhenTheLimitIsReached() throws {
        let release = DispatchSemaphore(value: 0)
        let entered = DispatchSemaphore(value: 0)
        let limiter = ConcurrencyLimiter(maxInFlight: 1)
        var router = Router()
        router.register(
            "/metrics",
            handler: limiter.limiting { _ in
                entered.signal()
                release.wait()
                return .text("ok")
            })
        try withTestServer(router: router) { _, port in
            let first = try #require(TestHTTPConnection(port: port))
            first.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
            entered.wait()
            let rejected = try #require(Self.get("/metrics", port: port))
            #expect(rejected.status == 503)
            #expect(rejected.text == "Limit of concurrent requests reached (1), try again later.\n")
            release.signal()
            #expect(first.readResponse()?.status == 200)
            release.signal()
            #expect(Self.get("/metrics", port: port)?.status == 200)
        }
    }

    @Test func requestsAreCountedByHandlerAndCode() throws {
        let metrics = HTTPServerMetrics(namespace: "test")
        try withTestServer(configuration: HTTPServerConfiguration(metrics: metrics), router: Self.router()) { _, port in
            _ = Self.get("/hello", port: port)
            _ = Self.get("/hello", port: port)
            _ = Self.get("/missing", port: port)
            let counts = metrics.collect()[0].samples.map {
                "\($0.labels["handler"] ?? "") \($0.labels["code"] ?? "") \($0.value)"
            }
            #expect(counts.contains("/hello 200 2.0"))
            #expect(counts.contains("other 404 1.0"))
        }
    }

    @Test func shutdownClosesIdleConnectionsAndRefusesNewOnes() throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration(), router: Self.router())
        let port = try server.start()
        #expect(server.port == port)
        let connection = try #require(TestHTTPConnection(port: port))
        connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(connection.readResponse()?.status == 200)
        server.shutdown(gracePeriod: .seconds(5))
        #expect(connection.isClosedByServer())
        #expect(TestHTTPConnection(port: port) == nil)
        #expect(server.port == nil)
    }

    @Test func shutdownLetsAnInFlightRequestFinishWithConnectionClose() throws {
        let release = DispatchSemaphore(value: 0)
        let entered = DispatchSemaphore(value: 0)
        var router = Router()
        router.register("/slow") { _ in
            entered.signal()
            release.wait()
            return .text("done")
        }
        let server = HTTPServer(configuration: HTTPServerConfiguration(), router: router)
        let port = try server.start()
        let connection = try #require(TestHTTPConnection(port: port))
        connection.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        entered.wait()
        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue(label: "shutdown").async {
            server.shutdown(gracePeriod: .seconds(10))
            stopped.signal()
        }
        // Once new connections are refused the server is draining.
        var attempts = 0
        while TestHTTPConnection(port: port) != nil && attempts < 100 {
            usleep(50_000)
            attempts += 1
        }
        release.signal()
        let response = try #require(connection.readResponse())
        #expect(response.text == "done\n")
        #expect(response.headers["Connection"] == "close")
        #expect(stopped.wait(timeout: .now() + 10) == .success)
    }
}
