/// Byte classes of the HTTP grammar (RFC 9110 §5.6), which is defined over ASCII.
enum ASCII {
    /// `byte` with `A`–`Z` mapped to `a`–`z` and every other byte unchanged.
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Whether `byte` is `0`–`9`.
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Whether `byte` may appear in a token such as a method or field name (`tchar`).
    static func isTokenByte(_ byte: UInt8) -> Bool {
        let lowered = lowercased(byte)
        return (lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z")) || isDigit(byte)
            || "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
}

extension StringProtocol {
    /// Whether `self` equals `other` ignoring ASCII letter case, as HTTP compares field names and tokens.
    func equalsIgnoringASCIICase(_ other: some StringProtocol) -> Bool {
        utf8.elementsEqual(other.utf8) { ASCII.lowercased($0) == ASCII.lowercased($1) }
    }

    /// The text without leading and trailing spaces, tabs and carriage returns.
    func trimmingASCIISpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
