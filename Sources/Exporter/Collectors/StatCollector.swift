import PromText

/// The `stat` collector: boot time, context switches, forks, interrupts and process counts from `/proc/stat`.
public struct StatCollector: NodeCollector {
    public let name = "stat"
    private let paths: SystemPaths

    /// Creates the collector reading `<procfs>/stat`.
    public init(paths: SystemPaths = SystemPaths()) {
        self.paths = paths
    }

    public func update() throws -> [MetricFamily] {
        Self.families(try ProcStat.parse(SystemFile.text(paths.proc("stat"))))
    }

    /// node_exporter's six `stat` families.
    static func families(_ stat: ProcStat) -> [MetricFamily] {
        [
            .single("node_intr_total", .counter, help: "Total number of interrupts serviced.", value: stat.interrupts),
            .single(
                "node_context_switches_total", .counter, help: "Total number of context switches.",
                value: stat.contextSwitches),
            .single("node_forks_total", .counter, help: "Total number of forks.", value: stat.forks),
            .single("node_boot_time_seconds", .gauge, help: "Node boot time, in unixtime.", value: stat.bootTime),
            .single(
                "node_procs_running", .gauge, help: "Number of processes in runnable state.",
                value: stat.processesRunning),
            .single(
                "node_procs_blocked", .gauge, help: "Number of processes blocked waiting for I/O to complete.",
                value: stat.processesBlocked),
        ]
    }
}
