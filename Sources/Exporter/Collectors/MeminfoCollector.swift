import PromText

/// The `meminfo` collector: one gauge `node_memory_<Field>` per line of `/proc/meminfo`.
///
/// As in node_exporter, a value with a unit (always `kB`) is multiplied by 1024 and its name gets `_bytes`; a
/// value without a unit (`HugePages_Total`) is exposed as is; parentheses become an underscore prefix
/// (`Active(anon)` → `Active_anon_bytes`).
public struct MeminfoCollector: NodeCollector {
    public let name = "meminfo"
    private let paths: SystemPaths

    /// Creates the collector reading `<procfs>/meminfo`.
    public init(paths: SystemPaths = SystemPaths()) {
        self.paths = paths
    }

    public func update() throws -> [MetricFamily] {
        try Self.parse(SystemFile.text(paths.proc("meminfo")))
    }

    /// Parses `/proc/meminfo` into families, in file order; a repeated field keeps its last value.
    public static func parse(_ text: ProcText) throws(CollectorError) -> [MetricFamily] {
        var order: [String] = []
        var values: [String: Double] = [:]
        for line in text.lines {
            guard line.fields.count <= 3 else { throw line.fields[3].error(expected: "end of line") }
            var value = try line.field(1, expected: "a value").double()
            var key = metricKey(text.bytes[line.fields[0].range])
            if line.fields.count == 3 {
                value *= 1024
                key += "_bytes"
            }
            guard isLegacyMetricNameTail(key) else {
                throw line.fields[0].error(expected: "a field name")
            }
            if values.updateValue(value, forKey: key) == nil { order.append(key) }
        }
        return order.map { key in
            .single(
                "node_memory_" + key, .gauge, help: "Memory information field \(key).", value: values[key] ?? 0)
        }
    }

    /// The key of a field's bytes, as the `String` version below derives it, without making a `String` first when
    /// they are ASCII (as `/proc/meminfo` always is; other input takes the `Character`-based path).
    static func metricKey(_ field: ArraySlice<UInt8>) -> String {
        guard !field.isEmpty, field.allSatisfy({ $0 < 0x80 }) else {
            return metricKey(String(decoding: field, as: UTF8.self))
        }
        let key = field.dropLast()
        guard let open = key.firstIndex(of: UInt8(ascii: "(")), let close = key.lastIndex(of: UInt8(ascii: ")")),
            open < close
        else {
            return String(decoding: key, as: UTF8.self)
        }
        var bytes = Array(key[..<open])
        bytes.append(UInt8(ascii: "_"))
        bytes += key[(open + 1)..<close]
        bytes += key[(close + 1)...]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `"node_memory_" + key` is a legacy metric name: the prefix is one, so every byte of `key` must be
    /// a letter, digit, `_` or `:` (checked here because the generic `MetricName` check is not specialised
    /// across modules and was a visible share of a scrape).
    static func isLegacyMetricNameTail(_ key: String) -> Bool {
        key.utf8.allSatisfy { byte in
            let lowered = byte | 0x20
            return (lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
        }
    }

    /// `Active(anon):` → `Active_anon`: drops the last character (the colon) and turns the outermost
    /// parenthesised part into an underscore suffix.
    static func metricKey(_ field: String) -> String {
        let key = String(field.dropLast())
        guard let open = key.firstIndex(of: "("), let close = key.lastIndex(of: ")"), open < close else {
            return key
        }
        return key[..<open] + "_" + key[key.index(after: open)..<close] + key[key.index(after: close)...]
    }
}
