/// The parts of `/proc/stat` that the `cpu` and `stat` collectors expose.
///
/// Times are converted from USER_HZ ticks (100 per second on every Linux architecture node_exporter supports) to
/// seconds. Lines the collectors do not use (`softirq`, the aggregate `cpu` line, future additions) are skipped.
public struct ProcStat: Sendable, Hashable {
    /// Kernel clock ticks per second in `/proc/stat`.
    public static let userHZ = 100.0

    /// Per-CPU times, keyed by CPU number.
    public var cpus: [Int: CPUTimes] = [:]
    /// `btime`: boot time in seconds since the epoch.
    public var bootTime: Double = 0
    /// `ctxt`: context switches since boot.
    public var contextSwitches: Double = 0
    /// `processes`: forks since boot.
    public var forks: Double = 0
    /// First number of `intr`: interrupts serviced since boot.
    public var interrupts: Double = 0
    /// `procs_running`.
    public var processesRunning: Double = 0
    /// `procs_blocked`.
    public var processesBlocked: Double = 0

    /// Creates an empty value (every counter zero, no CPUs).
    public init() {}

    /// Parses the text of `/proc/stat`; a known line with a non-numeric value throws with its position.
    public static func parse(_ text: ProcText) throws(CollectorError) -> ProcStat {
        var stat = ProcStat()
        // A key and at most ten CPU time columns are read; the long `intr` and `softirq` lines are not split.
        for line in text.lines(fieldLimit: 1 + CPUTimes.columns.count) {
            let key = line.fields[0].string
            switch key {
            case "btime": stat.bootTime = try line.field(1, expected: "the boot time").double()
            case "ctxt": stat.contextSwitches = try line.field(1, expected: "a context switch count").double()
            case "processes": stat.forks = try line.field(1, expected: "a fork count").double()
            case "intr": stat.interrupts = try line.field(1, expected: "an interrupt count").double()
            case "procs_running": stat.processesRunning = try line.field(1, expected: "a process count").double()
            case "procs_blocked": stat.processesBlocked = try line.field(1, expected: "a process count").double()
            default:
                guard key.hasPrefix("cpu"), key != "cpu" else { continue }
                guard let number = Int(key.dropFirst(3)), number >= 0 else {
                    throw line.fields[0].error(expected: "cpu followed by a CPU number")
                }
                stat.cpus[number] = try CPUTimes(line)
            }
        }
        return stat
    }
}

/// The ten time columns of one `cpuN` line of `/proc/stat`, in seconds.
///
/// Older kernels print fewer columns; the missing ones are zero. Extra columns from newer kernels are ignored.
public struct CPUTimes: Sendable, Hashable {
    /// The column names in kernel order (`user nice system idle iowait irq softirq steal guest guest_nice`).
    public static let columns = [
        "user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal", "guest", "guest_nice",
    ]

    /// Seconds per column, in ``columns`` order.
    public var seconds: [Double]

    /// Creates times from seconds in ``columns`` order (missing trailing columns are zero).
    public init(seconds: [Double] = []) {
        self.seconds = Array((seconds + Array(repeating: 0, count: Self.columns.count)).prefix(Self.columns.count))
    }

    init(_ line: ProcLine) throws(CollectorError) {
        var seconds: [Double] = []
        for field in line.fields.dropFirst().prefix(Self.columns.count) {
            seconds.append(try field.double() / ProcStat.userHZ)
        }
        if seconds.isEmpty { _ = try line.field(1, expected: "CPU times") }
        self.init(seconds: seconds)
    }

    /// The seconds of the column called `name` (one of ``columns``).
    public subscript(name: String) -> Double {
        guard let index = Self.columns.firstIndex(of: name) else { preconditionFailure("unknown CPU column \(name)") }
        return seconds[index]
    }

    /// These (previously exposed) times updated with a new reading, keeping every counter monotonic as
    /// node_exporter does: a column that went backwards keeps its old value, and if `idle` went back by
    /// 3 seconds or more (a CPU was hot-plugged) the old values are dropped and the new reading is taken whole.
    public func advanced(to new: CPUTimes) -> CPUTimes {
        let idle = Self.columns.firstIndex(of: "idle") ?? 3
        if seconds[idle] - new.seconds[idle] >= 3 { return new }
        return CPUTimes(seconds: zip(seconds, new.seconds).map { old, next in next >= old ? next : old })
    }
}
