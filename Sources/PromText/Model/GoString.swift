/// Go's string quoting and ordering (`strconv.Quote` and friends, byte-wise comparison), so error messages, keys
/// and payloads read exactly as Prometheus's and Alertmanager's do.
public enum GoString {
    /// `strconv.Quote` / `%q`: a double-quoted Go string literal, printable runes kept as they are.
    public static func quoted(_ text: String) -> String {
        quoted(text.unicodeScalars, quote: "\"", asciiOnly: false)
    }

    /// `strconv.QuoteToASCII`: like ``quoted(_:)`` but every non-ASCII rune is escaped.
    public static func quotedToASCII(_ text: String) -> String {
        quoted(text.unicodeScalars, quote: "\"", asciiOnly: true)
    }

    /// `strconv.QuoteRune`: a single-quoted Go rune literal.
    public static func quotedRune(_ scalar: Unicode.Scalar) -> String {
        quoted([scalar], quote: "'", asciiOnly: false)
    }

    /// `strconv.CanBackquote`: whether the text can be written as a raw string literal.
    public static func canBackquote(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar != "`" && scalar != "\u{FEFF}" && (scalar == "\t" || !(scalar.value < 0x20 || scalar.value == 0x7f))
        }
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
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

    /// Whether `lhs` sorts before `rhs` by UTF-8 bytes, as Go compares strings (Swift's `<` compares by Unicode
    /// canonical equivalence instead).
    public static func less(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Go's `url.QueryEscape`: unreserved bytes kept, space as `+`, every other byte `%XX` (upper-case hex).
    public static func queryEscaped(_ text: String) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                output.append(byte)
            case UInt8(ascii: " "):
                output.append(UInt8(ascii: "+"))
            default:
                output += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Lower-case hexadecimal of `value`, left-padded with zeros to `digits`.
    public static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
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
                let value = UInt64(scalar.value)
                if value < 0x20 || value == 0x7f {
                    out.append("\\x" + hex(value, digits: 2))
                } else if value > 0xFFFF {
                    out.append("\\U" + hex(value, digits: 8))
                } else {
                    out.append("\\u" + hex(value, digits: 4))
                }
            }
        }
        out.unicodeScalars.append(quote)
        return out
    }
}
