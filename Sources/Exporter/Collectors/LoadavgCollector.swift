import PromText

/// The `loadavg` collector: `node_load1`, `node_load5`, `node_load15` from `/proc/loadavg`.
public struct LoadavgCollector: NodeCollector {
    public let name = "loadavg"
    private let paths: SystemPaths

    /// Creates the collector reading `<procfs>/loadavg`.
    public init(paths: SystemPaths = SystemPaths()) {
        self.paths = paths
    }

    public func update() throws -> [MetricFamily] {
        try Self.parse(SystemFile.text(paths.proc("loadavg")))
    }

    /// Parses the first three fields of `/proc/loadavg`.
    public static func parse(_ text: ProcText) throws(CollectorError) -> [MetricFamily] {
        guard let line = text.lines.first else {
            throw text.error(at: 0, expected: "three load averages", found: "end of file")
        }
        var families: [MetricFamily] = []
        for (index, minutes) in [1, 5, 15].enumerated() {
            let value = try line.field(index, expected: "the \(minutes)m load average").double()
            families.append(.single("node_load\(minutes)", .gauge, help: "\(minutes)m load average.", value: value))
        }
        return families
    }
}
