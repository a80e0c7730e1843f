/// Reading and writing PromQL number literals the way Prometheus (Go) does.
enum PromQLNumber {
    /// Why Go's `strconv` rejects a number: `invalid syntax` or `value out of range`.
    struct Invalid: Error {
        var reason: String
    }

    /// The value of a number token: decimal, `0x` hex, `0`-prefixed octal, floats with exponents, with `_`
    /// allowed between digits, rejected where Go's `ParseInt(s, 0, 64)` and then `ParseFloat(s, 64)` both fail.
    static func parse(_ text: String) -> Result<Double, Invalid> {
        let invalid = Result<Double, Invalid>.failure(Invalid(reason: "invalid syntax"))
        let bytes = Array(text.utf8)
        let isHex = bytes.count > 2 && bytes[0] == UInt8(ascii: "0") && (bytes[1] | 0x20) == UInt8(ascii: "x")
        guard underscoresAreBetweenDigits(bytes, prefixLength: isHex ? 2 : 0) else { return invalid }
        let digits = String(decoding: bytes.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        if isHex { return Int64(digits.dropFirst(2), radix: 16).map { .success(Double($0)) } ?? invalid }
        if digits.count > 1, digits.hasPrefix("0"), digits.utf8.allSatisfy(isDigit),
            let octal = Int64(digits.dropFirst(), radix: 8)
        {
            return .success(Double(octal))
        }
        if digits.utf8.allSatisfy(isDigit), let integer = Int64(digits) { return .success(Double(integer)) }
        guard let value = Double(digits) else { return invalid }
        return value.isFinite ? .success(value) : .failure(Invalid(reason: "value out of range"))
    }

    private static func underscoresAreBetweenDigits(_ bytes: [UInt8], prefixLength: Int) -> Bool {
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "_") {
            let before = offset == prefixLength ? true : offset > 0 && isHexDigit(bytes[offset - 1])
            let after = offset + 1 < bytes.count && isHexDigit(bytes[offset + 1])
            guard before, after else { return false }
        }
        return true
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    /// Go's `strconv.FormatFloat(v, 'f', -1, 64)`, as Prometheus prints number literals: the shortest digits
    /// that read back exactly, never in exponent form; `+Inf`, `-Inf`, `NaN`.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, exponent) = shortestDigits(abs(value))
        let sign = value < 0 ? "-" : ""
        let pointPosition = exponent + 1
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The shortest round-tripping decimal digits of a positive finite value and the power of ten of the first
    /// digit (value = d1.d2d3... * 10^exponent).
    private static func shortestDigits(_ value: Double) -> (String, Int) {
        let text = "\(value)"
        let parts = text.split(separator: "e")
        let exponentPart = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0]
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(pieces[0])
        let fractionPart = pieces.count > 1 ? String(pieces[1]) : ""
        var all = integerPart + fractionPart
        var exponent = integerPart.count - 1 + exponentPart
        while all.hasPrefix("0") && all.count > 1 {
            all.removeFirst()
            exponent -= 1
        }
        while all.hasSuffix("0") && all.count > 1 { all.removeLast() }
        return (all, exponent)
    }
}
