extension StringProtocol {
    /// Whether `self` equals `other` ignoring ASCII letter case, as HTTP compares header names and tokens.
    func equalsIgnoringASCIICase(_ other: some StringProtocol) -> Bool {
        utf8.elementsEqual(other.utf8) { asciiLowercased($0) == asciiLowercased($1) }
    }

    /// A copy with ASCII letters lowercased and every other byte unchanged.
    func asciiLowercased() -> String {
        String(decoding: utf8.map(asciiLowercased), as: UTF8.self)
    }
}

/// `byte` with `A`–`Z` mapped to `a`–`z`.
@inline(__always)
func asciiLowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
}
