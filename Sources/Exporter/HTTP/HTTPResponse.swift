/// A complete HTTP response as a handler returns it; the server adds `Content-Length`, `Date` and `Connection`.
public struct HTTPResponse: Sendable, Hashable {
    /// The status.
    public var status: HTTPStatus
    /// Header fields set by the handler (e.g. `Content-Type`).
    public var headers: HTTPHeaders
    /// The body; for `HEAD` requests the server sends its length but not its bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: HTTPStatus, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A `text/plain; charset=utf-8` response; a body without a final newline gets one, as Go's `http.Error` does.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: Array(text.utf8) + (text.hasSuffix("\n") ? [] : [UInt8(ascii: "\n")]))
    }

    /// The plain-text error response the server sends for `status` itself (404, 405, 408, parse errors, ...).
    static func error(_ status: HTTPStatus, detail: String? = nil) -> HTTPResponse {
        text(detail.map { "\(status.reasonPhrase): \($0)" } ?? status.reasonPhrase, status: status)
    }
}
