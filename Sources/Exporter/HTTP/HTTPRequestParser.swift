import PromText

/// An incremental HTTP/1.x request parser: a pure state machine fed bytes as they arrive from a connection.
///
/// Call ``append(_:)`` with received bytes, then ``next()`` until it returns ``Step/needMoreData``. Bytes after a
/// complete request stay buffered for the next one (pipelining). After a ``Step/failure(_:)`` the parser keeps
/// returning the same failure: the connection must answer with the error's status and close.
///
/// The parser accepts CRLF or bare LF line ends (RFC 9112 §2.2), ignores empty lines before a request line,
/// rejects obsolete line folding, whitespace before a field's colon, control characters, ambiguous framing
/// (`Transfer-Encoding` together with `Content-Length`, conflicting lengths) and missing or repeated `Host` in
/// HTTP/1.1. Bodies are read only with `Content-Length`: chunked bodies get 411, other codings 501.
public struct HTTPRequestParser: Sendable {
    /// What the parser has for the caller after consuming the buffered bytes.
    public enum Step: Sendable, Hashable {
        /// No complete request yet; feed more bytes.
        case needMoreData
        /// The client sent `Expect: 100-continue` and waits for `100 Continue` before sending its body.
        case continueExpected
        /// A complete request.
        case request(HTTPRequest)
        /// The bytes cannot be a valid request; answer with the error's status and close.
        case failure(HTTPRequestParseError)
    }

    private struct Head {
        var method: HTTPMethod
        var target: String
        var path: String
        var query: QueryParameters
        var version: HTTPVersion
        var headers = HTTPHeaders()
        var headerBytes = 0

        /// Whether the client waits for `100 Continue` before sending its body.
        var expectsContinue: Bool {
            headers["Expect"]?.equalsIgnoringASCIICase("100-continue") ?? false
        }

        func request(body: [UInt8]) -> HTTPRequest {
            HTTPRequest(
                method: method, target: target, path: path, query: query, version: version, headers: headers,
                body: body)
        }
    }

    private enum State {
        case requestLine
        case headerFields(Head)
        case body(Head, length: Int)
        case failed(HTTPRequestParseError)
    }

    /// The limits this parser enforces.
    public let limits: HTTPRequestLimits
    private var state = State.requestLine
    /// Unconsumed bytes; the current request starts at index 0 (finished requests are removed).
    private var buffer: [UInt8] = []
    /// Index of the first unconsumed byte (start of the current line or of the body).
    private var lineStart = 0
    /// Index up to which `buffer` has been searched for a line feed.
    private var scanned = 0
    private var continueAnnounced = false

    /// Creates a parser enforcing `limits`.
    public init(limits: HTTPRequestLimits = HTTPRequestLimits()) {
        self.limits = limits
    }

    /// Whether bytes of an unfinished request are buffered (a request has started arriving).
    public var hasPartialRequest: Bool {
        if case .requestLine = state { return !buffer.isEmpty }
        return true
    }

    /// Whether the head of the current request is complete and its body is still arriving.
    public var isReadingBody: Bool {
        if case .body = state { return true }
        return false
    }

    /// Buffers received bytes; call ``next()`` afterwards.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Consumes buffered bytes and reports the next complete request, a need for more data, or a failure.
    public mutating func next() -> Step {
        while true {
            switch state {
            case .failed(let error):
                return .failure(error)
            case .body(let head, let length):
                guard buffer.count - lineStart >= length else {
                    if !continueAnnounced && head.expectsContinue {
                        continueAnnounced = true
                        return .continueExpected
                    }
                    return .needMoreData
                }
                let body = Array(buffer[lineStart..<lineStart + length])
                finishRequest(consumedUpTo: lineStart + length)
                return .request(head.request(body: body))
            case .requestLine, .headerFields:
                guard let line = nextLine() else {
                    if let error = checkUnterminatedLine() { return fail(error) }
                    return .needMoreData
                }
                if let step = consume(line: line) { return step }
            }
        }
    }

    // MARK: Lines

    /// The next complete line (without its CR LF), advancing past it, or `nil` when no line feed is buffered.
    private mutating func nextLine() -> Range<Int>? {
        guard let feed = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) else {
            scanned = buffer.count
            return nil
        }
        var end = feed
        if end > lineStart && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = lineStart..<end
        lineStart = feed + 1
        scanned = lineStart
        return line
    }

    /// A limit error when the unterminated line buffered so far is already too long.
    private func checkUnterminatedLine() -> HTTPRequestParseError? {
        switch state {
        case .requestLine where buffer.count > limits.maxRequestLineBytes:
            return error(
                .uriTooLong, at: 0, expected: "request line",
                found: "more than \(limits.maxRequestLineBytes) bytes")
        case .headerFields(let head) where head.headerBytes + buffer.count - lineStart > limits.maxHeaderBytes:
            return headerSectionTooLarge(at: lineStart)
        default:
            return nil
        }
    }

    private mutating func consume(line: Range<Int>) -> Step? {
        switch state {
        case .requestLine:
            if lineStart > limits.maxRequestLineBytes + 2 {
                return fail(
                    error(
                        .uriTooLong, at: 0, expected: "request line",
                        found: "more than \(limits.maxRequestLineBytes) bytes"))
            }
            if line.isEmpty { return nil }
            switch parseRequestLine(line) {
            case .success(let head): state = .headerFields(head)
            case .failure(let error): return fail(error)
            }
            return nil
        case .headerFields(var head):
            head.headerBytes += lineStart - line.lowerBound
            if head.headerBytes > limits.maxHeaderBytes { return fail(headerSectionTooLarge(at: line.lowerBound)) }
            if line.isEmpty { return endOfHead(head, at: line.lowerBound) }
            switch parseField(line) {
            case .success(let field):
                head.headers.add(name: field.name, value: field.value)
                if head.headers.fields.count > limits.maxHeaderCount {
                    return fail(
                        error(
                            .requestHeaderFieldsTooLarge, at: line.lowerBound,
                            expected: "at most \(limits.maxHeaderCount) header fields", found: "more"))
                }
                state = .headerFields(head)
                return nil
            case .failure(let error):
                return fail(error)
            }
        case .body, .failed:
            preconditionFailure("lines are only read in the request head")
        }
    }

    // MARK: Request line

    private func parseRequestLine(_ line: Range<Int>) -> Result<Head, HTTPRequestParseError> {
        let bytes = buffer[line]
        let spaces = bytes.indices.filter { bytes[$0] == UInt8(ascii: " ") }
        guard spaces.count == 2, let firstSpace = spaces.first, let secondSpace = spaces.last else {
            return .failure(
                error(
                    .badRequest, at: line.lowerBound, expected: "request line 'METHOD target HTTP/1.1'",
                    found: describe(bytes)))
        }
        let method = buffer[line.lowerBound..<firstSpace]
        guard !method.isEmpty, method.allSatisfy(ASCII.isTokenByte) else {
            return .failure(error(.badRequest, at: line.lowerBound, expected: "method token", found: describe(method)))
        }
        let targetBytes = buffer[firstSpace + 1..<secondSpace]
        if let bad = targetBytes.firstIndex(where: { $0 < 0x21 || $0 > 0x7E }) {
            return .failure(
                error(
                    .badRequest, at: bad, expected: "visible ASCII in request target",
                    found: describe(buffer[bad...bad])))
        }
        let target = String(decoding: targetBytes, as: UTF8.self)
        let methodName = HTTPMethod(String(decoding: method, as: UTF8.self))
        let isAsterisk = target == "*" && methodName == .options
        guard target.hasPrefix("/") || isAsterisk || target.hasPrefix("http://") || target.hasPrefix("https://") else {
            return .failure(
                error(
                    .badRequest, at: firstSpace + 1, expected: "request target starting with '/'",
                    found: describe(targetBytes)))
        }
        let (rawPath, rawQuery) = HTTPRequest.split(target: Substring(target))
        guard let path = PercentDecoding.decode(rawPath, plusIsSpace: false) else {
            return .failure(
                error(
                    .badRequest, at: firstSpace + 1, expected: "valid percent-encoding in path",
                    found: describe(targetBytes)))
        }
        let versionBytes = buffer[secondSpace + 1..<line.upperBound]
        switch parseVersion(versionBytes) {
        case .some(let version) where version.major == 1:
            return .success(
                Head(
                    method: methodName, target: target, path: path, query: QueryParameters(parsing: rawQuery),
                    version: version))
        case .some:
            return .failure(
                error(
                    .httpVersionNotSupported, at: secondSpace + 1, expected: "HTTP/1.x", found: describe(versionBytes)))
        case .none:
            return .failure(
                error(
                    .badRequest, at: secondSpace + 1, expected: "HTTP version 'HTTP/1.1'", found: describe(versionBytes)
                ))
        }
    }

    private func parseVersion(_ bytes: ArraySlice<UInt8>) -> HTTPVersion? {
        let digits = bytes.dropFirst(5)
        guard bytes.starts(with: "HTTP/".utf8), digits.count == 3, let major = digits.first, let minor = digits.last,
            digits[digits.startIndex + 1] == UInt8(ascii: "."), ASCII.isDigit(major), ASCII.isDigit(minor)
        else { return nil }
        return HTTPVersion(major: Int(major - UInt8(ascii: "0")), minor: Int(minor - UInt8(ascii: "0")))
    }

    // MARK: Header fields

    private func parseField(_ line: Range<Int>) -> Result<HTTPHeaders.Field, HTTPRequestParseError> {
        let bytes = buffer[line]
        if let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            return .failure(
                error(
                    .badRequest, at: line.lowerBound, expected: "header field name (line folding is obsolete)",
                    found: "whitespace"))
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else {
            return .failure(
                error(.badRequest, at: line.lowerBound, expected: "header field 'name: value'", found: describe(bytes)))
        }
        let name = buffer[line.lowerBound..<colon]
        if let bad = name.firstIndex(where: { !ASCII.isTokenByte($0) }) ?? (name.isEmpty ? colon : nil) {
            return .failure(
                error(
                    .badRequest, at: bad, expected: "header field name token followed by ':'",
                    found: describe(buffer[bad...bad])))
        }
        let rawValue = buffer[colon + 1..<line.upperBound]
        if let bad = rawValue.firstIndex(where: { ($0 < 0x20 && $0 != UInt8(ascii: "\t")) || $0 == 0x7F }) {
            return .failure(
                error(.badRequest, at: bad, expected: "header field value", found: describe(buffer[bad...bad])))
        }
        let isWhitespace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let value = rawValue.drop(while: isWhitespace).reversed().drop(while: isWhitespace).reversed()
        return .success(
            HTTPHeaders.Field(
                name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self)))
    }

    // MARK: End of head: framing

    private mutating func endOfHead(_ head: Head, at offset: Int) -> Step? {
        let headers = head.headers
        let hosts = headers.values(for: "Host")
        if hosts.count > 1 || (hosts.isEmpty && head.version.minor >= 1) {
            return fail(
                error(.badRequest, at: offset, expected: "exactly one Host header field", found: "\(hosts.count)"))
        }
        let codings = headers.listElements(for: "Transfer-Encoding")
        if !codings.isEmpty || headers.contains("Transfer-Encoding") {
            if headers.contains("Content-Length") {
                return fail(
                    error(
                        .badRequest, at: offset, expected: "either Transfer-Encoding or Content-Length", found: "both"))
            }
            let isChunked = codings.last?.equalsIgnoringASCIICase("chunked") ?? false
            return fail(
                error(
                    isChunked ? .lengthRequired : .notImplemented, at: offset, expected: "a body with Content-Length",
                    found: "Transfer-Encoding: \(codings.joined(separator: ", "))"))
        }
        if let expectation = headers["Expect"], !expectation.equalsIgnoringASCIICase("100-continue") {
            return fail(error(.expectationFailed, at: offset, expected: "Expect: 100-continue", found: expectation))
        }
        let lengths = headers.listElements(for: "Content-Length")
        guard let length = lengths.first.map(HTTPRequestParser.parseContentLength) ?? 0 else {
            return fail(
                error(
                    .badRequest, at: offset, expected: "Content-Length digits",
                    found: headers.values(for: "Content-Length").joined(separator: ", ")))
        }
        if lengths.contains(where: { $0 != lengths[0] }) {
            return fail(
                error(.badRequest, at: offset, expected: "one Content-Length", found: lengths.joined(separator: ", ")))
        }
        if length > limits.maxBodyBytes {
            return fail(
                error(
                    .contentTooLarge, at: offset, expected: "a body of at most \(limits.maxBodyBytes) bytes",
                    found: "Content-Length \(length)"))
        }
        if length == 0 {
            finishRequest(consumedUpTo: lineStart)
            return .request(head.request(body: []))
        }
        state = .body(head, length: length)
        return nil
    }

    /// A non-negative decimal `Content-Length`, or `nil` when it is not all digits or would overflow.
    private static func parseContentLength(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy(ASCII.isDigit) else { return nil }
        return Int(text)
    }

    // MARK: Helpers

    private mutating func finishRequest(consumedUpTo end: Int) {
        buffer.removeSubrange(0..<end)
        lineStart = 0
        scanned = 0
        continueAnnounced = false
        state = .requestLine
    }

    private mutating func fail(_ error: HTTPRequestParseError) -> Step {
        state = .failed(error)
        buffer = []
        return .failure(error)
    }

    private func headerSectionTooLarge(at offset: Int) -> HTTPRequestParseError {
        error(
            .requestHeaderFieldsTooLarge, at: offset,
            expected: "at most \(limits.maxHeaderBytes) bytes of header fields", found: "more")
    }

    private func error(_ status: HTTPStatus, at index: Int, expected: String, found: String) -> HTTPRequestParseError {
        let position = SourcePosition(offset: index, in: buffer)
        return HTTPRequestParseError(status: status, position: position, expected: expected, found: found)
    }

    /// A short printable rendering of offending bytes for error messages.
    private func describe(_ bytes: ArraySlice<UInt8>) -> String {
        let shown = bytes.prefix(40).map { byte -> String in
            (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
        }.joined()
        return bytes.isEmpty ? "nothing" : "'\(shown)\(bytes.count > 40 ? "..." : "")'"
    }
}
