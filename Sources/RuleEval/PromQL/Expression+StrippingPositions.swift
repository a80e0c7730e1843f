extension Expression {
    /// The same tree with every position set to `.none`, for comparing trees parsed from different text.
    public func strippingPositions() -> Expression {
        switch self {
        case .number(var node):
            node.positionRange = .none
            return .number(node)
        case .string(var node):
            node.positionRange = .none
            return .string(node)
        case .vectorSelector(let node):
            return .vectorSelector(node.strippingPositions())
        case .matrixSelector(var node):
            node.selector = node.selector.strippingPositions()
            node.positionRange = .none
            return .matrixSelector(node)
        case .subquery(var node):
            node.expression = node.expression.strippingPositions()
            node.positionRange = .none
            return .subquery(node)
        case .call(var node):
            node.arguments = node.arguments.map { $0.strippingPositions() }
            node.positionRange = .none
            return .call(node)
        case .aggregation(var node):
            node.expression = node.expression.strippingPositions()
            node.parameter = node.parameter?.strippingPositions()
            node.positionRange = .none
            return .aggregation(node)
        case .binary(var node):
            node.lhs = node.lhs.strippingPositions()
            node.rhs = node.rhs.strippingPositions()
            node.positionRange = .none
            return .binary(node)
        case .unary(var node):
            node.expression = node.expression.strippingPositions()
            node.positionRange = .none
            return .unary(node)
        case .parenthesized(var node):
            node.expression = node.expression.strippingPositions()
            node.positionRange = .none
            return .parenthesized(node)
        }
    }
}

extension VectorSelector {
    func strippingPositions() -> VectorSelector {
        var copy = self
        copy.positionRange = .none
        for index in copy.matchers.indices {
            copy.matchers[index].positionRange = .none
        }
        return copy
    }
}
