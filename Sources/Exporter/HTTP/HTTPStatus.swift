/// An HTTP response status: the numeric code and the reason phrase written on the status line.
public struct HTTPStatus: Sendable, Hashable, CustomStringConvertible {
    /// The three-digit status code, e.g. `404`.
    public var code: Int
    /// The reason phrase, e.g. `Not Found`.
    public var reasonPhrase: String

    /// Creates a status from a code and reason phrase.
    public init(code: Int, reasonPhrase: String) {
        self.code = code
        self.reasonPhrase = reasonPhrase
    }

    /// `100 Continue`, sent before reading a body the client announced with `Expect: 100-continue`.
    public static let `continue` = HTTPStatus(code: 100, reasonPhrase: "Continue")
    /// `200 OK`.
    public static let ok = HTTPStatus(code: 200, reasonPhrase: "OK")
    /// `204 No Content`.
    public static let noContent = HTTPStatus(code: 204, reasonPhrase: "No Content")
    /// `400 Bad Request`: the request could not be parsed.
    public static let badRequest = HTTPStatus(code: 400, reasonPhrase: "Bad Request")
    /// `403 Forbidden`: the endpoint is disabled (e.g. the lifecycle API without `--web.enable-lifecycle`).
    public static let forbidden = HTTPStatus(code: 403, reasonPhrase: "Forbidden")
    /// `404 Not Found`: no route for the path.
    public static let notFound = HTTPStatus(code: 404, reasonPhrase: "Not Found")
    /// `405 Method Not Allowed`: the path exists but not for this method; sent with `Allow`.
    public static let methodNotAllowed = HTTPStatus(code: 405, reasonPhrase: "Method Not Allowed")
    /// `408 Request Timeout`: the request head or body did not arrive in time.
    public static let requestTimeout = HTTPStatus(code: 408, reasonPhrase: "Request Timeout")
    /// `411 Length Required`: a body was sent without `Content-Length` (e.g. chunked).
    public static let lengthRequired = HTTPStatus(code: 411, reasonPhrase: "Length Required")
    /// `413 Content Too Large`: the body exceeds the configured limit.
    public static let contentTooLarge = HTTPStatus(code: 413, reasonPhrase: "Content Too Large")
    /// `414 URI Too Long`: the request line exceeds the configured limit.
    public static let uriTooLong = HTTPStatus(code: 414, reasonPhrase: "URI Too Long")
    /// `417 Expectation Failed`: an `Expect` header other than `100-continue`.
    public static let expectationFailed = HTTPStatus(code: 417, reasonPhrase: "Expectation Failed")
    /// `431 Request Header Fields Too Large`: the header section exceeds the configured limits.
    public static let requestHeaderFieldsTooLarge = HTTPStatus(
        code: 431, reasonPhrase: "Request Header Fields Too Large")
    /// `500 Internal Server Error`.
    public static let internalServerError = HTTPStatus(code: 500, reasonPhrase: "Internal Server Error")
    /// `501 Not Implemented`: a transfer coding the server does not understand.
    public static let notImplemented = HTTPStatus(code: 501, reasonPhrase: "Not Implemented")
    /// `503 Service Unavailable`: overloaded, not ready, or shutting down.
    public static let serviceUnavailable = HTTPStatus(code: 503, reasonPhrase: "Service Unavailable")
    /// `505 HTTP Version Not Supported`: a major version other than 1.
    public static let httpVersionNotSupported = HTTPStatus(code: 505, reasonPhrase: "HTTP Version Not Supported")

    /// Whether a response with this status never carries a body (1xx, 204, 304).
    public var forbidsBody: Bool { code < 200 || code == 204 || code == 304 }

    /// `code reason`, e.g. `404 Not Found`.
    public var description: String { "\(code) \(reasonPhrase)" }
}
