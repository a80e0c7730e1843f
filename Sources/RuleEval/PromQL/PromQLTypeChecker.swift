import PromText

/// Prometheus's `checkAST`: the type rules a syntactically valid expression must also satisfy.
struct PromQLTypeChecker {
    let input: [UInt8]

    private func error(_ message: String, at offset: Int) -> PromQLError {
        PromQLError(.type, message, at: offset, in: input)
    }

    /// Checks `expression` top-down and throws the first violation.
    func check(_ expression: Expression) throws(PromQLError) {
        switch expression {
        case .number, .string:
            return
        case .vectorSelector(let selector):
            try check(selector)
        case .matrixSelector(let matrix):
            try check(matrix.selector)
        case .subquery(let subquery):
            try check(subquery.expression)
            if subquery.expression.type != .instantVector {
                throw error(
                    "subquery is only allowed on instant vector, got \(goTypeName(subquery.expression.type)) instead",
                    at: subquery.positionRange.start)
            }
        case .call(let call):
            try check(call)
        case .aggregation(let aggregation):
            try expect(aggregation.expression, .instantVector, in: "aggregation expression")
            if let parameter = aggregation.parameter, let type = aggregation.op.parameterType {
                try expect(parameter, type, in: "aggregation parameter")
            }
        case .binary(let binary):
            try check(binary)
        case .unary(let unary):
            try check(unary.expression)
            let type = unary.expression.type
            guard type == .scalar || type == .instantVector else {
                throw error(
                    "unary expression only allowed on expressions of type scalar or instant vector, got \"\(type)\"",
                    at: unary.positionRange.start)
            }
        case .parenthesized(let paren):
            try check(paren.expression)
        }
    }

    private func expect(_ expression: Expression, _ type: ValueType, in context: String) throws(PromQLError) {
        try check(expression)
        guard expression.type == type else {
            throw error(
                "expected type \(type) in \(context), got \(expression.type)", at: expression.positionRange.start)
        }
    }

    private func check(_ selector: VectorSelector) throws(PromQLError) {
        if let name = selector.name {
            if let other = selector.matchers.first(where: { $0.name == "__name__" }) {
                throw error(
                    "metric name must not be set twice: \(GoString.quoted(name)) or \(GoString.quoted(other.value))",
                    at: selector.positionRange.start)
            }
        } else if selector.matchers.allSatisfy({ $0.matches("") }) {
            throw error(
                "vector selector must contain at least one non-empty matcher", at: selector.positionRange.start)
        }
    }

    private func check(_ call: Call) throws(PromQLError) {
        let function = call.function
        let declared = function.argumentTypes.count
        let given = call.arguments.count
        let name = GoString.quoted(function.name)
        if function.variadic == 0 {
            if declared != given {
                throw error(
                    "expected \(declared) argument(s) in call to \(name), got \(given)", at: call.positionRange.start)
            }
        } else if declared - 1 > given {
            throw error(
                "expected at least \(declared - 1) argument(s) in call to \(name), got \(given)",
                at: call.positionRange.start)
        } else if function.variadic > 0, declared - 1 + function.variadic < given {
            throw error(
                "expected at most \(declared - 1 + function.variadic) argument(s) in call to \(name), got \(given)",
                at: call.positionRange.start)
        }
        for (position, argument) in call.arguments.enumerated() {
            let wanted = function.argumentTypes[min(position, declared - 1)]
            try check(argument)
            guard argument.type == wanted else {
                throw error(
                    "expected type \(wanted) in call to function \(name), got \(argument.type)",
                    at: argument.positionRange.start)
            }
        }
    }

    private func check(_ binary: BinaryExpression) throws(PromQLError) {
        try check(binary.lhs)
        try check(binary.rhs)
        let lhsType = binary.lhs.type
        let rhsType = binary.rhs.type
        let op = binary.op
        let operatorOffset = operatorStart(of: binary)
        if binary.returnBool && !op.isComparison {
            throw error("bool modifier can only be used on comparison operators", at: operatorOffset)
        }
        if op.isComparison && !binary.returnBool && lhsType == .scalar && rhsType == .scalar {
            throw error("comparisons between scalars must use BOOL modifier", at: operatorOffset)
        }
        let matching = binary.matching
        if matching.on, let label = matching.matchingLabels.first(where: matching.include.contains) {
            throw error(
                "label \(GoString.quoted(label)) must not occur in ON and GROUP clause at once", at: operatorOffset)
        }
        for (operand, type) in [(binary.lhs, lhsType), (binary.rhs, rhsType)]
        where type != .scalar && type != .instantVector {
            throw error(
                "binary expression must contain only scalar and instant vector types", at: operand.positionRange.start)
        }
        let start = binary.positionRange.start
        if lhsType != .instantVector || rhsType != .instantVector {
            if !matching.matchingLabels.isEmpty {
                throw error("vector matching only allowed between instant vectors", at: start)
            }
        } else if op.isSetOperator {
            if matching.cardinality == .oneToMany || matching.cardinality == .manyToOne {
                throw error("no grouping allowed for \(GoString.quoted(op.rawValue)) operation", at: start)
            }
        }
        if (lhsType == .scalar || rhsType == .scalar) && op.isSetOperator {
            throw error(
                "set operator \(GoString.quoted(op.rawValue)) not allowed in binary scalar expression", at: start)
        }
    }

    /// The offset of the operator: the first non-space byte after the left operand.
    private func operatorStart(of binary: BinaryExpression) -> Int {
        var offset = binary.lhs.positionRange.end
        while offset < input.count, isSpace(input[offset]) {
            offset += 1
        }
        return offset
    }

    /// The name Go's `ValueType` prints (`%s`), used by the subquery message.
    private func goTypeName(_ type: ValueType) -> String {
        switch type {
        case .scalar: "scalar"
        case .instantVector: "vector"
        case .rangeVector: "matrix"
        case .string: "string"
        }
    }
}
