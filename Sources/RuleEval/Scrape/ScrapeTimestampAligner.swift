/// Snaps scrape timestamps onto an exact interval grid when they are within a small tolerance of it, as
/// Prometheus does (`AlignScrapeTimestamps`), so stored timestamps have a constant delta and compress well.
struct ScrapeTimestampAligner: Sendable, Hashable {
    /// The scrape interval in milliseconds.
    let interval: Int64
    /// The largest correction: 2 ms, but at most 1% of the interval.
    let tolerance: Int64
    /// The grid point of the previous scrape.
    private var aligned: Int64?

    /// Creates an aligner for scrapes every `interval` milliseconds; the first timestamp starts the grid.
    init(interval: Int64) {
        self.interval = max(1, interval)
        self.tolerance = min(interval / 100, 2)
    }

    /// The timestamp to record for a scrape that started at `timestamp` (an earlier one, after the clock stepped
    /// back, snaps to the grid as in Prometheus).
    mutating func align(_ timestamp: Int64) -> Int64 {
        guard var grid = aligned else {
            aligned = timestamp
            return timestamp
        }
        if timestamp - grid >= interval { grid += (timestamp - grid) / interval * interval }
        aligned = grid
        return timestamp - grid <= tolerance ? grid : timestamp
    }
}
