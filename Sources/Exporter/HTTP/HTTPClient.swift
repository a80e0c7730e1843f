/// A small blocking HTTP/1.1 client for scraping targets and posting notifications: one request per connection
/// (`Connection: close`), an overall deadline covering connect, send and receive, a body size limit, and gzip
/// decoding. Every call is independent, so it is safe from any thread. The ``transport`` carries the bytes: plain
/// TCP by default, TLS when the evaluator supplies its transport.
public struct HTTPClient: Sendable {
    /// The whole exchange must finish within this time.
    public var timeout: Duration
    /// The largest body accepted, before and after decompression.
    public var maximumBodySize: Int
    /// How the bytes travel: plain TCP unless a caller supplies another transport (TLS).
    public var transport: any HTTPTransport

    /// Creates a client.
    public init(
        timeout: Duration = .seconds(10), maximumBodySize: Int = 64 << 20,
        transport: any HTTPTransport = PlainTCPTransport()
    ) {
        self.timeout = timeout
        self.maximumBodySize = maximumBodySize
        self.transport = transport
    }

    /// Sends `method target` with `headers` and `body` to `host:port` and returns the response.
    ///
    /// `Host`, `Content-Length` (when there is a body) and `Connection: close` are added; the caller adds
    /// `Accept`, `Accept-Encoding: gzip`, authorization and the like.
    public func send(
        _ method: HTTPMethod, host: String, port: Int, target: String, headers: HTTPHeaders = [:], body: [UInt8] = []
    ) throws(HTTPClientError) -> HTTPClientResponse {
        let deadline = ContinuousClock.now + timeout
        let connection = try transport.connect(host: host, port: port, deadline: deadline, timeout: timeout)
        var request = "\(method.rawValue) \(target) HTTP/1.1\r\nHost: \(Self.hostHeader(host, port))\r\n"
        for field in headers { request += "\(field.name): \(field.value)\r\n" }
        if !body.isEmpty || method == .post || method == .put { request += "Content-Length: \(body.count)\r\n" }
        request += "Connection: close\r\n\r\n"
        let message = Array(request.utf8) + body
        var offset = 0
        while offset < message.count { offset += try connection.write(message[offset...]) }

        var parser = HTTPResponseParser(maximumBodySize: maximumBodySize)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try connection.read(into: &chunk)
            guard count > 0 else { return try parser.finish() }
            if try parser.append(chunk[..<count]) { return try parser.finish() }
        }
    }

    /// `host:port` with brackets around an IPv6 literal.
    static func hostHeader(_ host: String, _ port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
