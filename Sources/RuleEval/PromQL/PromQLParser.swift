/// Parses PromQL text into a type-checked `Expression`, following Prometheus 3's grammar and checks.
///
/// Experimental Prometheus features (`info()` and the other experimental functions, `limitk`/`limit_ratio`,
/// `fill` modifiers, `anchored`/`smoothed`, duration expressions) are rejected with a `.unsupported` error.
/// Nesting deeper than `maximumDepth` is an error, never a stack overflow.
public struct PromQLParser {
    /// How deeply expressions may nest (parentheses, operands, arguments, chained operators).
    public static let maximumDepth = 128

    let input: [UInt8]
    private let tokens: [Token]
    private var index = 0
    private var depth = 0

    /// Parses and type-checks `text`.
    public static func parse(_ text: String) throws(PromQLError) -> Expression {
        var parser = PromQLParser(text)
        let expression = try parser.parseTopLevel()
        try PromQLTypeChecker(input: parser.input).check(expression)
        return expression
    }

    private init(_ text: String) {
        input = Array(text.utf8)
        tokens = Lexer.tokenize(input)
    }

    // MARK: Tokens

    private var current: Token { tokens[index] }

    private func peek(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func error(_ kind: PromQLError.Kind, _ message: String, at offset: Int, token: String = "") -> PromQLError {
        PromQLError(kind, message, at: offset, token: token, in: input)
    }

    /// "unexpected <token> in <context>, expected <expected>", or the lexer's message for an error token.
    private func unexpected(_ token: Token, in context: String = "", expected: String = "") -> PromQLError {
        if token.kind == .error { return error(.syntax, token.text, at: token.start) }
        var message = "unexpected \(token.description)"
        if !context.isEmpty { message += " in \(context)" }
        if !expected.isEmpty { message += ", expected \(expected)" }
        return error(.syntax, message, at: token.start, token: token.text)
    }

    private func unsupported(_ feature: String, at token: Token) -> PromQLError {
        error(
            .unsupported, "\(feature) is not supported (experimental Prometheus feature)", at: token.start,
            token: token.text)
    }

    private mutating func expectSymbol(_ symbol: String, in context: String) throws(PromQLError) -> Token {
        guard current.isSymbol(symbol) else { throw unexpected(current, in: context, expected: goQuoted(symbol)) }
        return advance()
    }

    private mutating func enter(at token: Token) throws(PromQLError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error(.syntax, "expression nests deeper than \(Self.maximumDepth) levels", at: token.start)
        }
    }

    // MARK: Expressions

    private mutating func parseTopLevel() throws(PromQLError) -> Expression {
        if current.kind == .endOfInput { throw error(.syntax, "no expression found in input", at: current.start) }
        let expression = try parseExpression(minimumPrecedence: 0)
        guard current.kind == .endOfInput else { throw unexpected(current) }
        return expression
    }

    private func binaryOperator(_ token: Token) -> BinaryOperator? {
        switch token.kind {
        case .symbol: BinaryOperator(rawValue: token.text)
        case .identifier: token.keyword.flatMap(BinaryOperator.init(rawValue:))
        default: nil
        }
    }

    /// Precedence climbing over binary operators; operands are unary expressions.
    private mutating func parseExpression(minimumPrecedence: Int) throws(PromQLError) -> Expression {
        try enter(at: current)
        let entryDepth = depth
        defer { depth = entryDepth - 1 }
        var lhs = try parseUnary()
        while let op = binaryOperator(current), op.precedence >= minimumPrecedence {
            let operatorToken = advance()
            try enter(at: operatorToken)
            let (returnBool, matching) = try parseBinaryModifiers(for: op)
            let rhs = try parseExpression(minimumPrecedence: op.isRightAssociative ? op.precedence : op.precedence + 1)
            lhs = .binary(
                BinaryExpression(
                    op: op, lhs: lhs, rhs: rhs, returnBool: returnBool, matching: matching,
                    positionRange: PositionRange(start: lhs.positionRange.start, end: rhs.positionRange.end)))
        }
        return lhs
    }

    private mutating func parseBinaryModifiers(for op: BinaryOperator) throws(PromQLError) -> (Bool, VectorMatching) {
        var returnBool = false
        if current.isKeyword("bool") {
            advance()
            returnBool = true
        }
        var matching = VectorMatching(cardinality: op.isSetOperator ? .manyToMany : .oneToOne)
        if current.isKeyword("on") || current.isKeyword("ignoring") {
            matching.on = advance().isKeyword("on")
            matching.matchingLabels = try parseGroupingLabels()
            if current.isKeyword("group_left") || current.isKeyword("group_right") {
                matching.cardinality = advance().isKeyword("group_left") ? .manyToOne : .oneToMany
                matching.include = current.isSymbol("(") ? try parseGroupingLabels() : []
            }
        }
        let fillKeywords: Set<String> = ["fill", "fill_left", "fill_right"]
        if current.kind == .identifier, fillKeywords.contains(current.text.lowercased()), peek(1).isSymbol("(") {
            throw unsupported("the \(current.text.lowercased()) modifier", at: current)
        }
        return (returnBool, matching)
    }

    /// `( label, ... )` after `by`, `without`, `on`, `ignoring`, `group_left` or `group_right`.
    private mutating func parseGroupingLabels() throws(PromQLError) -> [String] {
        guard current.isSymbol("(") else { throw unexpected(current, in: "grouping opts", expected: "\"(\"") }
        advance()
        var labels: [String] = []
        while !current.isSymbol(")") {
            let token = advance()
            switch token.kind {
            case .identifier: labels.append(token.text)
            case .string where !token.value.isEmpty: labels.append(token.value)
            default: throw unexpected(token, in: "grouping opts", expected: "label")
            }
            if current.isSymbol(",") {
                advance()
            } else if !current.isSymbol(")") {
                throw unexpected(current, in: "grouping opts", expected: "\",\" or \")\"")
            }
        }
        advance()
        return labels
    }

    /// A sign binds like `*`: `-a ^ b` is `-(a ^ b)`, `-a * b` is `(-a) * b`. A sign before a number literal
    /// folds into it.
    private mutating func parseUnary() throws(PromQLError) -> Expression {
        guard current.isSymbol("-") || current.isSymbol("+") else { return try parsePostfix(try parsePrimary()) }
        let signToken = advance()
        let op: UnaryOperator = signToken.text == "-" ? .minus : .plus
        let operand = try parseExpression(minimumPrecedence: BinaryOperator.power.precedence)
        let range = PositionRange(start: signToken.start, end: operand.positionRange.end)
        if case .number(var literal) = operand {
            if op == .minus { literal.value = -literal.value }
            literal.positionRange = range
            return .number(literal)
        }
        return .unary(UnaryExpression(op: op, expression: operand, positionRange: range))
    }

    private mutating func parsePrimary() throws(PromQLError) -> Expression {
        let token = current
        switch token.kind {
        case .number:
            advance()
            return .number(NumberLiteral(value: try numberValue(token), positionRange: token.range))
        case .duration:
            advance()
            let milliseconds = try durationMilliseconds(token)
            return .number(
                NumberLiteral(value: Double(milliseconds) / 1000, isDuration: true, positionRange: token.range))
        case .string:
            advance()
            return .string(StringLiteral(value: token.value, positionRange: token.range))
        case .metricIdentifier:
            advance()
            return .vectorSelector(try parseSelector(name: token))
        case .identifier:
            return try parseWord(token)
        case .symbol where token.text == "(":
            try enter(at: token)
            defer { depth -= 1 }
            advance()
            let inner = try parseExpression(minimumPrecedence: 0)
            let closing = try expectSymbol(")", in: "paren expression")
            return .parenthesized(
                ParenExpression(expression: inner, positionRange: PositionRange(start: token.start, end: closing.end)))
        case .symbol where token.text == "{":
            return .vectorSelector(try parseSelector(name: nil))
        default:
            throw unexpected(token)
        }
    }

    /// Keywords Prometheus's grammar also accepts as a metric name where an operand is expected (its
    /// `metric_identifier` rule); aggregation operators are names unless `(`, `by` or `without` follows.
    private static let keywordsUsableAsMetricNames: Set<String> = ["by", "without", "offset", "and", "or", "unless"]

    /// An identifier: a number (`Inf`, `NaN`), an aggregation, a function call or a metric name.
    private mutating func parseWord(_ token: Token) throws(PromQLError) -> Expression {
        switch token.keyword {
        case "inf", "nan":
            advance()
            return .number(NumberLiteral(value: token.keyword == "inf" ? .infinity : .nan, positionRange: token.range))
        case "limitk", "limit_ratio":
            throw unsupported("the \(token.keyword ?? "") aggregation", at: token)
        case let keyword? where AggregationOperator(rawValue: keyword) != nil:
            let next = peek(1)
            if next.isSymbol("(") || next.isKeyword("by") || next.isKeyword("without") {
                return try parseAggregation()
            }
            advance()
            return .vectorSelector(try parseSelector(name: token))
        case let keyword? where Self.keywordsUsableAsMetricNames.contains(keyword):
            advance()
            return .vectorSelector(try parseSelector(name: token))
        case .some:
            throw unexpected(token)
        case nil:
            advance()
            if current.isSymbol("(") { return try parseCall(name: token) }
            return .vectorSelector(try parseSelector(name: token))
        }
    }

    // MARK: Selectors and modifiers

    /// `name`, `name{...}` or `{...}`; the current token is just past the name.
    private mutating func parseSelector(name: Token?) throws(PromQLError) -> VectorSelector {
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
    private mutating func parseMatcher() throws(PromQLError) -> LabelMatcher {
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

    private func makeMatcher(name: String, type: MatchType, value: String, from: Token, to: Token)
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
    private mutating func parsePostfix(_ operand: Expression) throws(PromQLError) -> Expression {
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

    private mutating func parseRangeOrSubquery(_ operand: Expression) throws(PromQLError) -> Expression {
        let open = advance()
        let range = try parseBracketDuration(in: "subquery selector", expected: "duration")
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
            step = try parseBracketDuration(in: "subquery selector", expected: "duration or \"]\"")
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

    /// A duration or a number of seconds inside brackets; anything arithmetic is a duration expression.
    private mutating func parseBracketDuration(in context: String, expected: String) throws(PromQLError) -> Int64 {
        guard current.kind == .number || current.kind == .duration else {
            try rejectDurationExpression()
            throw unexpected(current, in: context, expected: expected)
        }
        let milliseconds = try durationOrSeconds(advance())
        try rejectDurationExpression()
        return milliseconds
    }

    /// Throws `.unsupported` if the current token starts or continues a duration expression.
    private func rejectDurationExpression() throws(PromQLError) {
        let arithmetic: Set<String> = ["+", "-", "*", "/", "%", "^", "("]
        if (current.kind == .symbol && arithmetic.contains(current.text)) || current.kind == .identifier {
            throw unsupported("duration expressions", at: current)
        }
    }

    private mutating func parseOffset(_ operand: Expression) throws(PromQLError) -> Expression {
        let offsetToken = advance()
        let negative = current.isSymbol("-")
        if negative { advance() }
        guard current.kind == .number || current.kind == .duration else {
            if current.isSymbol("(") || current.isSymbol("+") || current.isSymbol("-")
                || (current.kind == .identifier && peek(1).isSymbol("("))
            {
                throw unsupported("duration expressions", at: current)
            }
            throw unexpected(current, in: "offset", expected: "duration")
        }
        let valueToken = advance()
        let magnitude = try durationOrSeconds(valueToken)
        let offset = negative ? -magnitude : magnitude
        let end = valueToken.end
        let misplaced =
            "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        switch operand {
        case .vectorSelector(var selector):
            guard selector.offsetMilliseconds == 0 else { throw multipleOffsets(offsetToken) }
            selector.offsetMilliseconds = offset
            selector.positionRange.end = end
            return .vectorSelector(selector)
        case .matrixSelector(var matrix):
            guard matrix.selector.offsetMilliseconds == 0 else { throw multipleOffsets(offsetToken) }
            matrix.selector.offsetMilliseconds = offset
            matrix.positionRange.end = end
            return .matrixSelector(matrix)
        case .subquery(var subquery):
            guard subquery.offsetMilliseconds == 0 else { throw multipleOffsets(offsetToken) }
            subquery.offsetMilliseconds = offset
            subquery.positionRange.end = end
            return .subquery(subquery)
        default:
            throw error(.syntax, misplaced, at: operand.positionRange.start)
        }
    }

    private func multipleOffsets(_ token: Token) -> PromQLError {
        error(.syntax, "offset may not be set multiple times", at: token.start, token: token.text)
    }

    private mutating func parseAt(_ operand: Expression) throws(PromQLError) -> Expression {
        let atToken = advance()
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
                throw error(
                    .syntax, "timestamp out of bounds for @ modifier: \(seconds)", at: operand.positionRange.start)
            }
            modifier = .timestamp(milliseconds: Int64((seconds * 1000).rounded()))
        }
        let misplaced =
            "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        let repeated = "@ <timestamp> may not be set multiple times"
        switch operand {
        case .vectorSelector(var selector):
            guard selector.at == nil else { throw error(.syntax, repeated, at: atToken.start) }
            selector.at = modifier
            selector.positionRange.end = end
            return .vectorSelector(selector)
        case .matrixSelector(var matrix):
            guard matrix.selector.at == nil else { throw error(.syntax, repeated, at: atToken.start) }
            matrix.selector.at = modifier
            matrix.positionRange.end = end
            return .matrixSelector(matrix)
        case .subquery(var subquery):
            guard subquery.at == nil else { throw error(.syntax, repeated, at: atToken.start) }
            subquery.at = modifier
            subquery.positionRange.end = end
            return .subquery(subquery)
        default:
            throw error(.syntax, misplaced, at: operand.positionRange.start)
        }
    }

    // MARK: Calls and aggregations

    private mutating func parseCall(name: Token) throws(PromQLError) -> Expression {
        guard let function = PromQLFunction.named(name.text) else {
            throw error(.syntax, "unknown function with name \(goQuoted(name.text))", at: name.start, token: name.text)
        }
        if function.isExperimental { throw unsupported("function \(goQuoted(name.text))", at: name) }
        let (arguments, end) = try parseArguments(context: "function call")
        return .call(
            Call(function: function, arguments: arguments, positionRange: PositionRange(start: name.start, end: end)))
    }

    /// `( expr, ... )`, returning the arguments and the offset after `)`.
    private mutating func parseArguments(context: String) throws(PromQLError) -> ([Expression], Int) {
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

    private mutating func parseAggregation() throws(PromQLError) -> Expression {
        let opToken = advance()
        guard let keyword = opToken.keyword, let op = AggregationOperator(rawValue: keyword) else {
            throw unexpected(opToken)
        }
        var grouping: [String] = []
        var without = false
        var hasModifier = false
        if current.isKeyword("by") || current.isKeyword("without") {
            without = advance().isKeyword("without")
            grouping = try parseGroupingLabels()
            hasModifier = true
        }
        guard current.isSymbol("(") else { throw unexpected(current, in: "aggregation") }
        var (arguments, end) = try parseArguments(context: "aggregation")
        if !hasModifier, current.isKeyword("by") || current.isKeyword("without") {
            without = advance().isKeyword("without")
            grouping = try parseGroupingLabels()
            end = tokens[index - 1].end
        }
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
                op: op, expression: last, parameter: arguments.first, grouping: grouping, without: without,
                positionRange: range))
    }

    // MARK: Literals

    /// The value of a number token, as Go's `strconv.ParseInt(s, 0, 64)` then `ParseFloat(s, 64)` read it.
    private func numberValue(_ token: Token) throws(PromQLError) -> Double {
        guard let value = PromQLNumber.parse(token.text) else {
            throw error(
                .syntax, "error parsing number: strconv.ParseFloat: parsing \(goQuoted(token.text)): invalid syntax",
                at: token.start, token: token.text)
        }
        return value
    }

    private func durationMilliseconds(_ token: Token) throws(PromQLError) -> Int64 {
        switch PromQLDuration.milliseconds(of: token.text) {
        case .success(let milliseconds): return milliseconds
        case .failure(let failure): throw error(.syntax, failure.message, at: token.start, token: token.text)
        }
    }

    /// A duration token, or a number token read as seconds (Prometheus 3 accepts `[300]` for `[5m]`).
    private func durationOrSeconds(_ token: Token) throws(PromQLError) -> Int64 {
        if token.kind == .duration { return try durationMilliseconds(token) }
        let milliseconds = try numberValue(token) * 1000
        guard milliseconds.isFinite, abs(milliseconds) < 9.2e15 else {
            throw error(.syntax, "duration out of range", at: token.start, token: token.text)
        }
        return Int64(milliseconds.rounded())
    }
}
