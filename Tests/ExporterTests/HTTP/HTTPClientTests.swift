import Glibc
import Testing

@testable import Exporter

/// The client against the project's own server on 127.0.0.1.
@Suite struct HTTPClientTests {
    private func withServer(_ body: (Int) throws -> Void) throws {
        var router = Router()
        router.register("/text") { _ in .text(String(repeating: "sample_metric 1\n", count: 200)) }
        router.register("/echo", methods: [.post]) { request in
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], body: request.body)
        }
        router.register("/slow") { _ in
            usleep(1_500_000)
            return .text("late")
        }
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), router: router)
        let port = try server.start()
        defer { server.shutdown(gracePeriod: .seconds(3)) }
        try body(port)
    }

    @Test func getsAndDecompressesGzip() throws {
        try withServer { port in
            let response = try HTTPClient().send(
                .get, host: "127.0.0.1", port: port, target: "/text", headers: ["Accept-Encoding": "gzip"])
            #expect(response.status == 200)
            #expect(response.headers["content-encoding"] == "gzip")
            #expect(response.body.count == 16 * 200)
        }
    }

    @Test func postsABody() throws {
        try withServer { port in
            let payload = Array(#"[{"labels":{"alertname":"Down"}}]"#.utf8)
            let response = try HTTPClient().send(.post, host: "localhost", port: port, target: "/echo", body: payload)
            #expect(response.body == payload)
        }
    }

    @Test func notFoundIsAResponseNotAnError() throws {
        try withServer { port in
            let response = try HTTPClient().send(.get, host: "127.0.0.1", port: port, target: "/nope")
            #expect(response.status == 404)
        }
    }

    @Test func slowServersTimeOut() throws {
        try withServer { port in
            let client = HTTPClient(timeout: .milliseconds(300))
            #expect(throws: HTTPClientError.timedOut(seconds: 0.3)) {
                try client.send(.get, host: "127.0.0.1", port: port, target: "/slow")
            }
        }
    }

    @Test func refusedConnectionsAndUnknownHostsAreErrors() throws {
        var port = 0
        try withServer { port = $0 }
        #expect(throws: HTTPClientError.self) {
            try HTTPClient().send(.get, host: "127.0.0.1", port: port, target: "/")
        }
        #expect(throws: HTTPClientError.unresolvable(host: "no-such-host.invalid")) {
            try HTTPClient().send(.get, host: "no-such-host.invalid", port: 80, target: "/")
        }
    }
}
