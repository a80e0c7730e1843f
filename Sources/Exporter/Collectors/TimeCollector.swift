import Glibc
import PromText

/// The `time` collector: `node_time_seconds`, `node_time_zone_offset_seconds{time_zone}` and, from sysfs,
/// `node_time_clocksource_available_info` / `node_time_clocksource_current_info{clocksource,device}`.
public struct TimeCollector: NodeCollector {
    public let name = "time"
    private let paths: SystemPaths
    private let now: @Sendable () -> timespec

    /// Creates the collector; `now` is the wall clock (`CLOCK_REALTIME`), replaceable in tests.
    public init(paths: SystemPaths = SystemPaths(), now: @escaping @Sendable () -> timespec = TimeCollector.realtime) {
        self.paths = paths
        self.now = now
    }

    /// The current `CLOCK_REALTIME` reading.
    @Sendable public static func realtime() -> timespec {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return time
    }

    public func update() throws -> [MetricFamily] {
        let time = now()
        var seconds = time.tv_sec
        var local = tm()
        localtime_r(&seconds, &local)
        let zone = local.tm_zone.map { String(cString: $0) } ?? ""
        return [
            .single(
                "node_time_seconds", .gauge, help: "System time in seconds since epoch (1970).",
                value: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9),
            .single(
                "node_time_zone_offset_seconds", .gauge, help: "System time zone offset in seconds.",
                value: Double(local.tm_gmtoff), labels: ["time_zone": zone]),
        ] + (try clocksources())
    }

    /// The clocksource families read from `<sysfs>/devices/system/clocksource/clocksource<N>/`.
    func clocksources() throws(CollectorError) -> [MetricFamily] {
        let directory = paths.sys("devices/system/clocksource")
        var available: [(labels: Labels, value: Double)] = []
        var current: [(labels: Labels, value: Double)] = []
        for entry in try SystemFile.list(directory) where entry.hasPrefix("clocksource") {
            let device = String(entry.dropFirst("clocksource".count))
            guard !device.isEmpty, device.allSatisfy(\.isNumber) else { continue }
            let base = SystemPaths.join(directory, entry)
            for line in try SystemFile.text(SystemPaths.join(base, "available_clocksource")).lines {
                available += line.fields.map { (["clocksource": $0.string, "device": device], 1) }
            }
            for line in try SystemFile.text(SystemPaths.join(base, "current_clocksource")).lines {
                current += line.fields.prefix(1).map { (["clocksource": $0.string, "device": device], 1) }
            }
        }
        return [
            .labelled(
                "node_time_clocksource_available_info", .gauge,
                help: "Available clocksources read from '/sys/devices/system/clocksource'.", samples: available),
            .labelled(
                "node_time_clocksource_current_info", .gauge,
                help: "Current clocksource read from '/sys/devices/system/clocksource'.", samples: current),
        ]
    }
}
