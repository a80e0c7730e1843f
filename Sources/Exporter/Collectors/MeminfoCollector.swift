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
            var key = metricKey(line.fields[0].string)
            if line.fields.count == 3 {
                value *= 1024
                key += "_bytes"
            }
            guard MetricName.isValidLegacyMetricName("node_memory_" + key) else {
                throw line.fields[0].error(expected: "a field name")
            }
            if values.updateValue(value, forKey: key) == nil { order.append(key) }
        }
        return order.map { key in
            .single(
                "node_memory_" + key, .gauge, help: "Memory information field \(key).", value: values[key] ?? 0)
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
