/// A running target and the outcome of its last scrape.
public struct ScrapeTargetStatus: Sendable, Hashable {
    /// The job the target belongs to.
    public var jobName: String
    /// The target.
    public var target: ScrapeTarget
    /// Whether the last scrape succeeded.
    public var health: ScrapeTargetHealth
    /// Why the last scrape failed, empty when it did not.
    public var lastError: String
    /// When the last scrape started, in milliseconds since the epoch (0 before the first).
    public var lastScrape: Int64
    /// How long the last scrape took.
    public var lastScrapeDuration: Duration

    /// Creates the status of a target not scraped yet.
    public init(jobName: String, target: ScrapeTarget) {
        self.jobName = jobName
        self.target = target
        self.health = .unknown
        self.lastError = ""
        self.lastScrape = 0
        self.lastScrapeDuration = .zero
    }
}
