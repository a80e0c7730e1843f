import PromText

/// The per-target scrape state of Prometheus's `scrapeLoop`, as a value: it turns each response into the samples
/// to append (scraped series with target labels, stale markers, synthetic series) and remembers which series the
/// last successful scrape produced. No I/O happens here; a runner fetches, calls ``scrape(_:at:duration:)`` and
/// appends the result.
public struct ScrapeLoop: Sendable {
    /// The target scraped.
    public let target: ScrapeTarget
    /// The job's scrape settings (`honor_labels`, `honor_timestamps`, limits, `metric_relabel_configs`).
    public let configuration: ScrapeConfiguration
    /// Series without explicit timestamps in the last successful scrape; they go stale when they disappear.
    private var stalenessTracked: Set<Labels> = []
    /// Every series of the last successful scrape, to count `scrape_series_added`.
    private var knownSeries: Set<Labels> = []
    /// Whether any scrape happened; a target never scraped leaves nothing to mark stale.
    private var hasScraped = false

    /// The names of the synthetic series, in the order they are appended.
    public static let reportNames = [
        "up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling",
        "scrape_series_added",
    ]

    /// Creates the loop for `target`, scraped with `configuration`.
    public init(target: ScrapeTarget, configuration: ScrapeConfiguration) {
        self.target = target
        self.configuration = configuration
    }

    /// Creates the loop that replaces `previous` after a configuration reload, keeping the series it remembers so
    /// the reload neither marks them stale nor counts them as added again (Prometheus hands the old loop's cache
    /// to the new one).
    public init(target: ScrapeTarget, configuration: ScrapeConfiguration, continuing previous: ScrapeLoop) {
        self.init(target: target, configuration: configuration)
        stalenessTracked = previous.stalenessTracked
        knownSeries = previous.knownSeries
        hasScraped = previous.hasScraped
    }

    /// Processes one scrape that started at `timestamp` (milliseconds) and took `duration`.
    ///
    /// A failed scrape (transport error, non-200 status, missing or unknown Content-Type, parse error,
    /// `sample_limit` or `label_limit` exceeded) appends none of its samples: every series of the previous
    /// successful scrape gets a stale marker and `up` is 0.
    public mutating func scrape(_ response: ScrapeResponse, at timestamp: Int64, duration: Duration) -> ScrapeResult {
        hasScraped = true
        var ingestion = ScrapeIngestion(timestamp: timestamp)
        let error: String?
        switch response {
        case .failure(let message):
            error = message
        case .response(let status, let contentType, let body):
            if status != 200 {
                error = "server returned HTTP status \(status)"
            } else {
                error = ingest(body, contentType: contentType, into: &ingestion)
            }
        }
        var samples: [ScrapedSample]
        if error == nil {
            samples = ingestion.samples
            samples += staleMarkers(for: stalenessTracked.subtracting(ingestion.tracked), at: timestamp)
            stalenessTracked = ingestion.tracked
            knownSeries = ingestion.seen
        } else {
            samples = staleMarkers(for: stalenessTracked, at: timestamp)
            stalenessTracked = []
        }
        let values = [
            error == nil ? 1 : 0, Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18,
            Double(ingestion.scraped), Double(ingestion.postRelabeling), Double(ingestion.seriesAdded),
        ]
        samples += zip(Self.reportNames, values).map { name, value in
            ScrapedSample(labels: reportLabels(name), timestamp: timestamp, value: value)
        }
        return ScrapeResult(
            samples: samples, error: error, samplesScraped: ingestion.scraped,
            samplesPostMetricRelabeling: ingestion.postRelabeling, seriesAdded: ingestion.seriesAdded)
    }

    /// The samples to append when the target goes away at `timestamp`: stale markers for every series of the last
    /// successful scrape and for the synthetic series, or nothing if the target was never scraped. The loop forgets
    /// its series afterwards.
    public mutating func stop(at timestamp: Int64) -> [ScrapedSample] {
        guard hasScraped else { return [] }
        let markers = staleMarkers(for: stalenessTracked, at: timestamp)
        stalenessTracked = []
        knownSeries = []
        hasScraped = false
        return markers
            + Self.reportNames.map {
                ScrapedSample(labels: reportLabels($0), timestamp: timestamp, value: StaleMarker.value)
            }
    }

    /// Parses `body` and fills `ingestion`; returns why the scrape fails, if it does.
    private func ingest(_ body: [UInt8], contentType: String?, into ingestion: inout ScrapeIngestion) -> String? {
        guard let contentType, !contentType.isEmpty else {
            return "non-compliant scrape target sending blank Content-Type and no fallback_scrape_protocol "
                + "specified for target"
        }
        guard let format = ExpositionFormat(contentType: contentType) else {
            let mediaType = String(contentType.prefix(while: { $0 != ";" })).trimmingASCIIWhitespace().lowercased()
            if mediaType == "text/plain" || mediaType == "application/openmetrics-text" {
                return "cannot parse Content-Type \(GoString.quoted(contentType)) and no fallback_scrape_protocol "
                    + "for target"
            }
            return "received unsupported Content-Type \(GoString.quoted(contentType)) and no "
                + "fallback_scrape_protocol specified for target"
        }
        var parser = ExpositionParser(bytes: body, format: format)
        var sampleLimitExceeded = false
        do {
            while let entry = try parser.next() {
                guard entry == .sample else { continue }
                ingestion.scraped += 1
                let explicit = configuration.honorTimestamps ? parser.timestampMilliseconds : nil
                var scraped = Labels([Label("__name__", parser.metricName)])
                for label in parser.labels { scraped.append(label) }
                let attached = TargetLabelAttachment.attach(
                    target.labels, to: scraped, honorLabels: configuration.honorLabels)
                guard let labels = Relabeling.apply(configuration.metricRelabelConfigs, to: attached) else { continue }
                guard labels["__name__"] != nil else { return "missing metric name (__name__ label)" }
                if configuration.labelLimit > 0 && labels.count > configuration.labelLimit {
                    let name = String((labels["__name__"] ?? "").prefix(50))
                    return "label_limit exceeded (metric: \(name), number of labels: \(labels.count), limit: "
                        + "\(configuration.labelLimit))"
                }
                ingestion.postRelabeling += 1
                if configuration.sampleLimit > 0 && ingestion.postRelabeling > configuration.sampleLimit {
                    sampleLimitExceeded = true
                    continue
                }
                ingestion.add(labels, value: parser.value, explicitTimestamp: explicit, known: knownSeries)
            }
        } catch {
            return error.description
        }
        return sampleLimitExceeded ? "sample limit exceeded" : nil
    }

    private func staleMarkers(for series: Set<Labels>, at timestamp: Int64) -> [ScrapedSample] {
        series.sorted(by: { $0.lexicographicallyPrecedes($1) }).map {
            ScrapedSample(labels: $0, timestamp: timestamp, value: StaleMarker.value)
        }
    }

    private func reportLabels(_ name: String) -> Labels {
        TargetLabelAttachment.attach(target.labels, to: Labels([Label("__name__", name)]), honorLabels: false)
    }
}
