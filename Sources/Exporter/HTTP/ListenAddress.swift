/// A `--web.listen-address` value: `host:port`, `:port` (all IPv4 interfaces), `[v6]:port` or `localhost:port`.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The numeric host to bind (`0.0.0.0` for all interfaces).
    public var host: String
    /// The TCP port (0 picks a free one).
    public var port: Int

    /// Parses a listen address; `localhost` binds the IPv4 loopback address.
    public init(parsing text: String) throws(FlagError) {
        guard let colon = text.lastIndex(of: ":") else {
            throw FlagError("invalid listen address \"\(text)\": expected host:port")
        }
        var host = String(text[..<colon])
        let portText = text[text.index(after: colon)...]
        guard let port = Int(portText), (0...65_535).contains(port), portText.allSatisfy(\.isASCII) else {
            throw FlagError("invalid listen address \"\(text)\": expected a port from 0 to 65535")
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        switch host {
        case "": host = "0.0.0.0"
        case "localhost": host = "127.0.0.1"
        default: break
        }
        self.host = host
        self.port = port
    }

    /// `host:port`, with brackets around IPv6 hosts.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
