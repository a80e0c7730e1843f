import Exporter
import PromText

/// Everything `tocsin-ruleeval` (the service) is told on its command line, with Prometheus's flag names where
/// Prometheus has the same setting.
public struct EvaluatorConfiguration: Sendable, Hashable {
    /// `--config.file`: the `prometheus.yml` to load.
    public var configFile = "prometheus.yml"
    /// `--web.listen-address`: `host:port`, `:port` for all interfaces.
    public var listenAddress = ":9814"
    /// `--web.external-url`: the URL the evaluator is reachable under (generator URLs, `$externalURL`).
    public var externalURL = ""
    /// `--web.enable-lifecycle`: allow `POST /-/reload` (and `/-/quit`), as in Prometheus.
    public var enableLifecycle = false
    /// `--web.max-connections`: open connections allowed.
    public var maxConnections = 512
    /// `--storage.path`: where alert state, silences and the notification outbox are kept.
    public var storagePath = "data/"
    /// `--storage.retention`: the most the in-memory store keeps; it keeps less when the rules need less.
    public var retention = PrometheusDuration(milliseconds: 86_400_000)
    /// `--storage.query-window`: how far back API queries can always read.
    public var queryWindow = PrometheusDuration.minutes(60)
    /// `--query.lookback-delta`.
    public var lookbackDelta = PrometheusDuration.minutes(5)
    /// `--rules.alert.for-outage-tolerance`.
    public var forOutageTolerance = PrometheusDuration.minutes(60)
    /// `--rules.alert.for-grace-period`.
    public var forGracePeriod = PrometheusDuration.minutes(10)
    /// `--rules.alert.resend-delay`.
    public var resendDelay = PrometheusDuration.minutes(1)
    /// `--alertmanager.notification-queue-capacity`.
    public var notificationQueueCapacity = 10_000
    /// `--notifier.config.file`: an Alertmanager-format file for direct dispatch (`nil`: none).
    public var notifierConfigFile: String?
    /// `--web.drain-delay`: after SIGTERM, how long readiness fails while requests are still served.
    public var drainDelay = PrometheusDuration.seconds(5)
    /// `--log.level`.
    public var logLevel = LogLevel.info
    /// `--log.format`.
    public var logFormat = LogFormat.logfmt
    /// Every flag's value by name (without dashes), as `/api/v1/status/flags` reports them.
    public var flagValues: [String: String] = [:]

    /// The flags the service accepts.
    public static let flags: [FlagSpec] =
        [
            FlagSpec("config.file", default: "prometheus.yml", help: "Prometheus configuration file path."),
            FlagSpec("web.listen-address", default: ":9814", help: "Address to listen on for the UI, API and metrics."),
            FlagSpec(
                "web.external-url", default: "", help: "The URL under which the evaluator is externally reachable."),
            FlagSpec(
                "web.enable-lifecycle", kind: .boolean, default: "false",
                help: "Enable shutdown and reload via HTTP request."),
            FlagSpec("web.max-connections", default: "512", help: "Maximum number of simultaneous connections."),
            FlagSpec("web.drain-delay", default: "5s", help: "How long readiness fails before shutdown stops serving."),
            FlagSpec("storage.path", default: "data/", help: "Directory for alert state, silences and the outbox."),
            FlagSpec("storage.retention", default: "1d", help: "The most the in-memory sample store keeps."),
            FlagSpec("storage.query-window", default: "1h", help: "How far back API queries can always read."),
            FlagSpec("query.lookback-delta", default: "5m", help: "The lookback of instant vector selectors."),
            FlagSpec(
                "rules.alert.for-outage-tolerance", default: "1h",
                help: "Max time to tolerate outage for restoring \"for\" state of alert."),
            FlagSpec(
                "rules.alert.for-grace-period", default: "10m",
                help: "Minimum duration between alert and restored \"for\" state."),
            FlagSpec(
                "rules.alert.resend-delay", default: "1m",
                help: "Minimum amount of time to wait before resending an alert to Alertmanager."),
            FlagSpec(
                "alertmanager.notification-queue-capacity", default: "10000",
                help: "The capacity of the queue for pending Alertmanager notifications."),
            FlagSpec(
                "notifier.config.file", default: "",
                help: "Alertmanager-format file for dispatching notifications directly (no Alertmanager)."),
        ] + CommonFlags.specs

    /// A configuration with every default.
    public init() {}

    /// Builds the configuration from parsed flags, checking every value.
    public init(flags: ParsedFlags) throws(FlagError) {
        for spec in Self.flags where spec.name != "help" && spec.name != "version" {
            flagValues[spec.name] = flags.string(spec.name) ?? ""
        }
        configFile = flags.string("config.file") ?? configFile
        listenAddress = flags.string("web.listen-address") ?? listenAddress
        externalURL = flags.string("web.external-url") ?? ""
        enableLifecycle = flags.bool("web.enable-lifecycle")
        guard let connections = flags.string("web.max-connections").flatMap({ Int($0) }), connections > 0 else {
            throw FlagError("invalid value for --web.max-connections: expected a positive whole number")
        }
        maxConnections = connections
        guard
            let capacity = flags.string("alertmanager.notification-queue-capacity").flatMap({ Int($0) }),
            capacity > 0
        else {
            throw FlagError(
                "invalid value for --alertmanager.notification-queue-capacity: expected a positive whole number")
        }
        notificationQueueCapacity = capacity
        storagePath = flags.string("storage.path") ?? storagePath
        guard !storagePath.isEmpty else { throw FlagError("--storage.path must not be empty") }
        let notifier = flags.string("notifier.config.file") ?? ""
        notifierConfigFile = notifier.isEmpty ? nil : notifier
        retention = try Self.duration(flags, "storage.retention")
        queryWindow = try Self.duration(flags, "storage.query-window")
        lookbackDelta = try Self.duration(flags, "query.lookback-delta")
        forOutageTolerance = try Self.duration(flags, "rules.alert.for-outage-tolerance")
        forGracePeriod = try Self.duration(flags, "rules.alert.for-grace-period")
        resendDelay = try Self.duration(flags, "rules.alert.resend-delay")
        drainDelay = try Self.duration(flags, "web.drain-delay")
        (logLevel, logFormat) = try CommonFlags.logging(flags)
    }

    private static func duration(_ flags: ParsedFlags, _ name: String) throws(FlagError) -> PrometheusDuration {
        do {
            return try PrometheusDuration(parsing: flags.string(name) ?? "")
        } catch {
            throw FlagError("invalid value for --\(name): \(error)")
        }
    }
}
