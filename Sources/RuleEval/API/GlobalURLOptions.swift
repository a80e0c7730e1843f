/// How `/api/v1/targets` turns a target's scrape URL into its `globalUrl`, as Prometheus's `getGlobalURL` does:
/// a target on localhost is not reachable from elsewhere, so its host is replaced by the external URL's host —
/// and when it is this very process (same port as the listener), scheme and port too.
public struct GlobalURLOptions: Sendable, Hashable {
    /// The external URL's scheme (`http`).
    public var scheme: String
    /// The external URL's `host:port`.
    public var host: String
    /// The port the server listens on.
    public var listenPort: Int

    /// The options for the external URL `externalURL` (`scheme://host:port/path`) and the listener's port.
    public init(externalURL: String, listenPort: Int) {
        let parts = externalURL.split(separator: "://", maxSplits: 1)
        scheme = parts.count == 2 ? String(parts[0]) : "http"
        let rest = parts.count == 2 ? parts[1] : parts.first ?? ""
        host = String(rest.prefix { $0 != "/" })
        self.listenPort = listenPort
    }

    /// The global URL of the target scraped at `url`.
    public func globalURL(of url: String) -> String {
        let parts = url.split(separator: "://", maxSplits: 1)
        guard parts.count == 2 else { return url }
        let authority = parts[1].prefix { $0 != "/" }
        let path = parts[1].dropFirst(authority.count)
        guard let (targetHost, targetPort) = Self.split(authority),
            ["127.0.0.1", "localhost", "::1"].contains(targetHost)
        else { return url }
        if targetPort == String(listenPort) {
            return "\(scheme)://\(host)\(path)"
        }
        guard let (externalHost, _) = Self.split(Substring(host)) else { return url }
        let bracketed = externalHost.contains(":") ? "[\(externalHost)]" : externalHost
        return "\(parts[0])://\(bracketed):\(targetPort)\(path)"
    }

    /// `host` and `port` of `host:port` or `[v6]:port`, as Go's `net.SplitHostPort`.
    private static func split(_ authority: Substring) -> (host: String, port: String)? {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]"), authority[authority.index(after: close)...].hasPrefix(":")
            else { return nil }
            let host = authority[authority.index(after: authority.startIndex)..<close]
            return (String(host), String(authority[authority.index(close, offsetBy: 2)...]))
        }
        guard let colon = authority.lastIndex(of: ":"), !authority[..<colon].contains(":") else { return nil }
        return (String(authority[..<colon]), String(authority[authority.index(after: colon)...]))
    }
}
