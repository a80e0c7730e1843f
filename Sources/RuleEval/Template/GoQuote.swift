/// Go's `strconv.Quote`, `QuoteToASCII`, `QuoteRune` and `CanBackquote`, used by `%q` and token messages.
enum GoQuote {
    /// `strconv.Quote`: a double-quoted Go string literal, printable runes kept as they are.
    static func quote(_ text: String) -> String {
        quoted(text.unicodeScalars, quote: "\"", asciiOnly: false)
    }

    /// `strconv.QuoteToASCII`: like ``quote(_:)`` but every non-ASCII rune is escaped.
    static func quoteASCII(_ text: String) -> String {
        quoted(text.unicodeScalars, quote: "\"", asciiOnly: true)
    }

    /// `strconv.QuoteRune`: a single-quoted Go rune literal.
    static func quoteRune(_ scalar: Unicode.Scalar) -> String {
        quoted([scalar], quote: "'", asciiOnly: false)
    }

    /// `strconv.CanBackquote`: whether the text can be written as a raw string literal.
    static func canBackquote(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar != "`" && scalar != "\u{FEFF}" && (scalar == "\t" || !(scalar.value < 0x20 || scalar.value == 0x7f))
        }
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func quoted(
        _ scalars: some Sequence<Unicode.Scalar>, quote: Unicode.Scalar, asciiOnly: Bool
    ) -> String {
        var out = String(quote)
        for scalar in scalars {
            if scalar == quote || scalar == "\\" {
                out.append("\\")
                out.unicodeScalars.append(scalar)
                continue
            }
            if asciiOnly ? (scalar.isASCII && isPrintable(scalar)) : isPrintable(scalar) {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\u{07}": out.append("\\a")
            case "\u{08}": out.append("\\b")
            case "\u{0C}": out.append("\\f")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{0B}": out.append("\\v")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out.append("\\x" + hex(scalar.value, digits: 2))
                } else if scalar.value > 0xFFFF {
                    out.append("\\U" + hex(scalar.value, digits: 8))
                } else {
                    out.append("\\u" + hex(scalar.value, digits: 4))
                }
            }
        }
        out.unicodeScalars.append(quote)
        return out
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(digits - text.count, 0)) + text
    }
}

extension GoQuote {
    /// `strconv.Unquote` for a lexed string, raw string or character literal; `nil` means Go's `invalid syntax`.
    static func unquote(_ literal: String) -> String? {
        var scalars = Array(literal.unicodeScalars)
        guard scalars.count >= 2, let quote = scalars.first, scalars.last == quote else { return nil }
        scalars = Array(scalars[1..<(scalars.count - 1)])
        if quote == "`" {
            guard !scalars.contains("`") else { return nil }
            return String(String.UnicodeScalarView(scalars.filter { $0 != "\r" }))
        }
        guard quote == "\"" || quote == "'" else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        var runes = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            runes += 1
            if scalar == quote || scalar == "\n" { return nil }
            guard scalar == "\\" else {
                bytes.append(contentsOf: String(Character(scalar)).utf8)
                continue
            }
            guard index < scalars.count else { return nil }
            let escape = scalars[index]
            index += 1
            switch escape {
            case "a": bytes.append(7)
            case "b": bytes.append(8)
            case "f": bytes.append(12)
            case "n": bytes.append(10)
            case "r": bytes.append(13)
            case "t": bytes.append(9)
            case "v": bytes.append(11)
            case "\\": bytes.append(UInt8(ascii: "\\"))
            case "'", "\"":
                guard escape == quote else { return nil }
                bytes.append(UInt8(escape.value))
            case "x", "u", "U":
                let count = escape == "x" ? 2 : (escape == "u" ? 4 : 8)
                guard index + count <= scalars.count,
                    let value = UInt32(String(String.UnicodeScalarView(scalars[index..<(index + count)])), radix: 16)
                else { return nil }
                index += count
                if escape == "x" {
                    bytes.append(UInt8(value))
                } else {
                    guard let decoded = Unicode.Scalar(value) else { return nil }
                    bytes.append(contentsOf: String(Character(decoded)).utf8)
                }
            case "0"..."7":
                guard index + 2 <= scalars.count,
                    let value = UInt32(
                        String(String.UnicodeScalarView([escape] + scalars[index..<(index + 2)])), radix: 8),
                    value <= 255
                else { return nil }
                index += 2
                bytes.append(UInt8(value))
            default:
                return nil
            }
        }
        if quote == "'" && runes != 1 { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
