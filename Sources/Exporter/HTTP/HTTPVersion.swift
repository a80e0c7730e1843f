/// The HTTP protocol version of a request; only major version 1 is served.
public struct HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    /// The major version digit.
    public var major: Int
    /// The minor version digit.
    public var minor: Int

    /// Creates a version from its digits.
    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// `HTTP/1.0`: connections close after each response unless the client asks for keep-alive.
    public static let http10 = HTTPVersion(major: 1, minor: 0)
    /// `HTTP/1.1`: connections persist unless either side sends `Connection: close`.
    public static let http11 = HTTPVersion(major: 1, minor: 1)

    /// `HTTP/major.minor`.
    public var description: String { "HTTP/\(major).\(minor)" }
}
