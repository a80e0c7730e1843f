import PromText

/// Parses template text into ``TemplateNode``s with the grammar, checks and messages of Go's
/// `text/template/parse/parse.go`.
///
/// Mirrors Go's three-token look-ahead so errors name the same token and line Go names. `define` and `block` are
/// rejected as unsupported, and so is `template` unless the caller provides named templates. Nesting deeper than ``maximumDepth`` is rejected so hostile input cannot
/// exhaust the stack.
struct TemplateParser {
    /// Deepest nesting of parentheses and control structures accepted.
    static let maximumDepth = 200

    private let name: String
    private let input: [UInt8]
    private let tokens: [TemplateToken]
    private let functions: Set<String>
    private let allowsTemplateCalls: Bool
    private var nextTokenIndex = 0
    private var buffer: [TemplateToken]
    private var peekCount = 0
    private var variables = ["$"]
    private var actionLine = 0
    private var rangeDepth = 0
    private var depth = 0

    private enum Item {
        case node(TemplateNode)
        case end
        case elseMarker(position: Int)
    }

    private init(name: String, input: [UInt8], functions: Set<String>, allowsTemplateCalls: Bool) {
        self.name = name
        self.input = input
        self.tokens = TemplateLexer.tokenize(input)
        self.functions = functions
        self.allowsTemplateCalls = allowsTemplateCalls
        let placeholder = TemplateToken(kind: .eof, offset: 0, text: "", line: 1)
        self.buffer = [placeholder, placeholder, placeholder]
    }

    /// Parses `text` as the template called `name`, accepting calls to `functions` and, when
    /// `allowsTemplateCalls`, `{{template}}` actions.
    static func parse(_ text: String, name: String, functions: Set<String>, allowsTemplateCalls: Bool = false)
        throws(TemplateError) -> [TemplateNode]
    {
        var parser = TemplateParser(
            name: name, input: Array(text.utf8), functions: functions, allowsTemplateCalls: allowsTemplateCalls)
        return try parser.parseRoot()
    }

    // MARK: - Token buffer (Go's next/backup/peek)

    private mutating func readToken() -> TemplateToken {
        guard nextTokenIndex < tokens.count else {
            let last = tokens.last
            return TemplateToken(kind: .eof, offset: input.count, text: "", line: last?.line ?? 1)
        }
        defer { nextTokenIndex += 1 }
        return tokens[nextTokenIndex]
    }

    private mutating func next() -> TemplateToken {
        if peekCount > 0 {
            peekCount -= 1
        } else {
            buffer[0] = readToken()
        }
        return buffer[peekCount]
    }

    private mutating func backup() {
        peekCount += 1
    }

    private mutating func backup2(_ first: TemplateToken) {
        buffer[1] = first
        peekCount = 2
    }

    private mutating func backup3(_ first: TemplateToken, _ second: TemplateToken) {
        buffer[1] = second
        buffer[2] = first
        peekCount = 3
    }

    private mutating func peek() -> TemplateToken {
        if peekCount > 0 { return buffer[peekCount - 1] }
        peekCount = 1
        buffer[0] = readToken()
        return buffer[0]
    }

    private mutating func nextNonSpace() -> TemplateToken {
        var token = next()
        while token.kind == .space { token = next() }
        return token
    }

    private mutating func peekNonSpace() -> TemplateToken {
        let token = nextNonSpace()
        backup()
        return token
    }

    // MARK: - Errors

    private func error(_ message: String) -> TemplateError {
        let token = buffer[0]
        return TemplateError(
            phase: .parsing, message: "template: \(name):\(token.line): \(message)",
            position: SourcePosition(offset: min(token.offset, input.count), in: input))
    }

    private func unexpected(_ token: TemplateToken, _ context: String) -> TemplateError {
        guard token.kind == .error else { return error("unexpected \(token.goDescription) in \(context)") }
        var extra = ""
        if actionLine != 0 && actionLine != token.line {
            extra = " in action started at \(name):\(actionLine)"
            if token.text.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
        }
        return error(token.text + extra)
    }

    private mutating func expect(_ kind: TemplateToken.Kind, _ context: String) throws(TemplateError) -> TemplateToken {
        let token = nextNonSpace()
        guard token.kind == kind else { throw unexpected(token, context) }
        return token
    }

    private mutating func enterNesting() throws(TemplateError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("max expression depth exceeded") }
    }

    // MARK: - Structure

    private mutating func parseRoot() throws(TemplateError) -> [TemplateNode] {
        var root: [TemplateNode] = []
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let delimiter = next()
                let keyword = nextNonSpace()
                if keyword.kind == .define { throw error("{{define}} is not supported in alert templates") }
                backup2(delimiter)
            }
            switch try textOrAction() {
            case .node(let node): root.append(node)
            case .end: throw error("unexpected {{end}}")
            case .elseMarker: throw error("unexpected {{else}}")
            }
        }
        return root
    }

    private mutating func textOrAction() throws(TemplateError) -> Item {
        let token = nextNonSpace()
        switch token.kind {
        case .text:
            return .node(.text(token.text))
        case .leftDelim:
            actionLine = token.line
            defer { actionLine = 0 }
            return try action()
        default:
            throw unexpected(token, "input")
        }
    }

    private mutating func action() throws(TemplateError) -> Item {
        let token = nextNonSpace()
        switch token.kind {
        case .block: throw error("{{block}} is not supported in alert templates")
        case .template:
            guard allowsTemplateCalls else { throw error("{{template}} is not supported in alert templates") }
            return .node(.templateCall(try templateControl(token)))
        case .breakKeyword: return .node(try loopControl(.breakLoop(position: token.offset), "break"))
        case .continueKeyword: return .node(try loopControl(.continueLoop(position: token.offset), "continue"))
        case .elseKeyword: return try elseControl()
        case .end:
            _ = try expect(.rightDelim, "end")
            return .end
        case .ifKeyword: return .node(.ifBlock(try parseControl("if")))
        case .range: return .node(.rangeBlock(try parseControl("range")))
        case .with: return .node(.withBlock(try parseControl("with")))
        default:
            backup()
            return .node(.action(try pipeline("command", end: .rightDelim)))
        }
    }

    /// Go's `templateControl`: a quoted name and an optional pipeline.
    private mutating func templateControl(_ keyword: TemplateToken) throws(TemplateError) -> TemplateCall {
        let token = nextNonSpace()
        guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, "template clause") }
        guard let name = GoUnquote.unquote(token.text) else { throw error("invalid syntax") }
        var call = TemplateCall(position: keyword.offset, name: name)
        if nextNonSpace().kind != .rightDelim {
            backup()
            call.pipeline = try pipeline("template clause", end: .rightDelim)
        }
        return call
    }

    private mutating func loopControl(_ node: TemplateNode, _ keyword: String) throws(TemplateError) -> TemplateNode {
        let token = nextNonSpace()
        guard token.kind == .rightDelim else { throw unexpected(token, "{{\(keyword)}}") }
        guard rangeDepth > 0 else { throw error("{{\(keyword)}} outside {{range}}") }
        return node
    }

    private mutating func elseControl() throws(TemplateError) -> Item {
        let next = peekNonSpace()
        if next.kind == .ifKeyword || next.kind == .with { return .elseMarker(position: next.offset) }
        let token = try expect(.rightDelim, "else")
        return .elseMarker(position: token.offset)
    }

    private mutating func parseControl(_ context: String) throws(TemplateError) -> TemplateBranch {
        try enterNesting()
        defer { depth -= 1 }
        let savedVariables = variables.count
        defer { variables.removeLast(variables.count - savedVariables) }
        let pipe = try pipeline(context, end: .rightDelim)
        if context == "range" { rangeDepth += 1 }
        let (list, next) = try itemList()
        if context == "range" { rangeDepth -= 1 }
        var elseList: [TemplateNode]?
        if case .elseMarker = next {
            if context == "if" && peek().kind == .ifKeyword {
                _ = self.next()
                elseList = [.ifBlock(try parseControl("if"))]
            } else if context == "with" && peek().kind == .with {
                _ = self.next()
                elseList = [.withBlock(try parseControl("with"))]
            } else {
                let (elseItems, end) = try itemList()
                guard case .end = end else { throw error("expected end; found {{else}}") }
                elseList = elseItems
            }
        }
        return TemplateBranch(pipeline: pipe, list: list, elseList: elseList)
    }

    private mutating func itemList() throws(TemplateError) -> ([TemplateNode], Item) {
        var list: [TemplateNode] = []
        while peekNonSpace().kind != .eof {
            let item = try textOrAction()
            guard case .node(let node) = item else { return (list, item) }
            list.append(node)
        }
        throw error("unexpected EOF")
    }

    // MARK: - Pipelines

    private mutating func pipeline(_ context: String, end: TemplateToken.Kind) throws(TemplateError)
        -> TemplatePipeline
    {
        var pipe = TemplatePipeline(position: peekNonSpace().offset)
        declarations: while peekNonSpace().kind == .variable {
            let variable = next()
            let afterVariable = peek()
            let following = peekNonSpace()
            if following.kind == .assign || following.kind == .declare {
                pipe.isAssign = following.kind == .assign
                _ = nextNonSpace()
                pipe.declarations.append(variable.text)
                variables.append(variable.text)
            } else if following.kind == .char && following.text == "," {
                _ = nextNonSpace()
                pipe.declarations.append(variable.text)
                variables.append(variable.text)
                if context == "range" && pipe.declarations.count < 2 {
                    switch peekNonSpace().kind {
                    case .variable, .rightDelim, .rightParen: continue declarations
                    default: throw error("range can only initialize variables")
                    }
                }
                throw error("too many declarations in \(context)")
            } else if afterVariable.kind == .space {
                backup3(variable, afterVariable)
            } else {
                backup2(variable)
            }
            break
        }
        while true {
            let token = nextNonSpace()
            switch token.kind {
            case end:
                try checkPipeline(pipe, context)
                return pipe
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKeyword, .rawString,
                .string, .variable, .leftParen:
                backup()
                pipe.commands.append(try command())
            default:
                throw unexpected(token, context)
            }
        }
    }

    private func checkPipeline(_ pipe: TemplatePipeline, _ context: String) throws(TemplateError) {
        guard !pipe.commands.isEmpty else { throw error("missing value for \(context)") }
        for (index, command) in pipe.commands.enumerated().dropFirst() {
            switch command.arguments.first {
            case .bool, .dot, .nilLiteral, .number, .string:
                throw error("non executable command in pipeline stage \(index + 1)")
            default:
                continue
            }
        }
    }

    private mutating func command() throws(TemplateError) -> TemplateCommand {
        var command = TemplateCommand(position: peekNonSpace().offset, arguments: [])
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { command.arguments.append(operand) }
            let token = next()
            switch token.kind {
            case .space: continue
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: throw unexpected(token, "operand")
            }
            break
        }
        guard !command.arguments.isEmpty else { throw error("empty command") }
        return command
    }

    private mutating func operand() throws(TemplateError) -> TemplateOperand? {
        guard let node = try term() else { return nil }
        guard peek().kind == .field else { return node }
        let position = peek().offset
        var fields: [String] = []
        while peek().kind == .field { fields.append(String(next().text.dropFirst())) }
        switch node {
        case .field(let path, _): return .field(path + fields, position: position)
        case .variable(let path, _): return .variable(path + fields, position: position)
        case .bool, .string, .number, .nilLiteral, .dot:
            throw error("unexpected . after term \(GoString.quoted(node.goDescription))")
        default: return .chain(node, fields, position: position)
        }
    }

    private mutating func term() throws(TemplateError) -> TemplateOperand? {
        let token = nextNonSpace()
        switch token.kind {
        case .identifier:
            guard functions.contains(token.text) else {
                throw error("function \(GoString.quoted(token.text)) not defined")
            }
            return .identifier(token.text, position: token.offset)
        case .dot:
            return .dot(position: token.offset)
        case .nilKeyword:
            return .nilLiteral(position: token.offset)
        case .variable:
            guard variables.contains(token.text) else {
                throw error("undefined variable \(GoString.quoted(token.text))")
            }
            return .variable([token.text], position: token.offset)
        case .field:
            return .field([String(token.text.dropFirst())], position: token.offset)
        case .bool:
            return .bool(token.text == "true", position: token.offset)
        case .charConstant, .complex, .number:
            return .number(try number(token), position: token.offset)
        case .leftParen:
            try enterNesting()
            defer { depth -= 1 }
            return .pipeline(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            guard let value = GoUnquote.unquote(token.text) else { throw error("invalid syntax") }
            return .string(quoted: token.text, value: value, position: token.offset)
        default:
            backup()
            return nil
        }
    }

    // MARK: - Numbers (Go's newNumber)

    private func number(_ token: TemplateToken) throws(TemplateError) -> TemplateNumber {
        let text = token.text
        if token.kind == .charConstant {
            guard let value = GoUnquote.unquote(text), let scalar = value.unicodeScalars.first else {
                let inner = text.dropFirst().dropLast()
                if let decoded = GoUnquote.unquote("\"" + inner + "\""), decoded.unicodeScalars.count > 1 {
                    throw error("malformed character constant: \(text)")
                }
                throw error("invalid syntax")
            }
            return TemplateNumber(text: text, integer: Int64(scalar.value), float: Double(scalar.value))
        }
        if token.kind == .complex || text.hasSuffix("i") {
            throw error("complex constants are not supported in alert templates: \(text)")
        }
        var number = TemplateNumber(text: text)
        if let integer = Self.parseInteger(text) {
            // An integer beyond Int64 (but within UInt64) stays unusable as int, as Go's idealConstant reports.
            number.integer = Int64(exactly: integer)
            number.float = Double(integer)
            return number
        }
        let digits = text.filter { $0 != "_" }
        guard let float = Double(digits), float.isFinite else {
            throw error("illegal number syntax: \(GoString.quoted(text))")
        }
        guard text.contains(where: { ".eEpP".contains($0) }) else {
            throw error("integer overflow: \(text)")
        }
        number.float = float
        if float.rounded(.towardZero) == float, let integer = Int64(exactly: float) { number.integer = integer }
        return number
    }

    /// `strconv.ParseInt`/`ParseUint` with base 0, as a wide integer (nil when not an integer literal).
    private static func parseInteger(_ text: String) -> Int128? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        var radix = 10
        let lower = body.lowercased()
        if lower.hasPrefix("0x") {
            radix = 16
            body = body.dropFirst(2)
        } else if lower.hasPrefix("0o") {
            radix = 8
            body = body.dropFirst(2)
        } else if lower.hasPrefix("0b") {
            radix = 2
            body = body.dropFirst(2)
        } else if body.count > 1 && body.hasPrefix("0") {
            radix = 8
            body = body.dropFirst()
        }
        let digits = radix == 10 && !text.contains("_") ? String(body) : body.filter { $0 != "_" }
        guard !digits.isEmpty, let magnitude = UInt64(digits, radix: radix) else { return nil }
        let value = Int128(magnitude)
        if negative && value > Int128(Int64.max) + 1 { return nil }
        return negative ? -value : value
    }
}
