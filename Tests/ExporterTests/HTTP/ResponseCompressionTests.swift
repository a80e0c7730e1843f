import Testing

@testable import Exporter

@Suite struct ResponseCompressionTests {
    @Test(arguments: [
        ("gzip", true),
        ("gzip, deflate, br", true),
        ("br;q=1.0, GZIP;q=0.5", true),
        ("x-gzip", true),
        ("gzip;q=0", false),
        ("gzip; q=0.000", false),
        ("*", true),
        ("*;q=0", false),
        ("gzip;q=0, *", false),
        ("deflate, br", false),
        ("identity", false),
    ])
    func acceptEncodingNegotiation(header: String, accepted: Bool) {
        #expect(ResponseCompression.acceptsGzip(["Accept-Encoding": header]) == accepted)
    }

    @Test func missingAcceptEncodingMeansNoGzip() {
        #expect(!ResponseCompression.acceptsGzip([:]))
    }

    @Test(arguments: [
        ("text/plain; version=0.0.4; charset=utf-8", true),
        ("application/openmetrics-text; version=1.0.0; charset=utf-8", true),
        ("application/json", true),
        ("application/health+json", true),
        ("Text/HTML", true),
        ("application/octet-stream", false),
        ("image/png", false),
    ])
    func compressibleContentTypes(contentType: String, compressible: Bool) {
        #expect(ResponseCompression.isCompressible(contentType) == compressible)
    }

    @Test func appliesOnlyAboveTheMinimumSizeAndOnlyOnce() throws {
        let policy = ResponseCompression(minimumBytes: 100)
        let gzip: HTTPHeaders = ["Accept-Encoding": "gzip"]
        var small = HTTPResponse.text(String(repeating: "a", count: 50))
        policy.apply(to: &small, requestHeaders: gzip)
        #expect(small.headers["Content-Encoding"] == nil)
        #expect(small.headers["Vary"] == nil)

        let text = String(repeating: "abc", count: 100)
        var large = HTTPResponse.text(text)
        policy.apply(to: &large, requestHeaders: gzip)
        #expect(large.headers["Content-Encoding"] == "gzip")
        #expect(try GzipDecompressor.decompress(large.body, maximumSize: 1 << 20) == Array((text + "\n").utf8))

        var alreadyEncoded = HTTPResponse(
            status: .ok, headers: ["Content-Type": "text/plain", "Content-Encoding": "br"],
            body: Array(repeating: 1, count: 200))
        policy.apply(to: &alreadyEncoded, requestHeaders: gzip)
        #expect(alreadyEncoded.headers.values(for: "Content-Encoding") == ["br"])
    }
}
