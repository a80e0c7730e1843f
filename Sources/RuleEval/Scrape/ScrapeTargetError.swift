import PromText

/// Why a discovered target cannot be scraped, worded as Prometheus's `PopulateLabels` words it.
public struct ScrapeTargetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The target's labels before relabeling, to say which target is meant.
    public var discoveredLabels: Labels
    /// What is wrong, e.g. `no address`.
    public var message: String

    /// Creates an error about the target discovered with `discoveredLabels`.
    public init(discoveredLabels: Labels, message: String) {
        self.discoveredLabels = discoveredLabels
        self.message = message
    }

    public var description: String { message }
}
