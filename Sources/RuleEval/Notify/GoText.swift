/// Text helpers that reproduce how Go formats and orders strings, so that keys and payloads built here are byte
/// for byte what Alertmanager builds.
enum GoText {
    /// Whether `lhs` sorts before `rhs` by UTF-8 bytes, as Go compares strings (Swift's `<` compares by Unicode
    /// canonical equivalence instead).
    static func less(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// `strconv.Quote` / `%q`: double-quoted, with Go escapes for quotes, backslashes and unprintable runes.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0B}": result += "\\v"
            default:
                if isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value < 0x80 {
                    result += "\\x" + hex(UInt64(scalar.value), digits: 2)
                } else if scalar.value < 0x10000 {
                    result += "\\u" + hex(UInt64(scalar.value), digits: 4)
                } else {
                    result += "\\U" + hex(UInt64(scalar.value), digits: 8)
                }
            }
        }
        return result + "\""
    }

    /// `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator, .lineSeparator,
            .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    /// Lower-case hexadecimal of `value`, left-padded with zeros to `digits`.
    static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Lower-case hexadecimal of a byte sequence (`fmt.Sprintf("%x", bytes)`).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { hex(UInt64($0), digits: 2) }.joined()
    }

    /// `regexp.QuoteMeta`: backslash before every regular-expression metacharacter.
    static func quoteMeta(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\.+*?()|[]{}^$".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

extension GoText {
    /// `url.QueryEscape` (text/template's `urlquery`): unreserved bytes kept, space as `+`, others `%XX`.
    static func queryEscaped(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                result += "+"
            default:
                result += "%" + hex(UInt64(byte), digits: 2).uppercased()
            }
        }
        return result
    }
}
