import PromText

/// Splits template text into ``TemplateToken``s exactly as Go's `text/template/parse/lex.go` does.
///
/// The lexer is a state machine over UTF-8 bytes: text outside `{{ }}`, trim markers (`{{- ` and ` -}}`, which
/// remove the adjacent ASCII white space), comments, and the items inside actions. It stops after the first
/// error item, which carries Go's message (`unclosed action`, `bad character U+002B '+'`, ...).
struct TemplateLexer {
    private enum State {
        case text, leftDelimiter, comment, rightDelimiter, insideAction, space, identifier, field, variable
        case character, number, quote, rawQuote
    }

    private let input: [UInt8]
    private var position = 0
    private var start = 0
    private var width = 0
    private var parenDepth = 0
    private var tokens: [TemplateToken] = []
    private var lineCursor = (offset: 0, line: 1)

    private init(input: [UInt8]) {
        self.input = input
    }

    /// All tokens of `text`, ending with an `eof` or an `error` token.
    static func tokenize(_ text: [UInt8]) -> [TemplateToken] {
        var lexer = TemplateLexer(input: text)
        var state: State? = .text
        while let current = state { state = lexer.step(current) }
        return lexer.tokens
    }

    private mutating func step(_ state: State) -> State? {
        switch state {
        case .text: lexText()
        case .leftDelimiter: lexLeftDelimiter()
        case .comment: lexComment()
        case .rightDelimiter: lexRightDelimiter()
        case .insideAction: lexInsideAction()
        case .space: lexSpace()
        case .identifier: lexIdentifier()
        case .field: lexFieldOrVariable(.field)
        case .variable: atTerminator() ? emitting(.variable) : lexFieldOrVariable(.variable)
        case .character: lexQuoted(closing: "'", kind: .charConstant, message: "unterminated character constant")
        case .number: lexNumber()
        case .quote: lexQuoted(closing: "\"", kind: .string, message: "unterminated quoted string")
        case .rawQuote: lexRawQuote()
        }
    }

    // MARK: - Scanning primitives

    private mutating func next() -> Unicode.Scalar? {
        guard position < input.count else {
            width = 0
            return nil
        }
        let (scalar, length) = Self.decode(input, at: position)
        width = length
        position += length
        return scalar
    }

    private mutating func peek() -> Unicode.Scalar? {
        let scalar = next()
        backup()
        return scalar
    }

    private mutating func backup() {
        position -= width
    }

    private mutating func accept(_ valid: String) -> Bool {
        if let scalar = next(), valid.unicodeScalars.contains(scalar) { return true }
        backup()
        return false
    }

    private mutating func acceptRun(_ valid: String) {
        while let scalar = next(), valid.unicodeScalars.contains(scalar) {}
        backup()
    }

    private func hasPrefix(_ prefix: String, at offset: Int) -> Bool {
        let bytes = Array(prefix.utf8)
        guard offset >= 0, offset + bytes.count <= input.count else { return false }
        return input[offset..<(offset + bytes.count)].elementsEqual(bytes)
    }

    private mutating func line(at offset: Int) -> Int {
        while lineCursor.offset < offset {
            if input[lineCursor.offset] == UInt8(ascii: "\n") { lineCursor.line += 1 }
            lineCursor.offset += 1
        }
        return lineCursor.line
    }

    private mutating func emit(_ kind: TemplateToken.Kind) {
        let text = String(decoding: input[start..<position], as: UTF8.self)
        tokens.append(TemplateToken(kind: kind, offset: start, text: text, line: line(at: start)))
        start = position
    }

    private mutating func emitting(_ kind: TemplateToken.Kind) -> State? {
        emit(kind)
        return .insideAction
    }

    private mutating func ignore() {
        start = position
    }

    private mutating func fail(_ message: String) -> State? {
        tokens.append(TemplateToken(kind: .error, offset: start, text: message, line: line(at: start)))
        return nil
    }

    // MARK: - Trim markers and delimiters

    private static func isSpaceByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }

    private func hasLeftTrimMarker(at offset: Int) -> Bool {
        offset + 1 < input.count && input[offset] == UInt8(ascii: "-") && Self.isSpaceByte(input[offset + 1])
    }

    private func hasRightTrimMarker(at offset: Int) -> Bool {
        offset >= 0 && offset + 1 < input.count && Self.isSpaceByte(input[offset])
            && input[offset + 1] == UInt8(ascii: "-")
    }

    private func atRightDelimiter() -> (delimiter: Bool, trim: Bool) {
        if hasRightTrimMarker(at: position) && hasPrefix("}}", at: position + 2) { return (true, true) }
        return (hasPrefix("}}", at: position), false)
    }

    private func leadingSpaceCount(from offset: Int) -> Int {
        var count = 0
        while offset + count < input.count && Self.isSpaceByte(input[offset + count]) { count += 1 }
        return count
    }

    // MARK: - States

    private mutating func lexText() -> State? {
        width = 0
        var delimiter = position
        while delimiter + 1 < input.count
            && !(input[delimiter] == UInt8(ascii: "{") && input[delimiter + 1] == UInt8(ascii: "{"))
        {
            delimiter += 1
        }
        guard delimiter + 1 < input.count else {
            position = input.count
            if position > start { emit(.text) }
            emit(.eof)
            return nil
        }
        var trimLength = 0
        if hasLeftTrimMarker(at: delimiter + 2) {
            while delimiter - trimLength > start && Self.isSpaceByte(input[delimiter - trimLength - 1]) {
                trimLength += 1
            }
        }
        position = delimiter - trimLength
        if position > start { emit(.text) }
        position = delimiter
        ignore()
        return .leftDelimiter
    }

    private mutating func lexLeftDelimiter() -> State? {
        position += 2
        let afterMarker = hasLeftTrimMarker(at: position) ? 2 : 0
        if hasPrefix("/*", at: position + afterMarker) {
            position += afterMarker
            ignore()
            return .comment
        }
        emit(.leftDelim)
        position += afterMarker
        ignore()
        parenDepth = 0
        return .insideAction
    }

    private mutating func lexComment() -> State? {
        position += 2
        var end = position
        while end + 1 < input.count && !(input[end] == UInt8(ascii: "*") && input[end + 1] == UInt8(ascii: "/")) {
            end += 1
        }
        guard end + 1 < input.count else { return fail("unclosed comment") }
        position = end + 2
        let (delimiter, trim) = atRightDelimiter()
        guard delimiter else { return fail("comment ends before closing delimiter") }
        position += trim ? 4 : 2
        if trim { position += leadingSpaceCount(from: position) }
        ignore()
        return .text
    }

    private mutating func lexRightDelimiter() -> State? {
        let trim = atRightDelimiter().trim
        if trim {
            position += 2
            ignore()
        }
        position += 2
        emit(.rightDelim)
        if trim {
            position += leadingSpaceCount(from: position)
            ignore()
        }
        return .text
    }

    private mutating func lexInsideAction() -> State? {
        if atRightDelimiter().delimiter {
            return parenDepth == 0 ? .rightDelimiter : fail("unclosed left paren")
        }
        guard let scalar = next() else { return fail("unclosed action") }
        switch scalar {
        case " ", "\t", "\r", "\n":
            backup()
            return .space
        case "=":
            emit(.assign)
        case ":":
            guard next() == "=" else { return fail("expected :=") }
            emit(.declare)
        case "|":
            emit(.pipe)
        case "\"":
            return .quote
        case "`":
            return .rawQuote
        case "$":
            return .variable
        case "'":
            return .character
        case ".":
            if position < input.count && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(input[position]) {
                return .field
            }
            backup()
            return .number
        case "+", "-", "0"..."9":
            backup()
            return .number
        case _ where Self.isAlphaNumeric(scalar):
            backup()
            return .identifier
        case "(":
            emit(.leftParen)
            parenDepth += 1
        case ")":
            parenDepth -= 1
            if parenDepth < 0 { return fail("unexpected right paren") }
            emit(.rightParen)
        case _ where scalar.isASCII && GoString.isPrintable(scalar):
            emit(.char)
        default:
            return fail("unrecognized character in action: \(Self.describe(scalar))")
        }
        return .insideAction
    }

    private mutating func lexSpace() -> State? {
        var spaces = 0
        while let scalar = peek(), scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" {
            _ = next()
            spaces += 1
        }
        if hasRightTrimMarker(at: position - 1) && hasPrefix("}}", at: position + 1) {
            backup()
            if spaces == 1 { return .rightDelimiter }
        }
        emit(.space)
        return .insideAction
    }

    private mutating func lexIdentifier() -> State? {
        while true {
            let scalar = next()
            if let scalar, Self.isAlphaNumeric(scalar) { continue }
            backup()
            let word = String(decoding: input[start..<position], as: UTF8.self)
            guard atTerminator() else { return fail("bad character \(Self.describe(scalar))") }
            if let keyword = TemplateToken.Kind(keyword: word) {
                emit(keyword)
            } else if word.hasPrefix(".") {
                emit(.field)
            } else if word == "true" || word == "false" {
                emit(.bool)
            } else {
                emit(.identifier)
            }
            return .insideAction
        }
    }

    private mutating func lexFieldOrVariable(_ kind: TemplateToken.Kind) -> State? {
        if atTerminator() { return emitting(kind == .variable ? .variable : .dot) }
        var scalar: Unicode.Scalar?
        while true {
            scalar = next()
            if let scalar, Self.isAlphaNumeric(scalar) { continue }
            backup()
            break
        }
        guard atTerminator() else { return fail("bad character \(Self.describe(scalar))") }
        return emitting(kind)
    }

    private mutating func atTerminator() -> Bool {
        guard let scalar = peek() else { return true }
        switch scalar {
        case " ", "\t", "\r", "\n", ".", ",", "|", ":", ")", "(": return true
        default: return hasPrefix("}}", at: position)
        }
    }

    private mutating func lexQuoted(closing: Unicode.Scalar, kind: TemplateToken.Kind, message: String) -> State? {
        while true {
            switch next() {
            case "\\":
                let escaped = next()
                if escaped == nil || escaped == "\n" { return fail(message) }
            case nil, "\n":
                return fail(message)
            case closing:
                return emitting(kind)
            default:
                continue
            }
        }
    }

    private mutating func lexRawQuote() -> State? {
        while true {
            switch next() {
            case nil: return fail("unterminated raw quoted string")
            case "`": return emitting(.rawString)
            default: continue
            }
        }
    }

    private mutating func lexNumber() -> State? {
        guard scanNumber() else { return fail("bad number syntax: \(GoString.quoted(pendingText))") }
        if let sign = peek(), sign == "+" || sign == "-" {
            guard scanNumber(), input[position - 1] == UInt8(ascii: "i") else {
                return fail("bad number syntax: \(GoString.quoted(pendingText))")
            }
            return emitting(.complex)
        }
        return emitting(.number)
    }

    private var pendingText: String { String(decoding: input[start..<position], as: UTF8.self) }

    private mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") {
                digits = "0123456789abcdefABCDEF_"
            } else if accept("oO") {
                digits = "01234567_"
            } else if accept("bB") {
                digits = "01_"
            }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.count == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if let scalar = peek(), Self.isAlphaNumeric(scalar) {
            _ = next()
            return false
        }
        return true
    }

    // MARK: - Characters

    /// Go's `isAlphaNumeric`: underscore, Unicode letters and decimal digits.
    private static func isAlphaNumeric(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// Go's `%#U`: `U+002B '+'`, without the quoted character when it is not printable.
    static func describe(_ scalar: Unicode.Scalar?) -> String {
        guard let scalar else { return "U+FFFFFFFFFFFFFFFF" }
        var hex = String(scalar.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        return GoString.isPrintable(scalar) ? "U+\(hex) '\(Character(scalar))'" : "U+\(hex)"
    }

    private static func decode(_ bytes: [UInt8], at offset: Int) -> (Unicode.Scalar, Int) {
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): return (scalar, UTF8.width(scalar))
        default: return ("\u{FFFD}", 1)
        }
    }
}
