import PromText

/// Everything `tocsin-exporter` is told on its command line, with node_exporter's flag names and defaults
/// (except the port: 9813, clear of node_exporter's 9100, Prometheus's 9090 and Alertmanager's 9093).
public struct ExporterConfiguration: Sendable, Hashable {
    /// `--web.listen-address`: `host:port`, `:port` for all interfaces.
    public var listenAddress = ":9813"
    /// `--web.telemetry-path`: where metrics are served.
    public var telemetryPath = "/metrics"
    /// `--web.max-requests`: concurrent scrapes allowed before answering 503 (0 = no limit).
    public var maxRequests = 40
    /// `--web.max-connections`: open connections allowed; further ones are closed at once.
    public var maxConnections = 512
    /// `--web.drain-delay`: after SIGTERM, how long readiness fails while requests are still served.
    public var drainDelay = PrometheusDuration.seconds(5)
    /// `--web.disable-exporter-metrics`: leave out `process_*` and the exporter's own HTTP metrics.
    public var disableExporterMetrics = false
    /// The node collectors to run, by name.
    public var enabledCollectors: [String]
    /// `--collector.textfile.directory`: where `*.prom` files are read from (`nil` for none).
    public var textfileDirectory: String?
    /// `--path.procfs`, `--path.sysfs`, `--path.rootfs`, `--path.udev.data`.
    public var paths = SystemPaths()
    /// `--log.level`.
    public var logLevel = LogLevel.info
    /// `--log.format`.
    public var logFormat = LogFormat.logfmt

    /// The collectors `--collector.<name>` can name, with whether node_exporter enables each by default.
    public static let collectorNames = CollectorSet.defaultEnabledNames + ["textfile"]

    /// The flags `tocsin-exporter` accepts.
    public static let flags: [FlagSpec] =
        [
            FlagSpec("web.listen-address", default: ":9813", help: "Address on which to expose metrics and probes."),
            FlagSpec("web.telemetry-path", default: "/metrics", help: "Path under which to expose metrics."),
            FlagSpec("web.max-requests", default: "40", help: "Maximum number of parallel scrape requests (0 = off)."),
            FlagSpec("web.max-connections", default: "512", help: "Maximum number of open HTTP connections."),
            FlagSpec("web.drain-delay", default: "5s", help: "How long readiness fails before shutdown stops serving."),
            FlagSpec(
                "web.disable-exporter-metrics", kind: .boolean, default: "false",
                help: "Exclude process_* and exporter HTTP metrics."),
            FlagSpec(
                "collector.disable-defaults", kind: .boolean, default: "false",
                help: "Disable all collectors not explicitly enabled."),
            FlagSpec("collector.textfile.directory", default: "", help: "Directory to read *.prom text files from."),
            FlagSpec("path.procfs", default: "/proc", help: "procfs mountpoint."),
            FlagSpec("path.sysfs", default: "/sys", help: "sysfs mountpoint."),
            FlagSpec("path.rootfs", default: "/", help: "rootfs mountpoint."),
            FlagSpec("path.udev.data", default: "/run/udev/data", help: "udev data path."),
        ] + CommonFlags.specs
        + collectorNames.map {
            FlagSpec("collector.\($0)", kind: .boolean, default: "true", help: "Enable the \($0) collector.")
        }

    /// Builds the configuration from parsed flags, checking every value.
    public init(flags: ParsedFlags) throws(FlagError) {
        listenAddress = flags.string("web.listen-address") ?? listenAddress
        telemetryPath = flags.string("web.telemetry-path") ?? telemetryPath
        guard telemetryPath.hasPrefix("/") else { throw FlagError("--web.telemetry-path must start with '/'") }
        maxRequests = try Self.count(flags, "web.max-requests")
        maxConnections = try Self.count(flags, "web.max-connections")
        do {
            drainDelay = try PrometheusDuration(parsing: flags.string("web.drain-delay") ?? "5s")
        } catch {
            throw FlagError("invalid value for --web.drain-delay: \(error)")
        }
        disableExporterMetrics = flags.bool("web.disable-exporter-metrics")
        let disableDefaults = flags.bool("collector.disable-defaults")
        enabledCollectors = Self.collectorNames.filter { name in
            let flag = "collector.\(name)"
            return flags.bool(flag) && (!disableDefaults || flags.isExplicit(flag))
        }
        let directory = flags.string("collector.textfile.directory") ?? ""
        textfileDirectory = directory.isEmpty ? nil : directory
        paths = SystemPaths(
            procfs: flags.string("path.procfs") ?? "/proc",
            sysfs: flags.string("path.sysfs") ?? "/sys",
            rootfs: flags.string("path.rootfs") ?? "/",
            udevData: flags.string("path.udev.data") ?? "/run/udev/data"
        )
        (logLevel, logFormat) = try CommonFlags.logging(flags)
    }

    private static func count(_ flags: ParsedFlags, _ name: String) throws(FlagError) -> Int {
        guard let text = flags.string(name), let value = Int(text), value >= 0 else {
            throw FlagError("invalid value for --\(name): expected a whole number")
        }
        return value
    }
}
