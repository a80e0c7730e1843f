/// `selector[range]`; the selector holds the `offset` and `@` modifiers written after the brackets.
public struct MatrixSelector: Sendable, Equatable {
    /// The series selection and its modifiers.
    public var selector: VectorSelector
    /// The range in milliseconds.
    public var rangeMilliseconds: Int64
    /// Where it was parsed from.
    public var positionRange: PositionRange
}
