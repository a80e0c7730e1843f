/// Why an ``HTTPClient`` request failed, worded for a target's "last error".
public enum HTTPClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The host name did not resolve.
    case unresolvable(host: String)
    /// The TCP connection could not be made.
    case connectionFailed(address: String, errno: Int32)
    /// The whole exchange did not finish within the timeout.
    case timedOut(seconds: Double)
    /// The peer closed or reset the connection before a complete response.
    case connectionClosed
    /// The response is not valid HTTP/1.x.
    case malformedResponse(String)
    /// The (decompressed) body exceeds the configured limit.
    case bodyTooLarge(limit: Int)
    /// The TLS set-up or handshake failed (`certificate verify failed: ...`, a missing CA file, ...).
    case tls(String)

    public var description: String {
        switch self {
        case .unresolvable(let host): "dial tcp: lookup \(host): no such host"
        case .connectionFailed(let address, let errno): "dial tcp \(address): \(Self.describe(errno))"
        case .timedOut(let seconds): "context deadline exceeded (timeout \(seconds)s)"
        case .connectionClosed: "connection closed before the response was complete"
        case .malformedResponse(let reason): "malformed HTTP response: \(reason)"
        case .bodyTooLarge(let limit): "body size limit exceeded (\(limit) bytes)"
        case .tls(let reason): "tls: \(reason)"
        }
    }

    private static func describe(_ errno: Int32) -> String {
        switch errno {
        case 111: "connect: connection refused"
        case 113: "connect: no route to host"
        default: "connect: error \(errno)"
        }
    }
}
