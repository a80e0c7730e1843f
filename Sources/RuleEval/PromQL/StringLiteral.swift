/// A string literal, already unquoted.
public struct StringLiteral: Sendable, Equatable {
    /// The unescaped value.
    public var value: String
    /// Where it was parsed from.
    public var positionRange: PositionRange

    /// Creates a literal.
    public init(value: String, positionRange: PositionRange = .none) {
        self.value = value
        self.positionRange = positionRange
    }
}
