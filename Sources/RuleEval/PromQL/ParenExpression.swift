/// `(expr)`.
public struct ParenExpression: Sendable, Equatable {
    /// The inner expression.
    public var expression: Expression
    /// Where it was parsed from, parentheses included.
    public var positionRange: PositionRange
}
