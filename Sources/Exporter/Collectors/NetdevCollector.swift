import PromText

/// The `netdev` collector: `node_network_receive_<stat>_total{device}` and `node_network_transmit_<stat>_total`
/// from `/proc/net/dev`, one family per column named after the file's own header (`bytes`, `packets`, `errs`,
/// `drop`, `fifo`, `frame`, `compressed`, `multicast`; `colls`, `carrier` for transmit).
public struct NetdevCollector: NodeCollector {
    public let name = "netdev"
    private let paths: SystemPaths
    private let filter: DeviceFilter

    /// Creates the collector reading `<procfs>/net/dev`. node_exporter 1.5 excludes no device by default
    /// (Debian's package passes `^lo$`).
    public init(paths: SystemPaths = SystemPaths(), filter: DeviceFilter = .none) {
        self.paths = paths
        self.filter = filter
    }

    public func update() throws -> [MetricFamily] {
        try Self.parse(SystemFile.text(paths.proc("net/dev")), filter: filter)
    }

    /// Parses `/proc/net/dev`: two header lines, then `device: receive... transmit...` per interface.
    public static func parse(_ text: ProcText, filter: DeviceFilter = .none) throws(CollectorError) -> [MetricFamily] {
        let lines = text.lines
        guard lines.count >= 2 else {
            throw text.error(at: text.bytes.count, expected: "the two header lines", found: "end of file")
        }
        let statistics = try header(lines[1], text: text)
        var samples = Array(repeating: [(labels: Labels, value: Double)](), count: statistics.count)
        for line in lines.dropFirst(2) {
            let (device, values) = try deviceAndValues(line)
            guard values.count == statistics.count else {
                let offset = values.last?.range.upperBound ?? line.offset
                throw text.error(
                    at: offset, expected: "\(statistics.count) counters", found: "\(values.count) counters")
            }
            if filter.ignores(device) { continue }
            for (index, field) in values.enumerated() {
                samples[index].append((["device": device], try field.double()))
            }
        }
        return zip(statistics, samples).map { statistic, samples in
            .labelled(
                "node_network_\(statistic)_total", .counter, help: "Network device statistic \(statistic).",
                samples: samples)
        }
    }

    /// `face |bytes packets ...|bytes packets ...` → `receive_bytes`, ..., `transmit_bytes`, ...
    private static func header(_ line: ProcLine, text: ProcText) throws(CollectorError) -> [String] {
        let columns = String(
            decoding: text.bytes[line.offset..<line.fields[line.fields.count - 1].range.upperBound],
            as: UTF8.self
        ).split(separator: "|", omittingEmptySubsequences: false)
        guard columns.count == 3 else {
            throw text.error(
                at: line.offset, expected: "a header of three |-separated parts", found: "\(columns.count)")
        }
        let receive = columns[1].split(separator: " ").map { "receive_\($0)" }
        let transmit = columns[2].split(separator: " ").map { "transmit_\($0)" }
        return receive + transmit
    }

    /// Splits `eth0: 1 2 ...` (or `eth0:1 2 ...` when the first counter is wide) into the device and its fields.
    private static func deviceAndValues(_ line: ProcLine) throws(CollectorError) -> (String, [ProcField]) {
        let first = line.fields[0]
        guard let colon = first.text.bytes[first.range].firstIndex(of: UInt8(ascii: ":")) else {
            throw first.error(expected: "a device name followed by ':'")
        }
        let device = String(decoding: first.text.bytes[first.range.lowerBound..<colon], as: UTF8.self)
        var values = Array(line.fields.dropFirst())
        if colon + 1 < first.range.upperBound {
            values.insert(ProcField(text: first.text, range: (colon + 1)..<first.range.upperBound), at: 0)
        }
        return (device, values)
    }
}
