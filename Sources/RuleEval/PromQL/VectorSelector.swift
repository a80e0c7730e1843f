/// `name{matchers} @ t offset d`.
public struct VectorSelector: Sendable, Equatable {
    /// The metric name written before the braces, if any. It is not repeated in `matchers`.
    public var name: String?
    /// The matchers inside the braces, sorted by their text (byte order) as Prometheus prints them.
    public var matchers: [LabelMatcher]
    /// The `offset` in milliseconds (negative looks into the future); 0 means none.
    public var offsetMilliseconds: Int64
    /// The `@` modifier, if any.
    public var at: AtModifier?
    /// Where it was parsed from, modifiers included.
    public var positionRange: PositionRange

    /// Creates a selector.
    public init(
        name: String?, matchers: [LabelMatcher], offsetMilliseconds: Int64 = 0, at: AtModifier? = nil,
        positionRange: PositionRange = .none
    ) {
        self.name = name
        self.matchers = matchers
        self.offsetMilliseconds = offsetMilliseconds
        self.at = at
        self.positionRange = positionRange
    }
}
