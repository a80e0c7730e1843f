/// Byte-level helpers shared by the exposition writer: escaping, quoting and byte-wise ordering of strings.
enum ExpositionBytes {
    /// Appends `text` with `\` → `\\` and newline → `\n`, and also `"` → `\"` when `escapingQuotes` is set
    /// (client_golang `writeEscapedString`). Text without those bytes is copied in one piece.
    static func appendEscaped(_ text: String, escapingQuotes: Bool, to buffer: inout [UInt8]) {
        let needsEscaping =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.contains { isSpecial($0, escapingQuotes: escapingQuotes) }
            } ?? true
        guard needsEscaping else {
            buffer.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            if isSpecial(byte, escapingQuotes: escapingQuotes) {
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(byte == UInt8(ascii: "\n") ? UInt8(ascii: "n") : byte)
            } else {
                buffer.append(byte)
            }
        }
    }

    @inline(__always)
    private static func isSpecial(_ byte: UInt8, escapingQuotes: Bool) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n") || (escapingQuotes && byte == UInt8(ascii: "\""))
    }

    /// Appends `"text"` with label-value escaping: the Prometheus 3 form of a name outside the legacy set.
    static func appendQuoted(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        appendEscaped(text, escapingQuotes: true, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    /// Orders two strings by their UTF-8 bytes, as Go compares strings: negative, zero or positive.
    static func compare(_ lhs: String, _ rhs: String) -> Int {
        if lhs == rhs { return 0 }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8) ? -1 : 1
    }
}
