/// Everything that shapes how an ``HTTPServer`` listens, limits and times out connections.
public struct HTTPServerConfiguration: Sendable {
    /// The address to listen on: an IPv4 or IPv6 literal, e.g. `0.0.0.0`, `127.0.0.1` or `::`.
    public var host: String
    /// The TCP port; 0 picks a free ephemeral port (read it back from ``HTTPServer/port``).
    public var port: Int
    /// The kernel's queue of not-yet-accepted connections.
    public var listenBacklog: Int32
    /// The most open connections; at the cap the oldest idle keep-alive connection is closed to make room, and
    /// when none is idle the new connection gets `503` and is closed.
    public var maxConnections: Int
    /// How many handlers run at once; further complete requests wait in arrival order.
    public var handlerConcurrency: Int
    /// Size limits of request lines, headers and bodies.
    public var requestLimits: HTTPRequestLimits
    /// How long a keep-alive connection may wait for the first byte of its next request before it is closed.
    public var idleTimeout: Duration
    /// How long the whole request head may take from its first byte (slowloris protection); then `408`.
    public var requestHeadTimeout: Duration
    /// How long a request body may take once its head is complete; then `408`.
    public var requestBodyTimeout: Duration
    /// How long sending one response may take before the connection is dropped.
    public var writeTimeout: Duration
    /// The gzip policy, or `nil` to never compress.
    public var compression: ResponseCompression?
    /// Where to count requests, or `nil` for no self-instrumentation.
    public var metrics: HTTPServerMetrics?

    /// Creates a configuration; the defaults suit an exporter on `127.0.0.1` with an ephemeral port.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        listenBacklog: Int32 = 511,
        maxConnections: Int = 1024,
        handlerConcurrency: Int = 8,
        requestLimits: HTTPRequestLimits = HTTPRequestLimits(),
        idleTimeout: Duration = .seconds(120),
        requestHeadTimeout: Duration = .seconds(10),
        requestBodyTimeout: Duration = .seconds(30),
        writeTimeout: Duration = .seconds(30),
        compression: ResponseCompression? = ResponseCompression(),
        metrics: HTTPServerMetrics? = nil
    ) {
        self.host = host
        self.port = port
        self.listenBacklog = listenBacklog
        self.maxConnections = maxConnections
        self.handlerConcurrency = handlerConcurrency
        self.requestLimits = requestLimits
        self.idleTimeout = idleTimeout
        self.requestHeadTimeout = requestHeadTimeout
        self.requestBodyTimeout = requestBodyTimeout
        self.writeTimeout = writeTimeout
        self.compression = compression
        self.metrics = metrics
    }
}
