import Glibc
import Synchronization

/// A structured logger writing Prometheus-style lines (logfmt or JSON) to standard error.
///
/// Lines are written whole with one `write(2)` each, so concurrent callers never interleave within a line.
public struct Logger: Sendable {
    /// The lowest level written.
    public var level: LogLevel
    /// The line format.
    public var format: LogFormat
    /// Where finished lines go (standard error unless a test captures them).
    public var sink: @Sendable (String) -> Void

    /// Creates a logger writing to standard error.
    public init(level: LogLevel = .info, format: LogFormat = .logfmt) {
        self.init(level: level, format: format, sink: { StandardStreams.writeError($0) })
    }

    /// Creates a logger writing lines to `sink`.
    public init(level: LogLevel, format: LogFormat, sink: @escaping @Sendable (String) -> Void) {
        self.level = level
        self.format = format
        self.sink = sink
    }

    /// Logs `message` with key/value fields at `level`.
    public func log(_ level: LogLevel, _ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        guard level >= self.level else { return }
        let pairs = [("ts", Self.timestamp()), ("level", level.rawValue), ("msg", message)] + fields.map { ($0, $1) }
        sink(render(pairs) + "\n")
    }

    /// Logs at debug level.
    public func debug(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.debug, message, fields) }
    /// Logs at info level.
    public func info(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.info, message, fields) }
    /// Logs at warn level.
    public func warn(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.warn, message, fields) }
    /// Logs at error level.
    public func error(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.error, message, fields) }

    func render(_ pairs: [(String, String)]) -> String {
        switch format {
        case .logfmt:
            return pairs.map { "\($0.0)=\(Self.logfmtValue($0.1))" }.joined(separator: " ")
        case .json:
            return "{" + pairs.map { "\(JSONText.quoted($0.0)):\(JSONText.quoted($0.1))" }.joined(separator: ",") + "}"
        }
    }

    /// A logfmt value: bare when it has no space, quote, `=` or control character; quoted and escaped otherwise.
    static func logfmtValue(_ value: String) -> String {
        let needsQuotes =
            value.isEmpty || value.utf8.contains { $0 <= 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "=") }
        return needsQuotes ? JSONText.quoted(value) : value
    }

    /// The current UTC time as RFC 3339 with milliseconds, e.g. `2026-11-25T19:00:00.123Z`.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let milliseconds = Int32(now.tv_nsec / 1_000_000)
        return "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))T"
            + "\(padded(parts.tm_hour, 2)):\(padded(parts.tm_min, 2)):\(padded(parts.tm_sec, 2))."
            + "\(padded(milliseconds, 3))Z"
    }
}
