/// `op by|without (labels) ([parameter,] expression)`.
public struct Aggregation: Sendable, Equatable {
    /// The operator.
    public var op: AggregationOperator
    /// The aggregated expression.
    public var expression: Expression
    /// The parameter of `topk`, `bottomk`, `quantile` and `count_values`.
    public var parameter: Expression?
    /// The `by` or `without` labels; `by ()` is the same as no clause.
    public var grouping: [String]
    /// Whether `grouping` lists labels to drop (`without`) rather than keep (`by`).
    public var without: Bool
    /// Where it was parsed from.
    public var positionRange: PositionRange
}
