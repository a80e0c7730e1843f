/// A parsed HTTP/1.x request as handlers see it.
public struct HTTPRequest: Sendable, Hashable {
    /// The request method.
    public var method: HTTPMethod
    /// The request target exactly as sent, e.g. `/metrics?collect[]=cpu`.
    public var target: String
    /// The percent-decoded path of the target, e.g. `/metrics` (`*` for `OPTIONS *`).
    public var path: String
    /// The parsed query string of the target.
    public var query: QueryParameters
    /// The protocol version.
    public var version: HTTPVersion
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body (empty unless the client sent `Content-Length`).
    public var body: [UInt8]

    /// Creates a request; `path` and `query` are derived from `target` (an undecodable path is kept raw).
    public init(
        method: HTTPMethod,
        target: String,
        version: HTTPVersion = .http11,
        headers: HTTPHeaders = [:],
        body: [UInt8] = []
    ) {
        let (rawPath, rawQuery) = HTTPRequest.split(target: Substring(target))
        self.init(
            method: method, target: target,
            path: PercentDecoding.decode(rawPath, plusIsSpace: false) ?? String(rawPath),
            query: QueryParameters(parsing: rawQuery), version: version, headers: headers, body: body)
    }

    init(
        method: HTTPMethod, target: String, path: String, query: QueryParameters, version: HTTPVersion,
        headers: HTTPHeaders, body: [UInt8]
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// Whether the connection may stay open after the response: HTTP/1.1 unless `Connection: close`,
    /// HTTP/1.0 only with `Connection: keep-alive`.
    public var keepAlive: Bool {
        let tokens = headers.listElements(for: "Connection")
        if tokens.contains(where: { $0.equalsIgnoringASCIICase("close") }) { return false }
        return version.minor >= 1 || tokens.contains(where: { $0.equalsIgnoringASCIICase("keep-alive") })
    }

    /// Splits a request target into its path and query parts; an absolute-form target
    /// (`http://host/path`) contributes only its path.
    static func split(target: Substring) -> (path: Substring, query: Substring) {
        var rest = target
        if let schemeEnd = rest.firstRange(of: "://"), !rest.hasPrefix("/") {
            let authorityAndPath = rest[schemeEnd.upperBound...]
            let pathStart = authorityAndPath.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            rest = rest[pathStart...]
            if !rest.hasPrefix("/") { rest = Substring("/" + rest) }
        }
        guard let mark = rest.firstIndex(of: "?") else { return (rest, "") }
        return (rest[..<mark], rest[rest.index(after: mark)...])
    }
}
