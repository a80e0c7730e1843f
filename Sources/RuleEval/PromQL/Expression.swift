/// A parsed PromQL expression: the typed syntax tree the parser produces and the printer renders.
///
/// Every node carries the byte range it was parsed from. Two trees parsed from differently formatted but
/// equivalent text compare equal after `strippingPositions()`.
public indirect enum Expression: Sendable, Equatable {
    /// A number such as `1`, `0x1f`, `Inf` or a duration used as a number (`5m` is 300).
    case number(NumberLiteral)
    /// A quoted string.
    case string(StringLiteral)
    /// `metric{label="value"}`: the latest sample of each matching series.
    case vectorSelector(VectorSelector)
    /// `metric{...}[5m]`: the samples of each matching series over a range.
    case matrixSelector(MatrixSelector)
    /// `expr[1h:5m]`: an instant-vector expression evaluated over a range.
    case subquery(Subquery)
    /// `rate(x[5m])`.
    case call(Call)
    /// `sum by (job) (x)`.
    case aggregation(Aggregation)
    /// `a + on(job) b`.
    case binary(BinaryExpression)
    /// `-x`.
    case unary(UnaryExpression)
    /// `(x)`, kept so printing reproduces the grouping.
    case parenthesized(ParenExpression)

    /// The byte range of the input this expression was parsed from.
    public var positionRange: PositionRange {
        switch self {
        case .number(let node): node.positionRange
        case .string(let node): node.positionRange
        case .vectorSelector(let node): node.positionRange
        case .matrixSelector(let node): node.positionRange
        case .subquery(let node): node.positionRange
        case .call(let node): node.positionRange
        case .aggregation(let node): node.positionRange
        case .binary(let node): node.positionRange
        case .unary(let node): node.positionRange
        case .parenthesized(let node): node.positionRange
        }
    }

    /// The type this expression evaluates to, as Prometheus's `Expr.Type()` defines it.
    public var type: ValueType {
        switch self {
        case .number: .scalar
        case .string: .string
        case .vectorSelector: .instantVector
        case .matrixSelector, .subquery: .rangeVector
        case .call(let node): node.function.returnType
        case .aggregation: .instantVector
        case .binary(let node):
            node.lhs.type == .scalar && node.rhs.type == .scalar ? .scalar : .instantVector
        case .unary(let node): node.expression.type
        case .parenthesized(let node): node.expression.type
        }
    }
}
