/// An alerting rule produced more active alerts than its group's `limit`; Prometheus then drops them all.
public struct AlertLimitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The group's limit.
    public var limit: Int
    /// How many pending or firing alerts the evaluation produced.
    public var count: Int

    public var description: String { "exceeded limit of \(limit) with \(count) alerts" }
}
