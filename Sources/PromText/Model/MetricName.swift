/// Prometheus's rules for metric and label names.
///
/// The legacy character set (`[a-zA-Z_:][a-zA-Z0-9_:]*` for metric names, `[a-zA-Z_][a-zA-Z0-9_]*` for label
/// names) is what every Prometheus version accepts unquoted. Prometheus 3 also accepts any non-empty valid UTF-8
/// name when it is quoted; Swift strings are always valid UTF-8, so that rule reduces to "not empty".
public enum MetricName {
    /// Whether `name` is a valid metric name in the legacy character set.
    public static func isValidLegacyMetricName(_ name: some StringProtocol) -> Bool {
        var bytes = name.utf8.makeIterator()
        guard let first = bytes.next(), isLegacyNameStart(first) || first == UInt8(ascii: ":") else { return false }
        while let byte = bytes.next() {
            guard isLegacyNameStart(byte) || isDigit(byte) || byte == UInt8(ascii: ":") else { return false }
        }
        return true
    }

    /// Whether `name` is a valid label name in the legacy character set.
    public static func isValidLegacyLabelName(_ name: some StringProtocol) -> Bool {
        var bytes = name.utf8.makeIterator()
        guard let first = bytes.next(), isLegacyNameStart(first) else { return false }
        while let byte = bytes.next() {
            guard isLegacyNameStart(byte) || isDigit(byte) else { return false }
        }
        return true
    }

    /// Whether a label name is reserved for Prometheus's internal use (it starts with `__`).
    public static func isReservedLabelName(_ name: some StringProtocol) -> Bool {
        name.utf8.starts(with: "__".utf8)
    }

    @inline(__always)
    static func isLegacyNameStart(_ byte: UInt8) -> Bool {
        let lowered = byte | 0x20
        return (lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
