/// How ``HTTPClient`` reaches a server: plain TCP (``PlainTCPTransport``, the default and the exporter's only
/// one) or a transport that wraps the TCP connection, such as TLS in the evaluator.
public protocol HTTPTransport: Sendable {
    /// Opens a connection to `host:port` that must be ready by `deadline`; `timeout` is the client's whole
    /// budget, for the ``HTTPClientError/timedOut(seconds:)`` message.
    func connect(host: String, port: Int, deadline: ContinuousClock.Instant, timeout: Duration)
        throws(HTTPClientError) -> any HTTPByteStream
}

/// One open connection of one ``HTTPClient`` exchange; used by a single thread and closed when released.
public protocol HTTPByteStream: AnyObject {
    /// Writes some of `bytes` (at least one), waiting no later than the connection's deadline; returns how many.
    func write(_ bytes: ArraySlice<UInt8>) throws(HTTPClientError) -> Int
    /// Reads at least one byte into `buffer`, waiting no later than the connection's deadline; returns how many,
    /// 0 at the end of the stream.
    func read(into buffer: inout [UInt8]) throws(HTTPClientError) -> Int
}
