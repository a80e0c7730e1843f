extension Expression {
    /// Whether the expression reads any series (a vector or matrix selector anywhere in the tree), as Prometheus's
    /// `parser.ExtractSelectors` finds.
    var containsSelector: Bool {
        switch self {
        case .number, .string: false
        case .vectorSelector, .matrixSelector: true
        case .subquery(let node): node.expression.containsSelector
        case .call(let node): node.arguments.contains { $0.containsSelector }
        case .aggregation(let node): node.expression.containsSelector || node.parameter?.containsSelector == true
        case .binary(let node): node.lhs.containsSelector || node.rhs.containsSelector
        case .unary(let node): node.expression.containsSelector
        case .parenthesized(let node): node.expression.containsSelector
        }
    }
}
