import PromText

/// Go's escaping functions: `template.HTMLEscapeString`, `template.JSEscapeString` and `url.QueryEscape`.
enum GoEscaping {
    /// `text/template.HTMLEscapeString` (the `html` builtin).
    static func html(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\0": out.append("\u{FFFD}")
            case "\"": out.append("&#34;")
            case "'": out.append("&#39;")
            case "&": out.append("&amp;")
            case "<": out.append("&lt;")
            case ">": out.append("&gt;")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text/template.JSEscapeString` (the `js` builtin).
    static func javaScript(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out.append("\\\\")
            case "'": out.append("\\'")
            case "\"": out.append("\\\"")
            case "<": out.append("\\u003C")
            case ">": out.append("\\u003E")
            case "&": out.append("\\u0026")
            case "=": out.append("\\u003D")
            default:
                if scalar.value < 0x20 {
                    out.append("\\u00" + hexByte(UInt8(scalar.value)))
                } else if scalar.isASCII || GoString.isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out.append("\\u" + String(repeating: "0", count: max(4 - hex.count, 0)) + hex)
                }
            }
        }
        return out
    }

    /// `net/url.QueryEscape`: unreserved bytes kept, space as `+`, everything else `%XX`.
    static func queryEscape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out.append("+")
            default:
                out.append("%" + hexByte(byte))
            }
        }
        return out
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
    }
}
