/// Parses sample values and OpenMetrics timestamps exactly as Prometheus does: Go's `strconv.ParseFloat(s, 64)`
/// behind Prometheus's guard that rejects `p`, `P` and `_` (pre-Go 1.13 float syntax).
///
/// Accepted: decimal numbers (`1`, `-0`, `.5`, `5.`, `1e3`, `1E-3`, `007`), and `inf`, `infinity` (optionally
/// signed) and `nan` in any letter case. Rejected: `+NaN`/`-NaN`, hexadecimal, anything with trailing bytes, and
/// finite spellings that overflow a Double (`1e309`). Values that underflow become zero (`1e-400`). Decimal to
/// double conversion rounds to nearest-even: short inputs are converted exactly here, longer ones go to the
/// standard library's correctly rounded parser.
enum GoFloatParser {
    /// Why a spelling was rejected.
    enum Failure: Error, Equatable {
        /// Prometheus's `unsupported character in float` (`p`, `P` or `_`).
        case unsupportedCharacter
        /// Go's `invalid syntax`.
        case invalidSyntax
        /// Go's `value out of range`.
        case outOfRange
    }

    /// Parses `text`, or tells why it is not a number.
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Result<Double, Failure> {
        for byte in text where byte == UInt8(ascii: "p") || byte == UInt8(ascii: "P") || byte == UInt8(ascii: "_") {
            return .failure(.unsupportedCharacter)
        }
        if let special = special(text) { return .success(special) }
        guard let decimal = DecimalSpelling(text) else { return .failure(.invalidSyntax) }
        if let exact = decimal.exactValue { return .success(exact) }
        guard let value = Double(String(decoding: text, as: UTF8.self)) else { return .failure(.invalidSyntax) }
        return value.isInfinite ? .failure(.outOfRange) : .success(value)
    }

    /// Go's `special`: `[+-]inf`, `[+-]infinity` and unsigned `nan`, any letter case, covering all of `text`.
    private static func special(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let first = text.first else { return nil }
        var rest = text[...]
        var sign = 1.0
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            rest = rest.dropFirst()
        } else if matchesIgnoringCase(rest, "nan") {
            return .nan
        }
        return matchesIgnoringCase(rest, "inf") || matchesIgnoringCase(rest, "infinity") ? sign * .infinity : nil
    }

    private static func matchesIgnoringCase(_ text: Slice<UnsafeBufferPointer<UInt8>>, _ word: StaticString) -> Bool {
        guard text.count == word.utf8CodeUnitCount else { return false }
        return zip(text, UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)).allSatisfy {
            $0 | 0x20 == $1
        }
    }
}

/// A validated decimal spelling `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
private struct DecimalSpelling {
    var isNegative = false
    /// The first up to 19 significant digits as an integer.
    var mantissa: UInt64 = 0
    /// How many significant digits there are (leading zeros excluded).
    var significantDigits = 0
    /// The power of ten to scale `mantissa` by.
    var exponent = 0

    private static let powersOfTen: [Double] = (0...22).map { power in
        (0..<power).reduce(1.0) { value, _ in value * 10 }
    }

    init?(_ text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        if index < text.count, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") {
            isNegative = text[index] == UInt8(ascii: "-")
            index += 1
        }
        var sawDigit = false
        var sawDot = false
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                guard !sawDot else { return nil }
                sawDot = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                sawDigit = true
                addDigit(byte - UInt8(ascii: "0"), afterDot: sawDot)
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        if index < text.count, text[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            guard let (explicitExponent, end) = Self.readExponent(text, from: index) else { return nil }
            exponent += explicitExponent
            index = end
        }
        guard index == text.count else { return nil }
    }

    private mutating func addDigit(_ digit: UInt8, afterDot: Bool) {
        if significantDigits == 0 && digit == 0 {
            if afterDot { exponent -= 1 }
            return
        }
        if significantDigits < 19 {
            mantissa = mantissa * 10 + UInt64(digit)
            if afterDot { exponent -= 1 }
        } else if !afterDot {
            exponent += 1
        }
        significantDigits += 1
    }

    /// Reads `[+-]? digits`, saturating far beyond any exponent a Double can use.
    private static func readExponent(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Int)? {
        var index = start
        var negative = false
        if index < text.count, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") {
            negative = text[index] == UInt8(ascii: "-")
            index += 1
        }
        let digitsStart = index
        var value = 0
        while index < text.count, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") {
            value = min(value * 10 + Int(text[index] - UInt8(ascii: "0")), 1_000_000)
            index += 1
        }
        return index == digitsStart ? nil : (negative ? -value : value, index)
    }

    /// The value when one correctly rounded operation on exact operands gives it (Clinger's fast path).
    var exactValue: Double? {
        if mantissa == 0 { return isNegative ? -0.0 : 0.0 }
        guard significantDigits <= 15, exponent >= -22, exponent <= 22 else { return nil }
        let magnitude = Double(mantissa)
        let scaled =
            exponent >= 0 ? magnitude * Self.powersOfTen[exponent] : magnitude / Self.powersOfTen[-exponent]
        return isNegative ? -scaled : scaled
    }
}
