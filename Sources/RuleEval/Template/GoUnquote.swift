/// Go's `strconv.Unquote` for the literals the template lexer produces.
enum GoUnquote {
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
