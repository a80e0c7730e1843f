import Testing

@testable import Exporter

@Suite struct HTTPResponseParserTests {
    private func parse(_ pieces: [String], limit: Int = 1024, closed: Bool = false) throws -> HTTPClientResponse {
        var parser = HTTPResponseParser(maximumBodySize: limit)
        var complete = false
        for piece in pieces { complete = try parser.append(Array(piece.utf8)) }
        #expect(complete != closed)
        return try parser.finish()
    }

    @Test func contentLengthBodyCompletesAcrossPieces() throws {
        let response = try parse(["HTTP/1.1 200 OK\r\nContent-", "Length: 5\r\nX-A: b\r\n\r\nhel", "lo"])
        #expect(response.status == 200)
        #expect(response.headers["x-a"] == "b")
        #expect(response.body == Array("hello".utf8))
    }

    @Test func chunkedBodyIsReassembled() throws {
        let response = try parse([
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;ext=1\r\npedia\r\n", "0\r\n\r\n",
        ])
        #expect(response.body == Array("Wikipedia".utf8))
    }

    @Test func bodyWithoutFramingLastsUntilClose() throws {
        let response = try parse(["HTTP/1.0 200 OK\r\n\r\nall of it"], closed: true)
        #expect(response.body == Array("all of it".utf8))
    }

    @Test func gzipBodiesAreDecompressed() throws {
        let compressed = try #require(GzipCompressor.compress(Array(String(repeating: "metric 1\n", count: 50).utf8)))
        var parser = HTTPResponseParser(maximumBodySize: 4096)
        let head = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: \(compressed.count)\r\n\r\n"
        #expect(try parser.append(Array(head.utf8) + compressed))
        #expect(try parser.finish().body.count == 450)
    }

    @Test func oversizedBodiesAndGzipBombsAreRefused() throws {
        var parser = HTTPResponseParser(maximumBodySize: 10)
        #expect(throws: HTTPClientError.bodyTooLarge(limit: 10)) {
            try parser.append(Array("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n".utf8))
        }
        let bomb = try #require(GzipCompressor.compress([UInt8](repeating: 0, count: 1 << 20)))
        var bombParser = HTTPResponseParser(maximumBodySize: 4096)
        let head = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: \(bomb.count)\r\n\r\n"
        #expect(try bombParser.append(Array(head.utf8) + bomb))
        #expect(throws: HTTPClientError.bodyTooLarge(limit: 4096)) { try bombParser.finish() }
    }

    @Test(arguments: [
        "SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
    ])
    func malformedHeadsAreErrors(text: String) {
        var parser = HTTPResponseParser(maximumBodySize: 100)
        #expect(throws: HTTPClientError.self) { try parser.append(Array(text.utf8)) }
    }

    @Test func truncatedResponsesAreErrors() throws {
        var parser = HTTPResponseParser(maximumBodySize: 100)
        #expect(try !parser.append(Array("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc".utf8)))
        #expect(throws: HTTPClientError.connectionClosed) { try parser.finish() }
        #expect(throws: HTTPClientError.connectionClosed) { try HTTPResponseParser(maximumBodySize: 1).finish() }
    }

    @Test func endlessHeadsAreCut() {
        var parser = HTTPResponseParser(maximumBodySize: 100)
        #expect(throws: HTTPClientError.self) {
            try parser.append(Array(("HTTP/1.1 200 OK\r\nX: " + String(repeating: "a", count: 70_000)).utf8))
        }
    }
}
