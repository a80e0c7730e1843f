import PromText

/// Parses PromQL text into a type-checked `Expression`, following Prometheus 3's grammar and checks.
///
/// Experimental Prometheus features (`info()` and the other experimental functions, `limitk`/`limit_ratio`,
/// `fill` modifiers, `anchored`/`smoothed`, duration expressions) are rejected with a `.unsupported` error.
/// Nesting deeper than `maximumDepth` is an error, never a stack overflow.
public struct PromQLParser {
    /// How deeply expressions may nest (parentheses, operands, arguments, chained operators).
    public static let maximumDepth = 256

    let input: [UInt8]
    let tokens: [Token]
    var index = 0
    var depth = 0

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

    var current: Token { tokens[index] }

    func peek(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func error(_ kind: PromQLError.Kind, _ message: String, at offset: Int, token: String = "") -> PromQLError {
        PromQLError(kind, message, at: offset, token: token, in: input)
    }

    /// "unexpected <token> in <context>, expected <expected>", or the lexer's message for an error token.
    func unexpected(_ token: Token, in context: String = "", expected: String = "") -> PromQLError {
        if token.kind == .error { return error(.syntax, token.text, at: token.start) }
        var message = "unexpected \(token.description)"
        if !context.isEmpty { message += " in \(context)" }
        if !expected.isEmpty { message += ", expected \(expected)" }
        return error(.syntax, message, at: token.start, token: token.text)
    }

    func unsupported(_ feature: String, at token: Token) -> PromQLError {
        error(
            .unsupported, "\(feature) is not supported (experimental Prometheus feature)", at: token.start,
            token: token.text)
    }

    mutating func expectSymbol(_ symbol: String, in context: String) throws(PromQLError) -> Token {
        guard current.isSymbol(symbol) else {
            throw unexpected(current, in: context, expected: GoString.quoted(symbol))
        }
        return advance()
    }

    mutating func enter(at token: Token) throws(PromQLError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error(.syntax, "expression nests deeper than \(Self.maximumDepth) levels", at: token.start)
        }
    }

    // MARK: Expressions

    mutating func parseTopLevel() throws(PromQLError) -> Expression {
        if current.kind == .endOfInput { throw error(.syntax, "no expression found in input", at: current.start) }
        let expression = try parseExpression(minimumPrecedence: 0)
        guard current.kind == .endOfInput else { throw unexpected(current) }
        return expression
    }

    func binaryOperator(_ token: Token) -> BinaryOperator? {
        switch token.kind {
        case .symbol: BinaryOperator(rawValue: token.text)
        case .identifier: token.keyword.flatMap(BinaryOperator.init(rawValue:))
        default: nil
        }
    }

    /// Precedence climbing over binary operators; operands are unary expressions.
    mutating func parseExpression(minimumPrecedence: Int) throws(PromQLError) -> Expression {
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

    mutating func parseBinaryModifiers(for op: BinaryOperator) throws(PromQLError) -> (Bool, VectorMatching) {
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
    mutating func parseGroupingLabels() throws(PromQLError) -> [String] {
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
    mutating func parseUnary() throws(PromQLError) -> Expression {
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

    mutating func parsePrimary() throws(PromQLError) -> Expression {
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
    static let keywordsUsableAsMetricNames: Set<String> = ["by", "without", "offset", "and", "or", "unless"]

    /// An identifier: a number (`Inf`, `NaN`), an aggregation, a function call or a metric name.
    mutating func parseWord(_ token: Token) throws(PromQLError) -> Expression {
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

    // MARK: Literals

    /// The value of a number token, as Go's `strconv.ParseInt(s, 0, 64)` then `ParseFloat(s, 64)` read it.
    func numberValue(_ token: Token) throws(PromQLError) -> Double {
        switch PromQLNumber.parse(token.text) {
        case .success(let value): return value
        case .failure(let invalid):
            throw error(
                .syntax,
                "error parsing number: strconv.ParseFloat: parsing \(GoString.quoted(token.text)): \(invalid.reason)",
                at: token.start, token: token.text)
        }
    }

    func durationMilliseconds(_ token: Token) throws(PromQLError) -> Int64 {
        switch PromQLDuration.milliseconds(of: token.text) {
        case .success(let milliseconds): return milliseconds
        case .failure(let failure): throw error(.syntax, failure.message, at: token.start, token: token.text)
        }
    }

    /// A duration token, or a number token read as seconds (Prometheus 3 accepts `[300]` for `[5m]`).
    func durationOrSeconds(_ token: Token) throws(PromQLError) -> Int64 {
        if token.kind == .duration { return try durationMilliseconds(token) }
        let milliseconds = try numberValue(token) * 1000
        guard milliseconds.isFinite, abs(milliseconds) < 9.2e15 else {
            throw error(.syntax, "duration out of range", at: token.start, token: token.text)
        }
        return Int64(milliseconds.rounded())
    }
}
