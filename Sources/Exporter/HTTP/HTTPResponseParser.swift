import PromText

/// Reads an HTTP/1.x response from bytes as they arrive: a pure value, no sockets inside.
///
/// Feed bytes with ``append(_:)`` until it reports the response complete (by `Content-Length`, the last chunk of a
/// chunked body, or — for neither — the end of the connection, signalled with ``finish()``). The body is limited
/// to `maximumBodySize` bytes before and after gzip decompression, and the head to 64 KiB.
public struct HTTPResponseParser: Sendable {
    /// The most head bytes accepted before the blank line.
    static let maximumHeadSize = 64 * 1024

    private enum Framing: Sendable {
        case contentLength(Int)
        case chunked
        case untilClose
    }

    private let maximumBodySize: Int
    private var buffer: [UInt8] = []
    private var head: (status: Int, headers: HTTPHeaders, bodyStart: Int, framing: Framing)?

    /// Creates a parser that refuses bodies larger than `maximumBodySize` bytes.
    public init(maximumBodySize: Int) {
        self.maximumBodySize = maximumBodySize
    }

    /// Adds received bytes; returns `true` once the response is complete.
    public mutating func append(_ bytes: some Collection<UInt8>) throws(HTTPClientError) -> Bool {
        buffer.append(contentsOf: bytes)
        if head == nil {
            guard let end = Self.endOfHead(in: buffer) else {
                guard buffer.count <= Self.maximumHeadSize else {
                    throw .malformedResponse("response head exceeds \(Self.maximumHeadSize) bytes")
                }
                return false
            }
            head = try Self.parseHead(buffer[..<end], bodyStart: end + 4)
        }
        guard let head else { return false }
        let bodyBytes = buffer.count - head.bodyStart
        guard bodyBytes <= maximumBodySize + 64 * 1024 else { throw .bodyTooLarge(limit: maximumBodySize) }
        switch head.framing {
        case .contentLength(let length):
            guard length <= maximumBodySize else { throw .bodyTooLarge(limit: maximumBodySize) }
            return bodyBytes >= length
        case .chunked:
            return try Self.dechunk(buffer[head.bodyStart...], limit: maximumBodySize) != nil
        case .untilClose:
            return false
        }
    }

    /// The complete response; call when ``append(_:)`` returned `true` or the peer closed the connection.
    public func finish() throws(HTTPClientError) -> HTTPClientResponse {
        guard let head else { throw .connectionClosed }
        var body: [UInt8]
        switch head.framing {
        case .contentLength(let length):
            guard buffer.count - head.bodyStart >= length else { throw .connectionClosed }
            body = Array(buffer[head.bodyStart..<(head.bodyStart + length)])
        case .chunked:
            guard let dechunked = try Self.dechunk(buffer[head.bodyStart...], limit: maximumBodySize) else {
                throw .connectionClosed
            }
            body = dechunked
        case .untilClose:
            body = Array(buffer[head.bodyStart...])
        }
        guard body.count <= maximumBodySize else { throw .bodyTooLarge(limit: maximumBodySize) }
        if head.headers["content-encoding"]?.lowercased() == "gzip" {
            do {
                body = try GzipDecompressor.decompress(body, maximumSize: maximumBodySize)
            } catch .tooLarge {
                throw .bodyTooLarge(limit: maximumBodySize)
            } catch {
                throw .malformedResponse("invalid gzip body")
            }
        }
        return HTTPClientResponse(status: head.status, headers: head.headers, body: body)
    }

    private static func endOfHead(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    private static func parseHead(_ bytes: ArraySlice<UInt8>, bodyStart: Int) throws(HTTPClientError) -> (
        status: Int, headers: HTTPHeaders, bodyStart: Int, framing: Framing
    ) {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
        guard let statusLine = lines.first else { throw .malformedResponse("empty response") }
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3, let status = Int(parts[1]),
            status >= 100
        else {
            throw .malformedResponse("bad status line \(GoString.quoted(String(statusLine)))")
        }
        var fields: [HTTPHeaders.Field] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else {
                throw .malformedResponse("bad header line \(GoString.quoted(String(line)))")
            }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingASCIISpaces()
            fields.append(HTTPHeaders.Field(name: name, value: value))
        }
        let headers = HTTPHeaders(fields)
        let framing: Framing
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            framing = .chunked
        } else if let lengthText = headers["content-length"] {
            guard let length = Int(lengthText), length >= 0 else {
                throw .malformedResponse("bad Content-Length \(GoString.quoted(lengthText))")
            }
            framing = .contentLength(length)
        } else if status == 204 || status == 304 || (100..<200).contains(status) {
            framing = .contentLength(0)
        } else {
            framing = .untilClose
        }
        return (status, headers, bodyStart, framing)
    }

    /// The body of a complete chunked encoding, or `nil` while the last chunk has not arrived.
    private static func dechunk(_ bytes: ArraySlice<UInt8>, limit: Int) throws(HTTPClientError) -> [UInt8]? {
        var body: [UInt8] = []
        var index = bytes.startIndex
        while true {
            guard let lineEnd = bytes[index...].firstIndex(of: 10) else { return nil }
            let sizeText =
                String(decoding: bytes[index..<lineEnd], as: UTF8.self)
                .split(separator: ";", maxSplits: 1).first.map(String.init)?.trimmingASCIISpaces() ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else {
                throw .malformedResponse("bad chunk size \(GoString.quoted(sizeText))")
            }
            guard body.count + size <= limit else { throw .bodyTooLarge(limit: limit) }
            let dataStart = lineEnd + 1
            if size == 0 { return bytes[dataStart...].count >= 2 ? body : nil }
            guard bytes.endIndex - dataStart >= size + 2 else { return nil }
            body += bytes[dataStart..<(dataStart + size)]
            index = dataStart + size + 2
        }
    }
}
