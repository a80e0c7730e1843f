/// Vector selectors, label matchers and the postfix modifiers: ranges, subqueries, `offset` and `@`.
extension PromQLParser {
    /// `name`, `name{...}` or `{...}`; the current token is just past the name.
    mutating func parseSelector(name: Token?) throws(PromQLError) -> VectorSelector {
        var matchers: [LabelMatcher] = []
        var end = name?.end ?? current.start
        let start = name?.start ?? current.start
        if current.isSymbol("{") {
            advance()
            while !current.isSymbol("}") {
                matchers.append(try parseMatcher())
                if current.isSymbol(",") {
                    advance()
                } else if !current.isSymbol("}") {
                    throw unexpected(current, in: "label matching", expected: "\",\" or \"}\"")
                }
            }
            end = advance().end
        }
        matchers.sort { $0.description.utf8.lexicographicallyPrecedes($1.description.utf8) }
        return VectorSelector(
            name: name?.text, matchers: matchers, positionRange: PositionRange(start: start, end: end))
    }

    /// `label op "value"`, `"label" op "value"`, or a lone `"metric.name"`.
    mutating func parseMatcher() throws(PromQLError) -> LabelMatcher {
        let nameToken = advance()
        let name: String
        switch nameToken.kind {
        case .identifier:
            name = nameToken.text
        case .string:
            if current.isSymbol(",") || current.isSymbol("}") {
                return try makeMatcher(
                    name: "__name__", type: .equal, value: nameToken.value, from: nameToken, to: nameToken)
            }
            name = nameToken.value
        default:
            throw unexpected(nameToken, in: "label matching", expected: "identifier or \"}\"")
        }
        guard current.kind == .symbol, let type = MatchType(rawValue: current.text) else {
            throw unexpected(current, in: "label matching", expected: "label matching operator")
        }
        advance()
        let valueToken = advance()
        guard valueToken.kind == .string else {
            throw unexpected(valueToken, in: "label matching", expected: "string")
        }
        return try makeMatcher(name: name, type: type, value: valueToken.value, from: nameToken, to: valueToken)
    }

    func makeMatcher(name: String, type: MatchType, value: String, from: Token, to: Token)
        throws(PromQLError) -> LabelMatcher
    {
        let range = PositionRange(start: from.start, end: to.end)
        do {
            return try LabelMatcher(name: name, type: type, value: value, positionRange: range)
        } catch {
            throw self.error(
                error.isUnsupported ? .unsupported : .syntax, "error parsing regexp: \(error.message)", at: from.start,
                token: to.text)
        }
    }

    /// `[range]`, `[range:step]`, `offset d`, `@ t` after an operand, in any order.
    mutating func parsePostfix(_ operand: Expression) throws(PromQLError) -> Expression {
        var expression = operand
        let entryDepth = depth
        defer { depth = entryDepth }
        while true {
            if current.isSymbol("[") {
                try enter(at: current)
                expression = try parseRangeOrSubquery(expression)
            } else if current.isKeyword("offset") {
                expression = try parseOffset(expression)
            } else if current.isSymbol("@") {
                expression = try parseAt(expression)
            } else if current.kind == .identifier, ["anchored", "smoothed"].contains(current.text.lowercased()) {
                throw unsupported("the \(current.text.lowercased()) modifier", at: current)
            } else {
                return expression
            }
        }
    }

    mutating func parseRangeOrSubquery(_ operand: Expression) throws(PromQLError) -> Expression {
        let open = advance()
        let rangeToken = current
        let range = try parseBracketDuration(
            signed: true, in: "subquery or range selector", expected: "number, duration, step(), or range()")
        if range <= 0 { throw error(.syntax, "duration must be greater than 0", at: rangeToken.start) }
        if current.isSymbol("]") {
            let close = advance()
            guard case .vectorSelector(let selector) = operand else {
                throw error(.syntax, "ranges only allowed for vector selectors", at: open.start)
            }
            if selector.offsetMilliseconds != 0 {
                throw error(.syntax, "no offset modifiers allowed before range", at: open.start)
            }
            if selector.at != nil { throw error(.syntax, "no @ modifiers allowed before range", at: open.start) }
            return .matrixSelector(
                MatrixSelector(
                    selector: selector, rangeMilliseconds: range,
                    positionRange: PositionRange(start: operand.positionRange.start, end: close.end)))
        }
        guard current.isSymbol(":") else {
            try rejectDurationExpression()
            throw unexpected(current, in: "subquery or range", expected: "\":\" or \"]\"")
        }
        advance()
        var step: Int64 = 0
        if !current.isSymbol("]") {
            step = try parseBracketDuration(signed: false, in: "subquery selector", expected: "duration or \"]\"")
        }
        guard current.isSymbol("]") else {
            try rejectDurationExpression()
            throw unexpected(current, in: "subquery selector", expected: "\"]\"")
        }
        let close = advance()
        return .subquery(
            Subquery(
                expression: operand, rangeMilliseconds: range, stepMilliseconds: step, offsetMilliseconds: 0, at: nil,
                positionRange: PositionRange(start: operand.positionRange.start, end: close.end)))
    }

    /// A duration or a number of seconds inside brackets, with a leading `-` if `signed` (which Prometheus
    /// parses so that it can report the range as not positive); anything arithmetic is a duration expression.
    mutating func parseBracketDuration(signed: Bool, in context: String, expected: String) throws(PromQLError)
        -> Int64
    {
        let isValue = { (token: Token) in token.kind == .number || token.kind == .duration }
        let closesValue = { (token: Token) in token.isSymbol("]") || token.isSymbol(":") }
        if signed, current.isSymbol("-"), isValue(peek(1)), closesValue(peek(2)) {
            advance()
            return -(try durationOrSeconds(advance()))
        }
        guard isValue(current) else {
            try rejectDurationExpression()
            throw unexpected(current, in: context, expected: expected)
        }
        let milliseconds = try durationOrSeconds(advance())
        try rejectDurationExpression()
        return milliseconds
    }

    /// Throws `.unsupported` if the current token starts or continues a duration expression.
    func rejectDurationExpression() throws(PromQLError) {
        let arithmetic: Set<String> = ["+", "-", "*", "/", "%", "^", "("]
        if (current.kind == .symbol && arithmetic.contains(current.text)) || current.kind == .identifier {
            throw unsupported("duration arithmetic", at: current)
        }
    }

    mutating func parseOffset(_ operand: Expression) throws(PromQLError) -> Expression {
        advance()
        let negative = current.isSymbol("-")
        if negative { advance() }
        guard current.kind == .number || current.kind == .duration else {
            if current.isSymbol("(") || current.isSymbol("+") || current.isSymbol("-")
                || (current.kind == .identifier && peek(1).isSymbol("("))
            {
                throw unsupported("duration arithmetic", at: current)
            }
            throw unexpected(current, in: "offset", expected: "number, duration, step(), or range()")
        }
        let valueToken = advance()
        let magnitude = try durationOrSeconds(valueToken)
        let offset = negative ? -magnitude : magnitude
        let place = "offset modifier must be preceded by"
        return try settingModifiers(of: operand, end: valueToken.end, misplaced: place) {
            (current, _) throws(PromQLError) in
            guard current == 0 else {
                throw error(.syntax, "offset may not be set multiple times", at: operand.positionRange.start)
            }
            current = offset
        }
    }

    mutating func parseAt(_ operand: Expression) throws(PromQLError) -> Expression {
        advance()
        let modifier: AtModifier
        var end: Int
        if current.kind == .identifier, ["start", "end"].contains(current.text.lowercased()) {
            let word = advance()
            _ = try expectSymbol("(", in: "@")
            end = try expectSymbol(")", in: "@").end
            modifier = word.text.lowercased() == "start" ? .start : .end
        } else {
            let sign = current.isSymbol("-") || current.isSymbol("+") ? advance() : nil
            guard
                current.kind == .number || current.kind == .duration || current.isKeyword("inf")
                    || current.isKeyword("nan")
            else { throw unexpected(current, in: "@", expected: "timestamp") }
            let valueToken = advance()
            end = valueToken.end
            var seconds: Double
            switch valueToken.kind {
            case .duration: seconds = Double(try durationMilliseconds(valueToken)) / 1000
            case .number: seconds = try numberValue(valueToken)
            default: seconds = valueToken.isKeyword("inf") ? .infinity : .nan
            }
            if sign?.text == "-" { seconds = -seconds }
            guard seconds.isFinite, abs(seconds * 1000) < 9.2e18 else {
                // Go's %f: out-of-bounds finite values are integral at this magnitude.
                let shown = PromQLNumber.format(seconds) + (seconds.isFinite ? ".000000" : "")
                throw error(
                    .syntax, "timestamp out of bounds for @ modifier: \(shown)", at: operand.positionRange.start)
            }
            modifier = .timestamp(milliseconds: Int64((seconds * 1000).rounded()))
        }
        return try settingModifiers(of: operand, end: end, misplaced: "@ modifier must be preceded by") {
            (_, current) throws(PromQLError) in
            guard current == nil else {
                throw error(.syntax, "@ <timestamp> may not be set multiple times", at: operand.positionRange.start)
            }
            current = modifier
        }
    }

    /// Lets `update` change the offset and `@` modifier of a selector, range selector or subquery, and extends
    /// its position to `end`; any other operand is an error "<misplaced> an instant vector selector or ...".
    private func settingModifiers(
        of operand: Expression, end: Int, misplaced: String,
        _ update: (inout Int64, inout AtModifier?) throws(PromQLError) -> Void
    ) throws(PromQLError) -> Expression {
        switch operand {
        case .vectorSelector(var selector):
            try update(&selector.offsetMilliseconds, &selector.at)
            selector.positionRange.end = end
            return .vectorSelector(selector)
        case .matrixSelector(var matrix):
            try update(&matrix.selector.offsetMilliseconds, &matrix.selector.at)
            matrix.positionRange.end = end
            return .matrixSelector(matrix)
        case .subquery(var subquery):
            try update(&subquery.offsetMilliseconds, &subquery.at)
            subquery.positionRange.end = end
            return .subquery(subquery)
        default:
            let message = "\(misplaced) an instant vector selector or range vector selector or a subquery"
            throw error(.syntax, message, at: operand.positionRange.start)
        }
    }
}
