/// The outcome of one scrape: what to append and what the synthetic series report.
public struct ScrapeResult: Sendable, Hashable {
    /// Every sample to append, in order: scraped samples, stale markers, then the synthetic series.
    public var samples: [ScrapedSample]
    /// Why the scrape failed (`up` is 0), or `nil` when it succeeded.
    public var error: String?
    /// `scrape_samples_scraped`: samples in the exposition (up to a parse error).
    public var samplesScraped: Int
    /// `scrape_samples_post_metric_relabeling`: samples left after `metric_relabel_configs`.
    public var samplesPostMetricRelabeling: Int
    /// `scrape_series_added`: series not seen in the previous successful scrape.
    public var seriesAdded: Int

    /// Creates a result.
    public init(
        samples: [ScrapedSample], error: String?, samplesScraped: Int, samplesPostMetricRelabeling: Int,
        seriesAdded: Int
    ) {
        self.samples = samples
        self.error = error
        self.samplesScraped = samplesScraped
        self.samplesPostMetricRelabeling = samplesPostMetricRelabeling
        self.seriesAdded = seriesAdded
    }

    /// Whether the target was up.
    public var isUp: Bool { error == nil }
}
