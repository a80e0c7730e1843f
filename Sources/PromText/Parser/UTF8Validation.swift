/// Go's `utf8.Valid` over bytes: well-formed UTF-8 with no overlong forms, surrogates or code points past
/// U+10FFFF. ASCII runs take a fast path.
enum UTF8Validation {
    /// Whether `bytes[range]` is valid UTF-8.
    static func isValid(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                highest = 0x9F
            case 0xF0:
                length = 4
                lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                highest = 0x8F
            default: return false
            }
            guard end - index >= length, bytes[index + 1] >= lowest, bytes[index + 1] <= highest else { return false }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return false
            }
            index += length
        }
        return true
    }

    /// The number of code points in valid UTF-8 `bytes[range]` (Go's `utf8.RuneCount`).
    static func runeCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        bytes[range].reduce(0) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
    }
}
