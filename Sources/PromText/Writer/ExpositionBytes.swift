/// Byte-level helpers shared by the exposition writer: copying, escaping and quoting strings, and ordering them
/// as bytes.
enum ExpositionBytes {
    /// Appends the UTF-8 bytes of `text` in one copy.
    @inline(__always)
    static func appendUTF8(_ text: String, to buffer: inout [UInt8]) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { buffer.append(contentsOf: $0) }
        if copied == nil {
            buffer.append(contentsOf: text.utf8)
        }
    }

    /// Appends `text` with `\` → `\\` and newline → `\n`, and also `"` → `\"` when `escapingQuotes` is set
    /// (client_golang `writeEscapedString`). Text without those bytes is copied in one piece.
    static func appendEscaped(_ text: String, escapingQuotes: Bool, to buffer: inout [UInt8]) {
        let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { isSpecial($0, escapingQuotes: escapingQuotes) }) else { return false }
            buffer.append(contentsOf: bytes)
            return true
        }
        guard copied != true else { return }
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
        let contiguous = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in compare(left, right) }
        }
        if let result = contiguous ?? nil { return result }
        if lhs.utf8.elementsEqual(rhs.utf8) { return 0 }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8) ? -1 : 1
    }

    private static func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(lhs.count, rhs.count)
        var index = 0
        while index < common {
            let left = lhs[index]
            let right = rhs[index]
            if left != right { return left < right ? -1 : 1 }
            index += 1
        }
        return lhs.count == rhs.count ? 0 : (lhs.count < rhs.count ? -1 : 1)
    }
}
