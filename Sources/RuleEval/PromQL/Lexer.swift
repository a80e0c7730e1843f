import PromText

/// Splits a PromQL expression into tokens, with Prometheus's context rules: keywords are plain label names
/// inside `{...}`, and `[...]` holds durations.
///
/// A lexical error becomes a final `.error` token, so the parser reports errors in input order.
struct Lexer {
    private let input: [UInt8]
    private var position = 0
    private var tokenStart = 0
    private var tokens: [Token] = []
    private var parenDepth = 0
    private var braceOpen = false
    private var bracketOpen = false
    private var gotColon = false

    /// All tokens of `input`, ending with `.endOfInput` or `.error`.
    static func tokenize(_ input: [UInt8]) -> [Token] {
        var lexer = Lexer(input: input)
        while true {
            let finished: Bool
            switch lexer.scanNext() {
            case .success(let done): finished = done
            case .failure(let error):
                lexer.tokens.append(
                    Token(kind: .error, text: error.message, start: lexer.tokenStart, end: lexer.position))
                finished = true
            }
            if finished { return lexer.tokens }
        }
    }

    private struct LexError: Error {
        var message: String
    }

    private init(input: [UInt8]) {
        self.input = input
    }

    private var current: UInt8? { position < input.count ? input[position] : nil }

    private mutating func emit(_ kind: Token.Kind, value: String = "") {
        let text = String(decoding: input[tokenStart..<position], as: UTF8.self)
        tokens.append(Token(kind: kind, text: text, value: value, start: tokenStart, end: position))
    }

    /// Emits `(` or `)`, tracking nesting; a `)` without its `(` is an error.
    private mutating func emitParenthesis(_ byte: UInt8) throws(LexError) {
        parenDepth += byte == UInt8(ascii: "(") ? 1 : -1
        if parenDepth < 0 {
            tokenStart = position
            throw LexError(message: "unexpected right parenthesis ')'")
        }
        emit(.symbol)
    }

    /// Scans one token (or skips space and comments); `true` once the end of input was emitted.
    private mutating func scanNext() -> Result<Bool, LexError> {
        skipSpaceAndComments()
        tokenStart = position
        do {
            if braceOpen { return .success(try scanInsideBraces()) }
            if bracketOpen { return .success(try scanInsideBrackets()) }
            return .success(try scanStatement())
        } catch {
            return .failure(error)
        }
    }

    private mutating func skipSpaceAndComments() {
        while let byte = current {
            if isSpace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "#") && !bracketOpen {
                while let next = current, next != UInt8(ascii: "\n"), next != UInt8(ascii: "\r") { position += 1 }
            } else {
                return
            }
        }
    }

    private mutating func scanStatement() throws(LexError) -> Bool {
        guard let byte = current else {
            if parenDepth != 0 { throw LexError(message: "unclosed left parenthesis") }
            emit(.endOfInput)
            return true
        }
        position += 1
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "^"), UInt8(ascii: "@"):
            emit(.symbol)
        case UInt8(ascii: "="):
            if current == UInt8(ascii: "=") {
                position += 1
            } else if current == UInt8(ascii: "~") {
                throw LexError(message: "unexpected character after '=': '~'")
            }
            emit(.symbol)
        case UInt8(ascii: "!"):
            guard current == UInt8(ascii: "=") else {
                throw LexError(message: "unexpected character after '!': \(quotedRune(at: position))")
            }
            position += 1
            emit(.symbol)
        case UInt8(ascii: "<"), UInt8(ascii: ">"):
            if current == UInt8(ascii: "=") { position += 1 }
            emit(.symbol)
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
            try scanString(quote: byte)
        case UInt8(ascii: "("), UInt8(ascii: ")"):
            try emitParenthesis(byte)
        case UInt8(ascii: "{"):
            braceOpen = true
            emit(.symbol)
        case UInt8(ascii: "["):
            bracketOpen = true
            gotColon = false
            emit(.symbol)
        case UInt8(ascii: "]"):
            throw LexError(message: "unexpected right bracket ']'")
        default:
            if isDigit(byte) || (byte == UInt8(ascii: ".") && current.map(isDigit) == true) {
                position -= 1
                try scanNumberOrDuration()
            } else if isAlpha(byte) || byte == UInt8(ascii: ":") {
                while let next = current, isAlphaNumeric(next) || next == UInt8(ascii: ":") { position += 1 }
                let hasColon = input[tokenStart..<position].contains(UInt8(ascii: ":"))
                emit(hasColon ? .metricIdentifier : .identifier)
            } else {
                position -= 1
                throw LexError(message: "unexpected character: \(quotedRune(at: position))")
            }
        }
        return false
    }

    private mutating func scanInsideBraces() throws(LexError) -> Bool {
        guard let byte = current else { throw LexError(message: "unexpected end of input inside braces") }
        position += 1
        switch byte {
        case UInt8(ascii: ","):
            emit(.symbol)
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
            try scanString(quote: byte)
        case UInt8(ascii: "="):
            if current == UInt8(ascii: "~") { position += 1 }
            emit(.symbol)
        case UInt8(ascii: "!"):
            guard current == UInt8(ascii: "~") || current == UInt8(ascii: "=") else {
                throw LexError(message: "unexpected character after '!' inside braces: \(quotedRune(at: position))")
            }
            position += 1
            emit(.symbol)
        case UInt8(ascii: "{"):
            throw LexError(message: "unexpected left brace '{'")
        case UInt8(ascii: "}"):
            braceOpen = false
            emit(.symbol)
        default:
            guard isAlpha(byte) else {
                position -= 1
                throw LexError(message: "unexpected character inside braces: \(quotedRune(at: position))")
            }
            while let next = current, isAlphaNumeric(next) { position += 1 }
            emit(.identifier)
        }
        return false
    }

    private mutating func scanInsideBrackets() throws(LexError) -> Bool {
        guard let byte = current else {
            let justOpened = tokens.last?.text == "["
            throw LexError(
                message: justOpened ? "unexpected end of input in duration expression" : "unclosed left bracket")
        }
        position += 1
        switch byte {
        case UInt8(ascii: "]"):
            bracketOpen = false
            emit(.symbol)
        case UInt8(ascii: ":"):
            if gotColon { throw LexError(message: "unexpected repeated colon in duration expression") }
            gotColon = true
            emit(.symbol)
        case UInt8(ascii: "("), UInt8(ascii: ")"):
            try emitParenthesis(byte)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
            UInt8(ascii: "^"), UInt8(ascii: ","):
            emit(.symbol)
        case UInt8(ascii: "["):
            throw LexError(message: "unexpected left bracket '['")
        default:
            if isDigit(byte) || (byte == UInt8(ascii: ".") && current.map(isDigit) == true) {
                position -= 1
                try scanNumberOrDuration()
            } else if isAlpha(byte) {
                while let next = current, isAlpha(next) { position += 1 }
                let word = String(decoding: input[tokenStart..<position], as: UTF8.self).lowercased()
                guard ["step", "range", "min", "max"].contains(word) else {
                    position = tokenStart
                    throw LexError(message: "unexpected character in duration expression: \(quotedRune(at: position))")
                }
                emit(.identifier)
            } else {
                position -= 1
                throw LexError(message: "unexpected character in duration expression: \(quotedRune(at: position))")
            }
        }
        return false
    }

    private mutating func scanNumberOrDuration() throws(LexError) {
        if scanNumber() {
            emit(.number)
            return
        }
        if scanRemainingDuration() {
            emit(.duration)
            return
        }
        let text = String(decoding: input[tokenStart..<min(position, input.count)], as: UTF8.self)
        throw LexError(message: "bad number or duration syntax: \(GoString.quoted(text))")
    }

    private mutating func accept(_ valid: String) -> Bool {
        guard let byte = current, valid.utf8.contains(byte) else { return false }
        position += 1
        return true
    }

    private func currentIs(_ valid: String) -> Bool {
        guard let byte = current else { return false }
        return valid.utf8.contains(byte)
    }

    /// Prometheus's `scanNumber`: decimal, hex, float with exponent, `_` separators. The text is checked by
    /// the parser; this only decides the token's extent.
    private mutating func scanNumber() -> Bool {
        let initial = position
        var digits = "0123456789"
        if accept("0") {
            if accept("xX") {
                _ = accept("_")
                digits = "0123456789abcdefABCDEF"
            }
        }
        _ = accept(".")
        _ = accept(digits)
        var dotConsumed = false
        var exponentConsumed = false
        while currentIs(digits + "._eE") {
            if currentIs(".") && dotConsumed {
                position += 1
                return false
            }
            if currentIs("eE") && exponentConsumed && digits.count == 10 {
                position += 1
                return false
            }
            if accept(".") {
                dotConsumed = true
                if accept("_.") || digits.count > 10 { return false }
                continue
            }
            if digits.count == 10, accept("eE") {
                exponentConsumed = true
                _ = accept("+-")
                if accept("._eE") || current == nil { return false }
                continue
            }
            if accept("_") {
                if accept("._eE") || current == nil { return false }
                continue
            }
            while accept(digits) {}
        }
        if position == initial { return false }
        return current.map(isAlphaNumeric) != true
    }

    /// After a number that ran into letters: the rest of a duration like `5m`, `1h30m`, `100ms`.
    private mutating func scanRemainingDuration() -> Bool {
        guard accept("smhdwy") else { return false }
        _ = accept("s")
        while accept("0123456789") {
            while accept("0123456789") {}
            guard accept("smhdw") else { return false }
            _ = accept("s")
        }
        if current.map(isAlphaNumeric) == true {
            position += 1
            return false
        }
        return true
    }

    private mutating func scanString(quote: UInt8) throws(LexError) {
        var bytes: [UInt8] = []
        while true {
            guard let byte = current else {
                throw LexError(
                    message: quote == UInt8(ascii: "`") ? "unterminated raw string" : "unterminated quoted string")
            }
            position += 1
            if byte == quote { break }
            if quote == UInt8(ascii: "`") {
                bytes.append(byte)
                continue
            }
            if byte == UInt8(ascii: "\n") { throw LexError(message: "unterminated quoted string") }
            if byte == UInt8(ascii: "\\") {
                try scanEscape(quote: quote, into: &bytes)
            } else {
                bytes.append(byte)
            }
        }
        emit(.string, value: String(decoding: bytes, as: UTF8.self))
    }

    /// Go's string escapes: `\a \b \f \n \r \t \v \\`, the quote, octal `\ooo`, `\xHH`, `\uHHHH`, `\UHHHHHHHH`.
    private mutating func scanEscape(quote: UInt8, into bytes: inout [UInt8]) throws(LexError) {
        guard let byte = current else { throw LexError(message: "escape sequence not terminated") }
        position += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12, UInt8(ascii: "n"): 10,
            UInt8(ascii: "r"): 13, UInt8(ascii: "t"): 9, UInt8(ascii: "v"): 11, UInt8(ascii: "\\"): 92, quote: quote,
        ]
        if let decoded = simple[byte] {
            bytes.append(decoded)
            return
        }
        let count: Int
        let base: UInt32
        let maximum: UInt32
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            position -= 1
            (count, base, maximum) = (3, 8, 255)
        case UInt8(ascii: "x"): (count, base, maximum) = (2, 16, 255)
        case UInt8(ascii: "u"): (count, base, maximum) = (4, 16, 0x10FFFF)
        case UInt8(ascii: "U"): (count, base, maximum) = (8, 16, 0x10FFFF)
        default:
            position -= 1
            throw LexError(message: "unknown escape sequence \(goRuneDescription(at: position))")
        }
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let digit = current else { throw LexError(message: "escape sequence not terminated") }
            guard let digitValue = hexValue(digit), digitValue < base else {
                throw LexError(message: "illegal character \(goRuneDescription(at: position)) in escape sequence")
            }
            value = value * base + digitValue
            position += 1
        }
        guard value <= maximum, !(0xD800..<0xE000).contains(value) else {
            throw LexError(message: "escape sequence is an invalid Unicode code point")
        }
        if base == 8 || byte == UInt8(ascii: "x") {
            bytes.append(UInt8(value))
        } else if let scalar = Unicode.Scalar(value) {
            bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The character at `offset` quoted as Go's `%q` prints a rune: `'x'`.
    private func quotedRune(at offset: Int) -> String {
        let scalar = scalarAt(offset)
        let quoted = GoString.quoted(String(Character(scalar)))
        let inner = quoted.dropFirst().dropLast().replacingQuotes()
        return "'\(inner)'"
    }

    /// The character at `offset` as Go's `%#U` prints it: `U+0071 'q'`.
    private func goRuneDescription(at offset: Int) -> String {
        let scalar = scalarAt(offset)
        let code = GoString.hex(UInt64(scalar.value), digits: 4).uppercased()
        return "U+\(code) \(quotedRune(at: offset))"
    }

    private func scalarAt(_ offset: Int) -> Unicode.Scalar {
        let end = min(input.count, offset + 4)
        return String(decoding: input[offset..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
    }
}

extension Substring {
    /// Go's rune quoting escapes `'` but not `"`.
    fileprivate func replacingQuotes() -> String {
        var result = ""
        var index = startIndex
        while index < endIndex {
            let character = self[index]
            let next = self.index(after: index)
            if character == "\\", next < endIndex, self[next] == "\"" {
                result.append("\"")
                index = self.index(after: next)
                continue
            }
            result.append(character == "'" ? "\\'" : String(character))
            index = next
        }
        return result
    }
}

func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
}

func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

func isAlpha(_ byte: UInt8) -> Bool {
    let lowered = byte | 0x20
    return byte == UInt8(ascii: "_") || (lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z"))
}

func isAlphaNumeric(_ byte: UInt8) -> Bool { isAlpha(byte) || isDigit(byte) }
