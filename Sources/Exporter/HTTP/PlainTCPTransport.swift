/// ``HTTPTransport`` over plain TCP: the bytes go as written.
public struct PlainTCPTransport: HTTPTransport {
    /// Creates the transport.
    public init() {}

    public func connect(host: String, port: Int, deadline: ContinuousClock.Instant, timeout: Duration)
        throws(HTTPClientError) -> any HTTPByteStream
    {
        try TCPStream(host: host, port: port, deadline: deadline, timeout: timeout)
    }
}
