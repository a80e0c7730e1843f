extension Expression {
    /// The same tree with `@ start()` and `@ end()` replaced by the range query's start and end times (in
    /// milliseconds), as Prometheus's `PreprocessExpr` fixes them before stepping through the range.
    func resolvingAtModifiers(start: Int64, end: Int64) -> Expression {
        func resolve(_ modifier: AtModifier?) -> AtModifier? {
            switch modifier {
            case .start: .timestamp(milliseconds: start)
            case .end: .timestamp(milliseconds: end)
            case .timestamp, nil: modifier
            }
        }
        func recurse(_ expression: Expression) -> Expression {
            expression.resolvingAtModifiers(start: start, end: end)
        }
        switch self {
        case .number, .string:
            return self
        case .vectorSelector(var node):
            node.at = resolve(node.at)
            return .vectorSelector(node)
        case .matrixSelector(var node):
            node.selector.at = resolve(node.selector.at)
            return .matrixSelector(node)
        case .subquery(var node):
            node.at = resolve(node.at)
            node.expression = recurse(node.expression)
            return .subquery(node)
        case .call(var node):
            node.arguments = node.arguments.map(recurse)
            return .call(node)
        case .aggregation(var node):
            node.expression = recurse(node.expression)
            node.parameter = node.parameter.map(recurse)
            return .aggregation(node)
        case .binary(var node):
            node.lhs = recurse(node.lhs)
            node.rhs = recurse(node.rhs)
            return .binary(node)
        case .unary(var node):
            node.expression = recurse(node.expression)
            return .unary(node)
        case .parenthesized(var node):
            node.expression = recurse(node.expression)
            return .parenthesized(node)
        }
    }
}
