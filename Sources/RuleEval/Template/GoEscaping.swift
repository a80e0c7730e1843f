import PromText

/// Go's `template.HTMLEscapeString` and `template.JSEscapeString` (`url.QueryEscape` is PromText's
/// `GoString.queryEscaped`).
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

    /// `html/template`'s escaper for text between HTML tags (`htmlReplacementTable`): the `html` builtin's
    /// replacements plus `+` as `&#43;`.
    static func htmlText(_ text: String) -> String {
        html(text).replacing("+", with: "&#43;")
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

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
    }
}
