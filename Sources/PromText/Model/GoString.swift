/// Go's string quoting and ordering, so error messages, keys and payloads read exactly as Prometheus's and
/// Alertmanager's do.
public enum GoString {
    /// Go's `strconv.Quote` / `%q`: double-quoted, with Go escapes for quotes, backslashes and unprintable runes.
    public static func quoted(_ text: String) -> String {
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

    /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator, .lineSeparator,
            .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    /// Whether `lhs` sorts before `rhs` by UTF-8 bytes, as Go compares strings (Swift's `<` compares by Unicode
    /// canonical equivalence instead).
    public static func less(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Lower-case hexadecimal of `value`, left-padded with zeros to `digits`.
    public static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
