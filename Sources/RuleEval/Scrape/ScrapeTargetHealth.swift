/// Whether the last scrape of a target succeeded, as the targets API reports it.
public enum ScrapeTargetHealth: String, Sendable, Hashable {
    /// Not scraped yet.
    case unknown
    /// The last scrape succeeded.
    case up
    /// The last scrape failed.
    case down
}
