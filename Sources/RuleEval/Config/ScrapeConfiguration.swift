import PromText

/// One entry of `scrape_configs`: a job, its targets and how to scrape them.
public struct ScrapeConfiguration: Sendable, Hashable {
    /// The job name, also the default `job` label; required and unique.
    public var jobName: String
    /// Whether labels of scraped series win over target labels on conflict; default false.
    public var honorLabels: Bool
    /// Whether timestamps in the exposition are kept; default true.
    public var honorTimestamps: Bool
    /// URL query parameters sent with each scrape.
    public var params: [String: [String]]
    /// How often targets are scraped (the global default when not set).
    public var scrapeInterval: PrometheusDuration
    /// How long a scrape may take (the global default, capped at the interval, when not set).
    public var scrapeTimeout: PrometheusDuration
    /// The HTTP path; default `/metrics`.
    public var metricsPath: String
    /// `http` (default) or `https`.
    public var scheme: String
    /// Fail a scrape with more samples than this after metric relabeling (0 = no limit).
    public var sampleLimit: UInt64
    /// Fail a scrape with a series that has more labels than this (0 = no limit).
    public var labelLimit: UInt64
    /// Basic authentication, if configured.
    public var basicAuth: BasicAuthentication?
    /// An `Authorization` header, if configured.
    public var authorization: Authorization?
    /// `tls_config`, used when `scheme` is `https`.
    public var tlsConfig = TLSConfiguration()
    /// Statically listed targets.
    public var staticConfigs: [StaticConfiguration]
    /// Targets read from files.
    public var fileSDConfigs: [FileSDConfiguration]
    /// Relabeling applied to targets before scraping.
    public var relabelConfigs: [RelabelConfiguration]
    /// Relabeling applied to scraped series.
    public var metricRelabelConfigs: [RelabelConfiguration]

    /// Creates a scrape configuration with Prometheus's defaults.
    public init(
        jobName: String, scrapeInterval: PrometheusDuration = .minutes(1),
        scrapeTimeout: PrometheusDuration = .seconds(10)
    ) {
        self.jobName = jobName
        self.honorLabels = false
        self.honorTimestamps = true
        self.params = [:]
        self.scrapeInterval = scrapeInterval
        self.scrapeTimeout = scrapeTimeout
        self.metricsPath = "/metrics"
        self.scheme = "http"
        self.sampleLimit = 0
        self.labelLimit = 0
        self.staticConfigs = []
        self.fileSDConfigs = []
        self.relabelConfigs = []
        self.metricRelabelConfigs = []
    }

    private static let knownFields: Set<String> = [
        "job_name", "honor_labels", "honor_timestamps", "params", "scrape_interval", "scrape_timeout",
        "metrics_path", "scheme", "sample_limit", "label_limit", "relabel_configs", "metric_relabel_configs",
    ]

    private static let unsupportedFields: Set<String> = [
        "track_timestamps_staleness", "scrape_protocols", "fallback_scrape_protocol", "scrape_native_histograms",
        "always_scrape_classic_histograms", "convert_classic_histograms_to_nhcb", "scrape_failure_log_file",
        "enable_compression", "body_size_limit", "target_limit", "label_name_length_limit",
        "label_value_length_limit", "native_histogram_bucket_limit", "native_histogram_min_bucket_factor",
        "keep_dropped_targets", "metric_name_validation_scheme", "metric_name_escaping_scheme",
        "extra_scrape_metrics",
    ]

    /// Reads and validates one scrape configuration, filling defaults from `global`.
    static func decode(
        _ node: YAMLNode, with decoder: YAMLDecoder, global: GlobalConfiguration, directory: String
    ) throws(YAMLError) -> ScrapeConfiguration {
        if node.isNull { throw decoder.error("empty or null scrape config section", at: node.position) }
        let fields = try decoder.fields(
            of: node, type: "config.ScrapeConfig",
            known: knownFields.union(HTTPClientSettings.fields).union(TargetDiscovery.fields),
            unsupported: unsupportedFields.union(HTTPClientSettings.unsupportedFields)
                .union(TargetDiscovery.unsupportedFields))
        var config = ScrapeConfiguration(jobName: "", scrapeInterval: .zero, scrapeTimeout: .zero)
        if let value = fields["job_name"] { config.jobName = try decoder.string(value) }
        if let value = fields["honor_labels"] { config.honorLabels = try decoder.bool(value) }
        if let value = fields["honor_timestamps"] { config.honorTimestamps = try decoder.bool(value) }
        if let value = fields["params"] {
            for entry in try decoder.mapping(value).entries {
                config.params[entry.key] = try decoder.strings(entry.value)
            }
        }
        if let value = fields["scrape_interval"] { config.scrapeInterval = try decoder.duration(value) }
        if let value = fields["scrape_timeout"] { config.scrapeTimeout = try decoder.duration(value) }
        if let value = fields["metrics_path"] { config.metricsPath = try decoder.string(value) }
        if let value = fields["scheme"] {
            config.scheme = try decoder.string(value)
            guard config.scheme == "http" || config.scheme == "https" else {
                throw decoder.error(
                    "scheme must be \"http\" or \"https\", found \(GoString.quoted(config.scheme))", at: value.position)
            }
        }
        if let value = fields["sample_limit"] { config.sampleLimit = try decoder.uint(value) }
        if let value = fields["label_limit"] { config.labelLimit = try decoder.uint(value) }
        config.relabelConfigs = try decodeRelabelConfigs(
            fields["relabel_configs"], with: decoder,
            nullMessage: "empty or null target relabeling rule in scrape config")
        config.metricRelabelConfigs = try decodeRelabelConfigs(
            fields["metric_relabel_configs"], with: decoder,
            nullMessage: "empty or null metric relabeling rule in scrape config")
        let http = try HTTPClientSettings.decode(fields, with: decoder, directory: directory)
        config.basicAuth = http.basicAuth
        config.authorization = http.authorization
        config.tlsConfig = http.tlsConfig
        let discovery = try TargetDiscovery.decode(
            fields, with: decoder, directory: directory, names: .utf8, checkTargets: config.relabelConfigs.isEmpty)
        config.staticConfigs = discovery.staticConfigs
        config.fileSDConfigs = discovery.fileSDConfigs

        if config.jobName.isEmpty { throw decoder.error("job_name is empty", at: node.position) }
        if config.scrapeInterval == .zero { config.scrapeInterval = global.scrapeInterval }
        if config.scrapeTimeout > config.scrapeInterval {
            throw decoder.error(
                "scrape timeout greater than scrape interval for scrape config with job name \(GoString.quoted(config.jobName))",
                at: fields.keyPosition("scrape_timeout") ?? fields.keyPosition("scrape_interval") ?? node.position)
        }
        if config.scrapeTimeout == .zero { config.scrapeTimeout = min(global.scrapeTimeout, config.scrapeInterval) }
        if config.sampleLimit == 0 { config.sampleLimit = global.sampleLimit }
        if config.labelLimit == 0 { config.labelLimit = global.labelLimit }
        return config
    }
}

/// Reads a list of relabel configurations; a null entry is an error worded as Prometheus words it.
func decodeRelabelConfigs(_ node: YAMLNode?, with decoder: YAMLDecoder, nullMessage: String) throws(YAMLError)
    -> [RelabelConfiguration]
{
    var configs: [RelabelConfiguration] = []
    for item in try node.map(decoder.sequence) ?? [] {
        if item.isNull { throw decoder.error(nullMessage, at: item.position) }
        configs.append(try RelabelConfiguration.decode(item, with: decoder))
    }
    return configs
}
