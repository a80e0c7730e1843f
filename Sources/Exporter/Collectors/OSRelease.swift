import PromText

/// The `KEY=value` assignments of an os-release file (`/etc/os-release`), read with shell-like quoting as the
/// envparse library node_exporter uses: `#` comments, optional `export `, double quotes with backslash escapes,
/// literal single quotes, unquoted values up to an unquoted ` #` comment.
public enum OSRelease {
    /// Parses `text` into a dictionary; a line without `=`, a bad key or an unterminated quote throws with its
    /// position.
    public static func parse(_ text: ProcText) throws(CollectorError) -> [String: String] {
        var values: [String: String] = [:]
        var lineStart = 0
        let bytes = text.bytes
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if let (key, value) = try assignment(text, lineStart..<lineEnd) { values[key] = value }
            lineStart = lineEnd + 1
        }
        return values
    }

    private static func assignment(_ text: ProcText, _ line: Range<Int>) throws(CollectorError) -> (String, String)? {
        let bytes = text.bytes
        var index = line.lowerBound
        func skipBlanks() {
            while index < line.upperBound, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                index += 1
            }
        }
        skipBlanks()
        guard index < line.upperBound, bytes[index] != UInt8(ascii: "#") else { return nil }
        if bytes[index...].starts(with: "export ".utf8) {
            index += 7
            skipBlanks()
        }
        let keyStart = index
        while index < line.upperBound, bytes[index] != UInt8(ascii: "=") { index += 1 }
        let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
        guard index < line.upperBound else {
            throw text.error(at: index, expected: "'=' after the key", found: "end of line")
        }
        guard MetricName.isValidLegacyLabelName(key) else {
            throw text.error(at: keyStart, expected: "a variable name", found: "\"\(key)\"")
        }
        index += 1
        return (key, try value(text, from: &index, to: line.upperBound))
    }

    private static func value(_ text: ProcText, from index: inout Int, to end: Int) throws(CollectorError) -> String {
        let bytes = text.bytes
        var value: [UInt8] = []
        var quote: UInt8?
        var quoteStart = index
        while index < end {
            let byte = bytes[index]
            switch (quote, byte) {
            case (nil, UInt8(ascii: "\"")), (nil, UInt8(ascii: "'")):
                quote = byte
                quoteStart = index
            case (nil, UInt8(ascii: "#")) where value.last == UInt8(ascii: " ") || value.last == UInt8(ascii: "\t"):
                index = end
                continue
            case (let open?, _) where byte == open:
                quote = nil
            case (UInt8(ascii: "'"), _):
                value.append(byte)
            case (_, UInt8(ascii: "\\")) where index + 1 < end:
                index += 1
                value.append(bytes[index])
            default:
                value.append(byte)
            }
            index += 1
        }
        if quote != nil {
            throw text.error(at: quoteStart, expected: "a closing quote", found: "end of line")
        }
        while let last = value.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == 13 {
            value.removeLast()
        }
        return String(decoding: value, as: UTF8.self)
    }
}
