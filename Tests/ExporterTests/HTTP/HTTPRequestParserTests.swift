import Testing

@testable import Exporter

@Suite struct HTTPRequestParserTests {
    /// Feeds `text` in one piece and returns every step until the parser needs more data or fails.
    static func steps(_ text: String, limits: HTTPRequestLimits = HTTPRequestLimits()) -> [HTTPRequestParser.Step] {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array(text.utf8))
        var steps: [HTTPRequestParser.Step] = []
        while true {
            let step = parser.next()
            steps.append(step)
            switch step {
            case .request, .continueExpected: continue
            case .needMoreData, .failure: return steps
            }
        }
    }

    static func request(_ text: String) -> HTTPRequest? {
        guard case .request(let request) = steps(text).first else { return nil }
        return request
    }

    static func failure(_ text: String, limits: HTTPRequestLimits = HTTPRequestLimits()) -> HTTPRequestParseError? {
        guard case .failure(let error) = steps(text, limits: limits).last else { return nil }
        return error
    }

    @Test func parsesRequestLineHeadersAndQuery() throws {
        let request = try #require(
            Self.request(
                "GET /metrics?collect[]=cpu&collect[]=meminfo HTTP/1.1\r\nHost: localhost:9100\r\n"
                    + "Accept-Encoding: gzip\r\nX-Empty:\r\n\r\n"))
        #expect(request.method == .get)
        #expect(request.target == "/metrics?collect[]=cpu&collect[]=meminfo")
        #expect(request.path == "/metrics")
        #expect(request.query.values(for: "collect[]") == ["cpu", "meminfo"])
        #expect(request.version == .http11)
        #expect(request.headers["host"] == "localhost:9100")
        #expect(request.headers["ACCEPT-ENCODING"] == "gzip")
        #expect(request.headers["X-Empty"] == "")
        #expect(request.body.isEmpty)
        #expect(request.keepAlive)
    }

    @Test func byteByByteFeedingGivesTheSameRequest() throws {
        let text = "POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
        var parser = HTTPRequestParser()
        var result: HTTPRequest?
        for byte in text.utf8 {
            #expect(result == nil)
            parser.append([byte])
            if case .request(let request) = parser.next() { result = request }
        }
        let request = try #require(result)
        #expect(request == Self.request(text))
        #expect(request.body == Array("hello".utf8))
    }

    @Test func pipelinedRequestsComeOutInOrder() {
        let steps = Self.steps(
            "GET /a HTTP/1.1\r\nHost: h\r\n\r\nPOST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nokGET /c HTTP/1.1\r\n"
        )
        let paths = steps.compactMap { step -> String? in
            if case .request(let request) = step { return request.path }
            return nil
        }
        #expect(paths == ["/a", "/b"])
        #expect(steps.last == .needMoreData)
    }

    @Test func hasPartialRequestTracksTheFirstByte() {
        var parser = HTTPRequestParser()
        #expect(!parser.hasPartialRequest)
        parser.append(Array("G".utf8))
        #expect(parser.next() == .needMoreData)
        #expect(parser.hasPartialRequest)
        parser.append(Array("ET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        guard case .request = parser.next() else {
            Issue.record("expected a request")
            return
        }
        #expect(!parser.hasPartialRequest)
    }

    @Test func expectContinueIsAnnouncedOnceBeforeTheBody() {
        var parser = HTTPRequestParser()
        parser.append(Array("POST /echo HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n".utf8))
        #expect(parser.next() == .continueExpected)
        #expect(parser.isReadingBody)
        #expect(parser.next() == .needMoreData)
        parser.append(Array("abc".utf8))
        guard case .request(let request) = parser.next() else {
            Issue.record("expected a request")
            return
        }
        #expect(request.body == Array("abc".utf8))
    }

    @Test func toleratesBareLineFeedsAndLeadingEmptyLines() throws {
        let request = try #require(Self.request("\r\n\nGET / HTTP/1.1\nHost: h\n\n"))
        #expect(request.path == "/")
    }

    @Test func absoluteFormTargetYieldsItsPath() throws {
        let request = try #require(Self.request("GET http://example.com:9100/metrics?x=1 HTTP/1.1\r\nHost: h\r\n\r\n"))
        #expect(request.path == "/metrics")
        #expect(request.query["x"] == "1")
    }

    @Test func percentEncodedPathIsDecoded() throws {
        let request = try #require(Self.request("GET /met%72ics HTTP/1.1\r\nHost: h\r\n\r\n"))
        #expect(request.path == "/metrics")
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: h\r\n\r\n", true),
        ("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", false),
        ("GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, CLOSE\r\n\r\n", false),
        ("GET / HTTP/1.0\r\n\r\n", false),
        ("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true),
    ])
    func keepAliveFollowsVersionAndConnectionHeader(text: String, keepAlive: Bool) throws {
        #expect(try #require(Self.request(text)).keepAlive == keepAlive)
    }

    @Test(arguments: [
        ("GET /\r\n\r\n", 400),
        ("GET  / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("G@T / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("GET metrics HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("GET /%zz HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("GET /\u{7F} HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("GET / HTTP/1.x\r\nHost: h\r\n\r\n", 400),
        ("GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505),
        ("GET / HTTP/1.1\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n  folded\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost : h\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: h\r\n: empty\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u{0}b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\rb\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n", 411),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: abc\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2000000\r\n\r\n", 413),
        ("POST / HTTP/1.1\r\nHost: h\r\nExpect: 200-ok\r\n\r\n", 417),
    ])
    func rejectsMalformedRequests(text: String, status: Int) throws {
        #expect(try #require(Self.failure(text)).status.code == status)
    }

    @Test func identicalRepeatedContentLengthIsAccepted() throws {
        let request = try #require(
            Self.request("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok"))
        #expect(request.body == Array("ok".utf8))
    }

    @Test func overlongRequestLineGives414EvenBeforeItEnds() throws {
        let limits = HTTPRequestLimits(maxRequestLineBytes: 64)
        let target = String(repeating: "a", count: 100)
        #expect(try #require(Self.failure("GET /\(target)", limits: limits)).status == .uriTooLong)
        #expect(try #require(Self.failure("GET /\(target) HTTP/1.1\r\n", limits: limits)).status == .uriTooLong)
        #expect(Self.steps("GET /\(target.prefix(40)) HTTP/1.1\r\n", limits: limits).last == .needMoreData)
    }

    @Test func oversizedHeaderSectionGives431() throws {
        let limits = HTTPRequestLimits(maxHeaderBytes: 100, maxHeaderCount: 3)
        let big = String(repeating: "v", count: 200)
        #expect(try #require(Self.failure("GET / HTTP/1.1\r\nX-Big: \(big)", limits: limits)).status.code == 431)
        #expect(
            try #require(Self.failure("GET / HTTP/1.1\r\nX-Big: \(big)\r\n\r\n", limits: limits)).status.code == 431)
        let many = "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"
        #expect(try #require(Self.failure(many, limits: limits)).status.code == 431)
    }

    @Test func errorNamesLineColumnExpectedAndFound() throws {
        let error = try #require(Self.failure("GET / HTTP/1.1\r\nHost: h\r\nBad Name: y\r\n\r\n"))
        #expect(error.description == "3:4: expected header field name token followed by ':', found ' '")
    }

    @Test func failureIsSticky() {
        var parser = HTTPRequestParser()
        parser.append(Array("BAD\r\n".utf8))
        let first = parser.next()
        parser.append(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        #expect(parser.next() == first)
        guard case .failure = first else {
            Issue.record("expected a failure")
            return
        }
    }
}
