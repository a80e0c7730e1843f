import PromText
import Synchronization

/// The `cpu` collector: `node_cpu_seconds_total{cpu,mode}` and `node_cpu_guest_seconds_total{cpu,mode}` from
/// `/proc/stat`.
///
/// Like node_exporter it remembers the last values it exposed per CPU so the counters never go backwards (see
/// ``CPUTimes/advanced(to:)``). Guest time is also included in `user`/`nice` by the kernel; it is exposed
/// separately, not subtracted.
public final class CPUCollector: NodeCollector {
    /// The modes of `node_cpu_seconds_total`, in node_exporter's order, mapped to `/proc/stat` columns.
    static let modes = ["user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"]
    /// The modes of `node_cpu_guest_seconds_total` and the columns they come from.
    static let guestModes = [("user", "guest"), ("nice", "guest_nice")]

    public let name = "cpu"
    private let paths: SystemPaths
    private let lastExposed = Mutex<[Int: CPUTimes]>([:])

    /// Creates the collector reading `<procfs>/stat`.
    public init(paths: SystemPaths = SystemPaths()) {
        self.paths = paths
    }

    public func update() throws -> [MetricFamily] {
        let stat = try ProcStat.parse(SystemFile.text(paths.proc("stat")))
        let monotonic = lastExposed.withLock { last in
            for (cpu, times) in stat.cpus {
                last[cpu] = last[cpu].map { $0.advanced(to: times) } ?? times
            }
            return last.filter { stat.cpus[$0.key] != nil }
        }
        return Self.families(monotonic)
    }

    /// The two families for per-CPU times, CPUs in numeric order.
    static func families(_ cpus: [Int: CPUTimes]) -> [MetricFamily] {
        var seconds: [(labels: Labels, value: Double)] = []
        var guest: [(labels: Labels, value: Double)] = []
        for (cpu, times) in cpus.sorted(by: { $0.key < $1.key }) {
            for mode in modes {
                seconds.append((["cpu": String(cpu), "mode": mode], times[mode]))
            }
            for (mode, column) in guestModes {
                guest.append((["cpu": String(cpu), "mode": mode], times[column]))
            }
        }
        return [
            .labelled(
                "node_cpu_seconds_total", .counter, help: "Seconds the CPUs spent in each mode.", samples: seconds),
            .labelled(
                "node_cpu_guest_seconds_total", .counter,
                help: "Seconds the CPUs spent in guests (VMs) for each mode.", samples: guest),
        ]
    }
}
