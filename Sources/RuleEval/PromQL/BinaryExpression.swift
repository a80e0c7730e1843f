/// `lhs op [bool] [on|ignoring (...)] [group_left|group_right (...)] rhs`.
public struct BinaryExpression: Sendable, Equatable {
    /// The operator.
    public var op: BinaryOperator
    /// The left operand.
    public var lhs: Expression
    /// The right operand.
    public var rhs: Expression
    /// Whether a comparison returns 0/1 (`bool`) instead of filtering.
    public var returnBool: Bool
    /// The vector matching modifiers.
    public var matching: VectorMatching
    /// Where it was parsed from.
    public var positionRange: PositionRange
}
