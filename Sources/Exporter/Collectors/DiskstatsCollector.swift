import PromText

/// The `diskstats` collector: `node_disk_*{device}` from `/proc/diskstats`, plus `node_disk_info` with the udev
/// properties node_exporter 1.5 adds when `/run/udev/data` has them.
///
/// Sectors are 512 bytes and times are milliseconds, whatever the device. Discard statistics (kernel 4.18+,
/// 18 columns) and flush statistics (5.5+, 20 columns) are only emitted when the line has them.
public struct DiskstatsCollector: NodeCollector {
    /// node_exporter's default `--collector.diskstats.device-exclude`: partitions, RAM disks, loop and floppy devices.
    public static let defaultExcludePattern = #"^(ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\d+n\d+p)\d+$"#

    /// One exposed column: metric name suffix, help, type, `/proc/diskstats` column index (after major, minor,
    /// name) and scale factor.
    struct Statistic {
        let name: String
        let help: String
        let type: MetricType
        let column: Int
        let scale: Double
    }

    static let statistics: [Statistic] = [
        .init(
            name: "reads_completed_total", help: "The total number of reads completed successfully.", type: .counter,
            column: 0, scale: 1),
        .init(
            name: "reads_merged_total", help: "The total number of reads merged.", type: .counter, column: 1, scale: 1),
        .init(
            name: "read_bytes_total", help: "The total number of bytes read successfully.", type: .counter,
            column: 2, scale: 512),
        .init(
            name: "read_time_seconds_total", help: "The total number of seconds spent by all reads.", type: .counter,
            column: 3, scale: 0.001),
        .init(
            name: "writes_completed_total", help: "The total number of writes completed successfully.",
            type: .counter, column: 4, scale: 1),
        .init(name: "writes_merged_total", help: "The number of writes merged.", type: .counter, column: 5, scale: 1),
        .init(
            name: "written_bytes_total", help: "The total number of bytes written successfully.", type: .counter,
            column: 6, scale: 512),
        .init(
            name: "write_time_seconds_total", help: "This is the total number of seconds spent by all writes.",
            type: .counter, column: 7, scale: 0.001),
        .init(name: "io_now", help: "The number of I/Os currently in progress.", type: .gauge, column: 8, scale: 1),
        .init(
            name: "io_time_seconds_total", help: "Total seconds spent doing I/Os.", type: .counter, column: 9,
            scale: 0.001),
        .init(
            name: "io_time_weighted_seconds_total", help: "The weighted # of seconds spent doing I/Os.",
            type: .counter, column: 10, scale: 0.001),
        .init(
            name: "discards_completed_total", help: "The total number of discards completed successfully.",
            type: .counter, column: 11, scale: 1),
        .init(
            name: "discards_merged_total", help: "The total number of discards merged.", type: .counter, column: 12,
            scale: 1),
        .init(
            name: "discarded_sectors_total", help: "The total number of sectors discarded successfully.",
            type: .counter, column: 13, scale: 1),
        .init(
            name: "discard_time_seconds_total", help: "This is the total number of seconds spent by all discards.",
            type: .counter, column: 14, scale: 0.001),
        .init(
            name: "flush_requests_total", help: "The total number of flush requests completed successfully",
            type: .counter, column: 15, scale: 1),
        .init(
            name: "flush_requests_time_seconds_total",
            help: "This is the total number of seconds spent by all flush requests.", type: .counter, column: 16,
            scale: 0.001),
    ]

    /// The udev properties behind `node_disk_info`'s labels, in label order.
    static let udevLabels = [
        ("model", "ID_MODEL"), ("path", "ID_PATH"), ("revision", "ID_REVISION"), ("serial", "ID_SERIAL_SHORT"),
        ("wwn", "ID_WWN"),
    ]

    public let name = "diskstats"
    private let paths: SystemPaths
    private let filter: DeviceFilter

    /// Creates the collector reading `<procfs>/diskstats` and `<udevData>/b<major>:<minor>`.
    public init(paths: SystemPaths = SystemPaths(), filter: DeviceFilter) {
        self.paths = paths
        self.filter = filter
    }

    /// Creates the collector with node_exporter's default device exclusion.
    public init(paths: SystemPaths = SystemPaths()) throws(CollectorError) {
        self.init(paths: paths, filter: try DeviceFilter(exclude: Self.defaultExcludePattern))
    }

    public func update() throws -> [MetricFamily] {
        let udevData = paths.udevData
        return try Self.parse(SystemFile.text(paths.proc("diskstats")), filter: filter) { major, minor in
            (try? SystemFile.text(SystemPaths.join(udevData, "b\(major):\(minor)"))).map(Self.udevProperties) ?? [:]
        }
    }

    /// Parses `/proc/diskstats`; `udev` returns the udev properties of a device number (empty when unknown).
    public static func parse(
        _ text: ProcText,
        filter: DeviceFilter,
        udev: (String, String) -> [String: String] = { _, _ in [:] }
    ) throws(CollectorError) -> [MetricFamily] {
        var info: [(labels: Labels, value: Double)] = []
        var samples = Array(repeating: [(labels: Labels, value: Double)](), count: statistics.count)
        for line in text.lines {
            try line.require(fields: 14, expected: "major, minor, device name and 11 counters")
            let major = try line.fields[0].unsigned()
            let minor = try line.fields[1].unsigned()
            let device = line.fields[2].string
            if filter.ignores(device) { continue }
            let counters = line.fields.dropFirst(3)
            let properties = udev(String(major), String(minor))
            var labels: Labels = ["device": device, "major": String(major), "minor": String(minor)]
            for (label, property) in udevLabels { labels.append(Label(label, properties[property] ?? "")) }
            info.append((labels, 1))
            for (index, statistic) in statistics.enumerated() where statistic.column < counters.count {
                let field = counters[counters.startIndex + statistic.column]
                samples[index].append((["device": device], try field.double() * statistic.scale))
            }
        }
        let infoFamily = MetricFamily.labelled(
            "node_disk_info", .gauge, help: "Info of /sys/block/<block_device>.", samples: info)
        return [infoFamily]
            + zip(statistics, samples).compactMap { statistic, samples in
                samples.isEmpty
                    ? nil
                    : .labelled(
                        "node_disk_" + statistic.name, statistic.type, help: statistic.help, samples: samples)
            }
    }

    /// The `E:KEY=VALUE` lines of a udev database file.
    static func udevProperties(_ text: ProcText) -> [String: String] {
        var properties: [String: String] = [:]
        for line in String(decoding: text.bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix("E:") {
            let pair = line.dropFirst(2).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pair.count == 2 { properties[String(pair[0])] = String(pair[1]) }
        }
        return properties
    }
}
