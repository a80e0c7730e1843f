import PromText

extension ScrapeTarget {
    /// The request target: the metrics path plus the parameters encoded as Go's `url.Values.Encode` does (names
    /// sorted, `application/x-www-form-urlencoded` escaping).
    public var requestTarget: String {
        let path = metricsPath.hasPrefix("/") ? metricsPath : "/" + metricsPath
        let query = parameters.sorted(by: { $0.key < $1.key }).flatMap { entry in
            entry.value.map { GoString.queryEscaped(entry.key) + "=" + GoString.queryEscaped($0) }
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// The URL scraped, e.g. `http://host:9100/metrics?module=a`.
    public var url: String { "\(scheme)://\(address)\(requestTarget)" }

    /// The host and port to connect to; the port defaults to the scheme's (80 or 443).
    public var hostAndPort: (host: String, port: Int)? {
        let defaultPort = scheme == "https" ? 443 : 80
        if address.hasPrefix("[") {
            guard let close = address.firstIndex(of: "]") else { return nil }
            let host = String(address[address.index(after: address.startIndex)..<close])
            let rest = address[address.index(after: close)...]
            if rest.isEmpty { return (host, defaultPort) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()), (0...65535).contains(port) else { return nil }
            return (host, port)
        }
        guard let colon = address.lastIndex(of: ":") else { return (address, defaultPort) }
        guard let port = Int(address[address.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        return (String(address[..<colon]), port)
    }
}
