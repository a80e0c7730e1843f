import Glibc

/// A failure to set up the listening socket (bad address, port in use, ...).
public struct HTTPServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the server was doing, e.g. `bind 127.0.0.1:9100`.
    public var operation: String
    /// The `errno` value, or 0 when the failure was not a system call.
    public var errorNumber: Int32

    /// Creates an error.
    public init(operation: String, errorNumber: Int32) {
        self.operation = operation
        self.errorNumber = errorNumber
    }

    /// `operation: strerror(errno)`.
    public var description: String {
        errorNumber == 0 ? operation : "\(operation): \(String(cString: strerror(errorNumber)))"
    }
}
