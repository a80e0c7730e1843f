/// An `http://` or `https://host[:port]/path?query` URL split into what ``Exporter/HTTPClient`` needs; every
/// other scheme is refused.
public struct HTTPURL: Sendable, Hashable {
    /// `http` or `https`.
    public var scheme: String
    /// The host name or IPv4 address (an IPv6 address without its brackets).
    public var host: String
    /// The port (80 or 443 when not written).
    public var port: Int
    /// The request target: path and query, `/` when empty.
    public var target: String

    /// Parses `text`; `nil` when it is not an absolute `http://` or `https://` URL with a host and a valid port.
    public init?(_ text: String) {
        guard let scheme = ["http", "https"].first(where: { text.hasPrefix($0 + "://") }) else { return nil }
        let rest = text.dropFirst(scheme.count + 3)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        guard !authority.contains("@") else { return nil }
        var target = String(rest[authorityEnd...].prefix { $0 != "#" })
        if target.isEmpty || target.hasPrefix("?") { target = "/" + target }
        var port = scheme == "https" ? 443 : 80
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                guard let parsed = Int(after.dropFirst()), (1...65535).contains(parsed) else { return nil }
                port = parsed
            } else if !after.isEmpty {
                return nil
            }
            authority = authority[authority.index(after: authority.startIndex)..<close]
        } else if let colon = authority.lastIndex(of: ":") {
            guard let parsed = Int(authority[authority.index(after: colon)...]), (1...65535).contains(parsed) else {
                return nil
            }
            port = parsed
            authority = authority[..<colon]
        }
        guard !authority.isEmpty else { return nil }
        self.scheme = scheme
        self.host = String(authority)
        self.port = port
        self.target = target
    }
}
