/// Size limits the request parser enforces before it buffers more of a request.
public struct HTTPRequestLimits: Sendable, Hashable {
    /// The longest request line (including leading empty lines) in bytes; longer gives 414.
    public var maxRequestLineBytes: Int
    /// The largest header section (all field lines after the request line) in bytes; larger gives 431.
    public var maxHeaderBytes: Int
    /// The most header fields; more gives 431.
    public var maxHeaderCount: Int
    /// The largest `Content-Length` body accepted; larger gives 413.
    public var maxBodyBytes: Int

    /// Creates limits; the defaults are 8 KiB request line, 16 KiB of headers, 100 fields and a 1 MiB body.
    public init(
        maxRequestLineBytes: Int = 8192,
        maxHeaderBytes: Int = 16384,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 1 << 20
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}
