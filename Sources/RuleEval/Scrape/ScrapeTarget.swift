import PromText

/// A target to scrape: the labels and URL that remain after target relabeling, as Prometheus's
/// `scrape.PopulateLabels` produces them.
///
/// Discovery gives `__address__` and the static labels; the scrape configuration adds `job`, `__scheme__`,
/// `__metrics_path__`, `__scrape_interval__`, `__scrape_timeout__` and one `__param_<name>` per URL parameter
/// (the first value) where not already set. `relabel_configs` then run over that set; afterwards `__meta_*`
/// labels are removed, `instance` defaults to `__address__`, and every remaining label starting with `__` is
/// kept only for building the URL, not as a target label.
public struct ScrapeTarget: Sendable, Hashable {
    /// The labels attached to every scraped series, sorted by name, with no `__` label.
    public var labels: Labels
    /// The labels before relabeling.
    public var discoveredLabels: Labels
    /// `http` or `https`.
    public var scheme: String
    /// The `host:port` (or bare host) scraped.
    public var address: String
    /// The HTTP path.
    public var metricsPath: String
    /// URL query parameters, by name.
    public var parameters: [String: [String]]
    /// How often the target is scraped.
    public var interval: PrometheusDuration
    /// The deadline of one scrape.
    public var timeout: PrometheusDuration

    /// The label prefix that turns a label into a URL parameter.
    static let parameterPrefix = "__param_"

    /// Builds the target discovered as `address` in a group with `groupLabels`.
    ///
    /// - Returns: `nil` when relabeling dropped the target.
    /// - Throws: a ``ScrapeTargetError`` when the relabeled labels do not describe a scrapeable target.
    public init?(
        address: String, groupLabels: Labels = Labels(), configuration: ScrapeConfiguration
    ) throws(ScrapeTargetError) {
        let discovered = Self.discoveredLabels(
            address: address, groupLabels: groupLabels, configuration: configuration)
        try self.init(discoveredLabels: discovered, configuration: configuration)
    }

    /// Builds a target from labels already carrying the configuration's defaults (see
    /// ``discoveredLabels(address:groupLabels:configuration:)``).
    public init?(discoveredLabels: Labels, configuration: ScrapeConfiguration) throws(ScrapeTargetError) {
        guard let relabeled = Relabeling.apply(configuration.relabelConfigs, to: discoveredLabels) else {
            return nil
        }
        let fail = { (message: String) in ScrapeTargetError(discoveredLabels: discoveredLabels, message: message) }
        guard let address = relabeled["__address__"], !address.isEmpty else { throw fail("no address") }
        if address.contains("/") { throw fail("\(GoString.quoted(address)) is not a valid hostname") }
        let interval: PrometheusDuration
        let timeout: PrometheusDuration
        do {
            interval = try PrometheusDuration(parsing: relabeled["__scrape_interval__"] ?? "")
        } catch {
            throw fail("error parsing scrape interval: \(error.message)")
        }
        do {
            timeout = try PrometheusDuration(parsing: relabeled["__scrape_timeout__"] ?? "")
        } catch {
            throw fail("error parsing scrape timeout: \(error.message)")
        }
        if interval == .zero { throw fail("scrape interval cannot be 0") }
        if timeout == .zero { throw fail("scrape timeout cannot be 0") }
        if timeout > interval {
            throw fail(
                "scrape timeout cannot be greater than scrape interval (\(GoString.quoted(timeout.description)) > "
                    + "\(GoString.quoted(interval.description)))")
        }
        var parameters = configuration.params
        var targetLabels = Labels()
        for label in relabeled where !label.value.isEmpty {
            if label.name.hasPrefix(Self.parameterPrefix) {
                let name = String(label.name.dropFirst(Self.parameterPrefix.count))
                parameters[name, default: []].setFirst(label.value)
            }
            if !label.name.hasPrefix("__") { targetLabels.append(label) }
        }
        if targetLabels["instance"] == nil { targetLabels.append(Label("instance", address)) }
        self.labels = targetLabels.sorted()
        self.discoveredLabels = discoveredLabels
        self.scheme = relabeled["__scheme__"] ?? "http"
        self.address = address
        self.metricsPath = relabeled["__metrics_path__"] ?? ""
        self.parameters = parameters
        self.interval = interval
        self.timeout = timeout
    }

    /// The labels Prometheus gives a discovered target before relabeling: the target's own labels, the group's
    /// labels it does not override, then the configuration's defaults where not already set.
    public static func discoveredLabels(
        address: String, groupLabels: Labels, configuration: ScrapeConfiguration
    ) -> Labels {
        var labels = Labels([Label("__address__", address)])
        for label in groupLabels where label.name != "__address__" { labels.append(label) }
        let defaults = [
            Label("job", configuration.jobName),
            Label("__scrape_interval__", configuration.scrapeInterval.description),
            Label("__scrape_timeout__", configuration.scrapeTimeout.description),
            Label("__metrics_path__", configuration.metricsPath),
            Label("__scheme__", configuration.scheme),
        ]
        let parameters = configuration.params.sorted(by: { $0.key < $1.key }).compactMap { entry in
            entry.value.first.map { Label(parameterPrefix + entry.key, $0) }
        }
        for label in defaults + parameters where (labels[label.name] ?? "").isEmpty {
            labels.append(label)
        }
        return labels.sorted()
    }

    /// Every target of the configuration's `static_configs`, in order; targets dropped by relabeling are left out
    /// and targets that cannot be scraped are reported in `errors`.
    public static func targets(of configuration: ScrapeConfiguration) -> (
        targets: [ScrapeTarget], errors: [ScrapeTargetError]
    ) {
        var targets: [ScrapeTarget] = []
        var errors: [ScrapeTargetError] = []
        for group in configuration.staticConfigs {
            for address in group.targets {
                do {
                    if let target = try ScrapeTarget(
                        address: address, groupLabels: group.labels, configuration: configuration)
                    {
                        targets.append(target)
                    }
                } catch {
                    errors.append(error)
                }
            }
        }
        return (targets, errors)
    }
}

extension Array where Element == String {
    /// Replaces the first value, or appends it to an empty list (Go's `url.Values` update in `Target.URL`).
    fileprivate mutating func setFirst(_ value: String) {
        if isEmpty { append(value) } else { self[0] = value }
    }
}
