import PromText

/// Text helpers that reproduce how Go formats strings, so that keys and payloads built here are byte for byte what
/// Alertmanager builds (quoting and ordering are PromText's `GoString`).
enum GoText {
    /// Lower-case hexadecimal of a byte sequence (`fmt.Sprintf("%x", bytes)`).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { GoString.hex(UInt64($0), digits: 2) }.joined()
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
                result += "%" + GoString.hex(UInt64(byte), digits: 2).uppercased()
            }
        }
        return result
    }
}
