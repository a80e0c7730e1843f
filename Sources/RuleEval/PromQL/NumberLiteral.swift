/// A numeric literal.
public struct NumberLiteral: Sendable, Equatable {
    /// The value; `NaN` compares equal to `NaN` here so that trees with `NaN` literals compare equal.
    public var value: Double
    /// Whether it was written as a duration (`5m`), which the printer reproduces.
    public var isDuration: Bool
    /// Where it was parsed from.
    public var positionRange: PositionRange

    /// Creates a literal.
    public init(value: Double, isDuration: Bool = false, positionRange: PositionRange = .none) {
        self.value = value
        self.isDuration = isDuration
        self.positionRange = positionRange
    }

    /// Equal values (any two NaNs are equal), duration flags and positions.
    public static func == (lhs: NumberLiteral, rhs: NumberLiteral) -> Bool {
        (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN)) && lhs.isDuration == rhs.isDuration
            && lhs.positionRange == rhs.positionRange
    }
}
