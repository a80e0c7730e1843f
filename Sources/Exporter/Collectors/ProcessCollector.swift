import Glibc
import PromText
import Synchronization

/// The exporter's own process metrics with client_golang's names: `process_cpu_seconds_total`,
/// `process_open_fds`, `process_max_fds`, `process_virtual_memory_bytes`, `process_virtual_memory_max_bytes`,
/// `process_resident_memory_bytes`, `process_start_time_seconds`, read from `<procfs>/self/{stat,limits,fd}`
/// and the boot time in `<procfs>/stat`.
///
/// The boot time is read once per collector rather than on every scrape as client_golang does: it only moves
/// when the wall clock is stepped, and `/proc/stat` is the most expensive file the kernel generates for a scrape
/// (every CPU's and every interrupt's counters), which the `stat` and `cpu` node collectors read anyway.
///
/// It is a registry ``Collector`` (as in client_golang it is not a node collector and has no
/// `node_scrape_collector_*` series): when a file cannot be read it yields nothing rather than failing the
/// scrape. ``update()`` exposes the error for tests.
public struct ProcessCollector: Collector {
    /// The numbers parsed from `/proc/<pid>/stat`, `/proc/<pid>/limits` and `/proc/stat`.
    public struct Snapshot: Sendable, Hashable {
        /// `utime + stime`, in seconds.
        public var cpuSeconds: Double
        /// `vsize`, bytes.
        public var virtualMemoryBytes: Double
        /// `rss` pages times the page size.
        public var residentMemoryBytes: Double
        /// Boot time plus `starttime`, seconds since the epoch.
        public var startTimeSeconds: Double
        /// Soft `Max open files`.
        public var maxFDs: Double
        /// Soft `Max address space` (`unlimited` is 2^64 - 1, as client_golang reports it).
        public var virtualMemoryMaxBytes: Double
        /// Entries in `/proc/<pid>/fd`.
        public var openFDs: Double
    }

    private let paths: SystemPaths
    private let process: String
    private let bootTime = BootTimeCache()

    /// Creates the collector for this process (`self`), or for `process` (a PID directory name) in tests.
    public init(paths: SystemPaths = SystemPaths(), process: String = "self") {
        self.paths = paths
        self.process = process
    }

    /// The seven families, or none when a file cannot be read.
    public func collect() -> [MetricFamily] {
        (try? update()) ?? []
    }

    /// The seven families, throwing when a file cannot be read or parsed.
    public func update() throws(CollectorError) -> [MetricFamily] {
        let stat = try SystemFile.text(paths.proc("\(process)/stat"))
        let limits = try SystemFile.text(paths.proc("\(process)/limits"))
        let bootTime = try cachedBootTime()
        let openFDs = try SystemFile.list(paths.proc("\(process)/fd")).count
        let snapshot = try Self.snapshot(
            stat: stat, limits: limits, bootTime: bootTime, openFDs: openFDs,
            pageSize: Double(sysconf(Int32(_SC_PAGESIZE))))
        return Self.families(snapshot)
    }

    /// The boot time, read from `<procfs>/stat` on the first call only.
    private func cachedBootTime() throws(CollectorError) -> Double {
        if let known = bootTime.seconds.withLock({ $0 }) { return known }
        let read = try ProcStat.parse(SystemFile.text(paths.proc("stat"))).bootTime
        bootTime.seconds.withLock { $0 = read }
        return read
    }

    /// Parses the process's stat and limits files.
    public static func snapshot(
        stat: ProcText,
        limits: ProcText,
        bootTime: Double,
        openFDs: Int,
        pageSize: Double
    ) throws(CollectorError) -> Snapshot {
        // The command name (field 2) is in parentheses and may itself contain spaces and parentheses.
        guard let close = stat.bytes.lastIndex(of: UInt8(ascii: ")")) else {
            throw stat.error(at: 0, expected: "pid (comm) state ...", found: "no ')'")
        }
        let rest = ProcText(Array(stat.bytes[(close + 1)...]), file: stat.file)
        guard let line = rest.lines.first else {
            throw stat.error(at: close + 1, expected: "the fields after the command name", found: "end of file")
        }
        // Field n of proc(5) is at index n - 3 after the command name.
        func field(_ number: Int, _ name: String) throws(CollectorError) -> Double {
            do {
                return try line.field(number - 3, expected: name).double()
            } catch {
                throw stat.error(at: close + 1, expected: "\(name) (field \(number))", found: "\(error)")
            }
        }
        let limit = try Self.limits(limits)
        return Snapshot(
            cpuSeconds: (try field(14, "utime") + field(15, "stime")) / ProcStat.userHZ,
            virtualMemoryBytes: try field(23, "vsize"),
            residentMemoryBytes: try field(24, "rss") * pageSize,
            startTimeSeconds: bootTime + (try field(22, "starttime")) / ProcStat.userHZ,
            maxFDs: limit["Max open files"] ?? 0,
            virtualMemoryMaxBytes: limit["Max address space"] ?? 0,
            openFDs: Double(openFDs))
    }

    /// The soft limits of `/proc/<pid>/limits`, keyed by limit name; `unlimited` is 2^64 - 1.
    static func limits(_ text: ProcText) throws(CollectorError) -> [String: Double] {
        var limits: [String: Double] = [:]
        for line in text.lines.dropFirst() {
            let end = line.fields[line.fields.count - 1].range.upperBound
            let columns = Self.limitColumns(text.bytes[line.offset..<end])
            guard columns.count >= 2 else {
                let lineText = String(decoding: text.bytes[line.offset..<end], as: UTF8.self)
                throw text.error(at: line.offset, expected: "a limit name and a soft limit", found: "\"\(lineText)\"")
            }
            let soft = String(decoding: text.bytes[columns[1]], as: UTF8.self)
            guard let value = soft == "unlimited" ? Double(UInt64.max) : Double(soft) else {
                throw text.error(at: line.offset, expected: "a number or unlimited", found: "\"\(soft)\"")
            }
            limits[String(decoding: text.bytes[columns[0]], as: UTF8.self)] = value
        }
        return limits
    }

    /// The first two columns of a limits line: columns are separated by runs of two or more spaces, while names
    /// contain single spaces ("Max open files"); a column's leading space (left over from an odd run) is not
    /// part of it.
    static func limitColumns(_ line: ArraySlice<UInt8>) -> [Range<Int>] {
        let space = UInt8(ascii: " ")
        var columns: [Range<Int>] = []
        var index = line.startIndex
        while index < line.endIndex && columns.count < 2 {
            while index < line.endIndex && line[index] == space { index += 1 }
            let start = index
            while index < line.endIndex
                && !(line[index] == space && index + 1 < line.endIndex && line[index + 1] == space)
            {
                index += 1
            }
            if start < index { columns.append(start..<index) }
        }
        return columns
    }

    /// client_golang's process families.
    static func families(_ snapshot: Snapshot) -> [MetricFamily] {
        [
            .single(
                "process_cpu_seconds_total", .counter, help: "Total user and system CPU time spent in seconds.",
                value: snapshot.cpuSeconds),
            .single(
                "process_open_fds", .gauge, help: "Number of open file descriptors.", value: snapshot.openFDs),
            .single(
                "process_max_fds", .gauge, help: "Maximum number of open file descriptors.", value: snapshot.maxFDs),
            .single(
                "process_virtual_memory_bytes", .gauge, help: "Virtual memory size in bytes.",
                value: snapshot.virtualMemoryBytes),
            .single(
                "process_virtual_memory_max_bytes", .gauge,
                help: "Maximum amount of virtual memory available in bytes.",
                value: snapshot.virtualMemoryMaxBytes),
            .single(
                "process_resident_memory_bytes", .gauge, help: "Resident memory size in bytes.",
                value: snapshot.residentMemoryBytes),
            .single(
                "process_start_time_seconds", .gauge, help: "Start time of the process since unix epoch in seconds.",
                value: snapshot.startTimeSeconds),
        ]
    }
}

/// The boot time once read, shared by the copies of one ``ProcessCollector``.
private final class BootTimeCache: Sendable {
    let seconds = Mutex<Double?>(nil)
}
