/// `expr[range:step] @ t offset d`.
public struct Subquery: Sendable, Equatable {
    /// The instant-vector expression evaluated at each step.
    public var expression: Expression
    /// The range in milliseconds.
    public var rangeMilliseconds: Int64
    /// The step in milliseconds; 0 means the default evaluation interval (`[1h:]`).
    public var stepMilliseconds: Int64
    /// The `offset` in milliseconds; 0 means none.
    public var offsetMilliseconds: Int64
    /// The `@` modifier, if any.
    public var at: AtModifier?
    /// Where it was parsed from.
    public var positionRange: PositionRange
}
