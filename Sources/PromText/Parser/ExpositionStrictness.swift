/// How strictly an ``ExpositionParser`` applies the rules of the format.
public enum ExpositionStrictness: Sendable, Hashable, CaseIterable {
    /// Accept exactly what a Prometheus scrape accepts: the syntax rules of Prometheus's parsers plus the checks
    /// of its scrape path that fail a scrape (duplicate or invalid label names). This is for scraping.
    case prometheus
    /// Everything ``prometheus`` checks plus the OpenMetrics 1.0 semantic rules Prometheus tolerates (metadata
    /// placement, grouping, histogram and summary consistency, counter values, exemplar placement and length).
    /// This is for linting (`check metrics`). For the text format 0.0.4 it is the same as ``prometheus``.
    case openMetricsSpec
}
