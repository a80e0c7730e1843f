import PromText

/// Function calls and aggregations.
extension PromQLParser {
    mutating func parseCall(name: Token) throws(PromQLError) -> Expression {
        guard let function = PromQLFunction.named(name.text) else {
            throw error(
                .syntax, "unknown function with name \(GoString.quoted(name.text))", at: name.start, token: name.text)
        }
        if function.isExperimental { throw unsupported("function \(GoString.quoted(name.text))", at: name) }
        let (arguments, end) = try parseArguments(context: "function call")
        return .call(
            Call(function: function, arguments: arguments, positionRange: PositionRange(start: name.start, end: end)))
    }

    /// `( expr, ... )`, returning the arguments and the offset after `)`.
    mutating func parseArguments(context: String) throws(PromQLError) -> ([Expression], Int) {
        let open = try expectSymbol("(", in: context)
        try enter(at: open)
        defer { depth -= 1 }
        var arguments: [Expression] = []
        while !current.isSymbol(")") {
            arguments.append(try parseExpression(minimumPrecedence: 0))
            if current.isSymbol(",") {
                let comma = advance()
                if current.isSymbol(")") {
                    throw error(.syntax, "trailing commas not allowed in function call args", at: comma.start)
                }
            } else if !current.isSymbol(")") {
                throw unexpected(current, in: context, expected: "\",\" or \")\"")
            }
        }
        return (arguments, advance().end)
    }

    mutating func parseAggregation() throws(PromQLError) -> Expression {
        let opToken = advance()
        guard let keyword = opToken.keyword, let op = AggregationOperator(rawValue: keyword) else {
            throw unexpected(opToken)
        }
        let leadingModifier = try parseAggregationModifier()
        guard current.isSymbol("(") else { throw unexpected(current, in: "aggregation") }
        var (arguments, end) = try parseArguments(context: "aggregation")
        let trailingModifier = leadingModifier == nil ? try parseAggregationModifier() : nil
        if let trailingModifier { end = trailingModifier.end }
        let modifier = leadingModifier ?? trailingModifier
        let range = PositionRange(start: opToken.start, end: end)
        guard let last = arguments.last else {
            throw error(.syntax, "no arguments for aggregate expression provided", at: opToken.start)
        }
        let expected = op.parameterType == nil ? 1 : 2
        guard arguments.count == expected else {
            throw error(
                .syntax,
                "wrong number of arguments for aggregate expression provided, expected \(expected), got \(arguments.count)",
                at: opToken.start)
        }
        arguments.removeLast()
        return .aggregation(
            Aggregation(
                op: op, expression: last, parameter: arguments.first, grouping: modifier?.grouping ?? [],
                without: modifier?.without ?? false, positionRange: range))
    }

    /// `by (labels)` or `without (labels)` before or after an aggregation's arguments, if present.
    private mutating func parseAggregationModifier() throws(PromQLError) -> (
        without: Bool, grouping: [String], end: Int
    )? {
        guard current.isKeyword("by") || current.isKeyword("without") else { return nil }
        let without = advance().isKeyword("without")
        let grouping = try parseGroupingLabels()
        return (without, grouping, tokens[index - 1].end)
    }
}
