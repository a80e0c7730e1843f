import PromText

/// The `global` section of `prometheus.yml`: defaults for scrape and rule configurations.
public struct GlobalConfiguration: Sendable, Hashable {
    /// How often targets are scraped by default; default 1m.
    public var scrapeInterval: PrometheusDuration
    /// How long a scrape may take by default; default 10s (or the interval if shorter).
    public var scrapeTimeout: PrometheusDuration
    /// How often rule groups are evaluated by default; default 1m.
    public var evaluationInterval: PrometheusDuration
    /// How far in the past rule groups evaluate by default; default 0.
    public var ruleQueryOffset: PrometheusDuration
    /// Labels added to alerts and to series sent elsewhere, sorted by name.
    public var externalLabels: Labels
    /// The default per-scrape sample limit (0 = none).
    public var sampleLimit: UInt64
    /// The default per-series label limit (0 = none).
    public var labelLimit: UInt64

    /// Prometheus's defaults.
    public init(
        scrapeInterval: PrometheusDuration = .minutes(1), scrapeTimeout: PrometheusDuration = .seconds(10),
        evaluationInterval: PrometheusDuration = .minutes(1), ruleQueryOffset: PrometheusDuration = .zero,
        externalLabels: Labels = Labels(), sampleLimit: UInt64 = 0, labelLimit: UInt64 = 0
    ) {
        self.scrapeInterval = scrapeInterval
        self.scrapeTimeout = scrapeTimeout
        self.evaluationInterval = evaluationInterval
        self.ruleQueryOffset = ruleQueryOffset
        self.externalLabels = externalLabels
        self.sampleLimit = sampleLimit
        self.labelLimit = labelLimit
    }

    /// Reads and validates the `global` section (null reads as all defaults).
    static func decode(_ node: YAMLNode, with decoder: YAMLDecoder) throws(YAMLError) -> GlobalConfiguration {
        let fields = try decoder.fields(
            of: node, type: "config.GlobalConfig",
            known: [
                "scrape_interval", "scrape_timeout", "evaluation_interval", "rule_query_offset", "external_labels",
                "sample_limit", "label_limit",
            ],
            unsupported: [
                "scrape_protocols", "query_log_file", "scrape_failure_log_file", "body_size_limit", "target_limit",
                "label_name_length_limit", "label_value_length_limit", "keep_dropped_targets",
                "metric_name_validation_scheme", "metric_name_escaping_scheme", "scrape_native_histograms",
                "convert_classic_histograms_to_nhcb", "always_scrape_classic_histograms", "extra_scrape_metrics",
            ])
        var global = GlobalConfiguration(scrapeInterval: .zero, scrapeTimeout: .zero, evaluationInterval: .zero)
        if let value = fields["scrape_interval"] { global.scrapeInterval = try decoder.duration(value) }
        if let value = fields["scrape_timeout"] { global.scrapeTimeout = try decoder.duration(value) }
        if let value = fields["evaluation_interval"] { global.evaluationInterval = try decoder.duration(value) }
        if let value = fields["rule_query_offset"] { global.ruleQueryOffset = try decoder.duration(value) }
        if let value = fields["external_labels"] {
            global.externalLabels = try decodeLabels(value, with: decoder, names: .utf8)
        }
        if let value = fields["sample_limit"] { global.sampleLimit = try decoder.uint(value) }
        if let value = fields["label_limit"] { global.labelLimit = try decoder.uint(value) }

        let defaults = GlobalConfiguration()
        if global.scrapeInterval == .zero { global.scrapeInterval = defaults.scrapeInterval }
        if global.scrapeTimeout > global.scrapeInterval {
            throw decoder.error(
                "global scrape timeout greater than scrape interval",
                at: fields.keyPosition("scrape_timeout") ?? fields.position)
        }
        if global.scrapeTimeout == .zero { global.scrapeTimeout = min(defaults.scrapeTimeout, global.scrapeInterval) }
        if global.evaluationInterval == .zero { global.evaluationInterval = defaults.evaluationInterval }
        return global
    }
}
