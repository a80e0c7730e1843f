/// Go's `net.SplitHostPort`, `net.JoinHostPort`, `net.ParseIP` and URL path extraction, for `stripPort`,
/// `stripDomain` and `pathPrefix`.
enum GoNet {
    /// `net.SplitHostPort`; `nil` where Go returns an error.
    static func splitHostPort(_ hostPort: String) -> (host: String, port: String)? {
        let bytes = Array(hostPort.utf8)
        guard let lastColon = bytes.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        var host: ArraySlice<UInt8>
        var (j, k) = (0, 0)
        if bytes.first == UInt8(ascii: "[") {
            guard let end = bytes.firstIndex(of: UInt8(ascii: "]")), end + 1 == lastColon else { return nil }
            host = bytes[1..<end]
            (j, k) = (1, end + 1)
        } else {
            host = bytes[..<lastColon]
            if host.contains(UInt8(ascii: ":")) { return nil }
        }
        if bytes[j...].contains(UInt8(ascii: "[")) || bytes[k...].contains(UInt8(ascii: "]")) { return nil }
        return (String(decoding: host, as: UTF8.self), String(decoding: bytes[(lastColon + 1)...], as: UTF8.self))
    }

    /// Prometheus's `stripDomain`: the first DNS label of a host name, port kept; IP addresses unchanged.
    static func stripDomain(_ hostPort: String) -> String {
        let split = splitHostPort(hostPort)
        let host = split?.host ?? hostPort
        if isIP(host) { return hostPort }
        let first = String(host.split(separator: ".", omittingEmptySubsequences: false).first ?? "")
        guard let port = split?.port, !port.isEmpty else { return first }
        return first.contains(":") ? "[\(first)]:\(port)" : "\(first):\(port)"
    }

    /// Whether `net.ParseIP` accepts the text (dotted IPv4 or IPv6, possibly with an embedded IPv4 tail).
    static func isIP(_ text: String) -> Bool {
        isIPv4(Substring(text)) || isIPv6(text)
    }

    private static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                    && (part.count == 1 || !part.hasPrefix("0")) && (Int(part) ?? 256) <= 255
            }
    }

    private static func isIPv6(_ text: String) -> Bool {
        guard text.contains(":") else { return false }
        var address = Substring(text)
        if let lastColon = address.lastIndex(of: ":"), address[lastColon...].contains(".") {
            guard isIPv4(address[address.index(after: lastColon)...]) else { return false }
            address = address[...lastColon] + "0:0"
        }
        let isGroup = { (group: Substring) in
            !group.isEmpty && group.count <= 4 && group.allSatisfy { $0.isASCII && $0.isHexDigit }
        }
        let halves = address.split(separator: "::", omittingEmptySubsequences: false)
        switch halves.count {
        case 1:
            let groups = address.split(separator: ":", omittingEmptySubsequences: false)
            return groups.count == 8 && groups.allSatisfy(isGroup)
        case 2:
            let groups = halves.flatMap { half in
                half.isEmpty ? [] : half.split(separator: ":", omittingEmptySubsequences: false)
            }
            return groups.count < 8 && groups.allSatisfy(isGroup)
        default:
            return false
        }
    }

    /// The path of a URL (`url.URL.Path`): what follows the authority, up to any query or fragment.
    static func urlPath(_ url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.firstRange(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.drop(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        }
        return String(rest.prefix(while: { $0 != "?" && $0 != "#" }))
    }
}
