import Exporter
import PromText

/// The `ALERTS` samples of a time window, read from the store in one selection and indexed by alert, so the
/// status page draws every alert's timeline without a query per alert.
struct AlertHistory {
    private struct StateSeries {
        var pending: SeriesSamples?
        var firing: SeriesSamples?
    }

    /// The window's start, in milliseconds since the epoch (exclusive).
    let start: Int64
    /// The window's end, in milliseconds since the epoch (inclusive).
    let end: Int64
    /// Alert labels (the series' labels without `__name__` and `alertstate`) to its state series.
    private var seriesByAlert: [Labels: StateSeries] = [:]

    /// Reads every `ALERTS` series with samples in `(start, end]` from `store`.
    init(store: SampleStore, start: Int64, end: Int64) {
        self.start = start
        self.end = end
        guard let alertsSeries = try? LabelMatcher(name: Labels.metricName, type: .equal, value: "ALERTS") else {
            return
        }
        for series in store.select([alertsSeries], after: start, through: end) {
            let alert = series.labels.removing([Labels.metricName, "alertstate"])
            switch series.labels["alertstate"] {
            case AlertState.pending.rawValue: seriesByAlert[alert, default: StateSeries()].pending = series
            case AlertState.firing.rawValue: seriesByAlert[alert, default: StateSeries()].firing = series
            default: continue
            }
        }
    }

    /// The timeline of the alert with `labels` (as ``Alert/labels``) in a group evaluated every `interval`
    /// milliseconds.
    func timeline(for labels: Labels, interval: Int64) -> AlertTimeline {
        let series = seriesByAlert[labels.sorted()]
        return AlertTimeline(
            start: start, end: end, interval: interval, pending: series?.pending, firing: series?.firing)
    }
}
