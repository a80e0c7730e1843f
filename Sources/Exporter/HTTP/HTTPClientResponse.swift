/// A response received by ``HTTPClient``.
public struct HTTPClientResponse: Sendable, Hashable {
    /// The status code, e.g. 200.
    public var status: Int
    /// The response headers (looked up case-insensitively).
    public var headers: HTTPHeaders
    /// The body, already decompressed when it came gzip-encoded.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
