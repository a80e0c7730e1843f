/// A unary operator.
public enum UnaryOperator: String, Sendable, Equatable {
    /// `-expr` negates; `+expr` leaves the value unchanged.
    case minus = "-", plus = "+"
}

/// `-expr` or `+expr` (a sign directly before a number literal is folded into the literal).
public struct UnaryExpression: Sendable, Equatable {
    /// The operator.
    public var op: UnaryOperator
    /// The operand.
    public var expression: Expression
    /// Where it was parsed from.
    public var positionRange: PositionRange
}
