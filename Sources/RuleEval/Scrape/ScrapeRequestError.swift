/// Why a scrape request could not be built (an unreadable credentials file).
struct ScrapeRequestError: Error, Sendable, Hashable {
    /// The message reported as the scrape's error.
    var message: String
}
