/// A function call.
public struct Call: Sendable, Equatable {
    /// The function's signature.
    public var function: PromQLFunction
    /// The arguments in order.
    public var arguments: [Expression]
    /// Where it was parsed from.
    public var positionRange: PositionRange
}
