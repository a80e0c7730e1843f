import PromText

/// One Alertmanager to post alerts to: where it is and the alert relabeling of its `alertmanagers` entry.
public struct AlertmanagerEndpoint: Sendable, Hashable {
    /// Host name or address.
    public var host: String
    /// TCP port.
    public var port: Int
    /// `http` or `https`.
    public var scheme: String
    /// The request target: `<path_prefix>/api/v2/alerts`.
    public var path: String
    /// How long one post may take.
    public var timeout: Duration
    /// The entry's `alert_relabel_configs`, applied after the global ones.
    public var alertRelabelConfigs: [RelabelConfiguration]
    /// The entry's `basic_auth`, sent as an `Authorization` header.
    public var basicAuth: BasicAuthentication?
    /// The entry's `authorization`, sent as an `Authorization` header.
    public var authorization: Authorization?
    /// The entry's `tls_config`, used when ``scheme`` is `https`.
    public var tlsConfig: TLSConfiguration

    /// Creates an endpoint.
    public init(
        host: String, port: Int, scheme: String = "http", pathPrefix: String = "", timeout: Duration = .seconds(10),
        alertRelabelConfigs: [RelabelConfiguration] = [], basicAuth: BasicAuthentication? = nil,
        authorization: Authorization? = nil, tlsConfig: TLSConfiguration = TLSConfiguration()
    ) {
        self.host = host
        self.port = port
        self.scheme = scheme
        self.path = Self.trimmingTrailingSlashes(pathPrefix) + "/api/v2/alerts"
        self.timeout = timeout
        self.alertRelabelConfigs = alertRelabelConfigs
        self.basicAuth = basicAuth
        self.authorization = authorization
        self.tlsConfig = tlsConfig
    }

    /// The URL Prometheus labels its notification metrics with: `<scheme>://<host:port><path>`.
    public var url: String {
        let authority = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        return "\(scheme)://\(authority)\(path)"
    }

    /// The endpoints of every static target of `configuration`; targets that are not `host:port` are skipped.
    public static func endpoints(of configuration: AlertmanagerConfiguration) -> [AlertmanagerEndpoint] {
        configuration.staticConfigs.flatMap(\.targets).compactMap { target in
            guard let (host, port) = hostAndPort(target, defaultPort: configuration.scheme == "https" ? 443 : 80)
            else { return nil }
            return AlertmanagerEndpoint(
                host: host, port: port, scheme: configuration.scheme, pathPrefix: configuration.pathPrefix,
                timeout: .milliseconds(configuration.timeout.milliseconds),
                alertRelabelConfigs: configuration.alertRelabelConfigs, basicAuth: configuration.basicAuth,
                authorization: configuration.authorization, tlsConfig: configuration.tlsConfig)
        }
    }

    /// Splits `host:port`, `[v6]:port` or a bare host (given the scheme's default port).
    static func hostAndPort(_ target: String, defaultPort: Int) -> (String, Int)? {
        if target.hasPrefix("[") {
            guard let close = target.firstIndex(of: "]") else { return nil }
            let host = String(target[target.index(after: target.startIndex)..<close])
            let rest = target[target.index(after: close)...]
            if rest.isEmpty { return (host, defaultPort) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()), (1...65_535).contains(port) else {
                return nil
            }
            return (host, port)
        }
        guard let colon = target.lastIndex(of: ":") else { return target.isEmpty ? nil : (target, defaultPort) }
        let host = String(target[..<colon])
        guard !host.isEmpty, !host.contains(":"), let port = Int(target[target.index(after: colon)...]),
            (1...65_535).contains(port)
        else { return nil }
        return (host, port)
    }

    /// `path.Join("/", prefix)` for the prefix part: a leading slash, no trailing ones.
    private static func trimmingTrailingSlashes(_ prefix: String) -> String {
        var trimmed = Substring(prefix)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.isEmpty || trimmed.hasPrefix("/") ? String(trimmed) : "/" + trimmed
    }
}
