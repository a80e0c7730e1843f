/// The shortest decimal that reads back as a given finite `Double`: `0.d₁d₂…dₙ × 10^decimalPoint`.
///
/// The digits are the shortest round-trip digits (closest to the exact binary value when several are equally
/// short), which is also what Go's `strconv` produces for precision `-1`. Every formatting style in ``GoFloat`` is
/// a different layout of these same digits.
struct ShortestDecimal {
    /// The significant digits as an integer, without leading or trailing zeros (0 for zero).
    var digits: UInt64
    /// How many digits `digits` has (at most 17; 1 for zero).
    var digitCount: Int
    /// The position of the decimal point relative to the first digit (Go's `decimal.dp`).
    var decimalPoint: Int
    /// Whether the sign bit is set (also for negative zero).
    var isNegative: Bool

    /// The decimal exponent of the first digit (`d.ddd × 10^exponent`).
    var exponent: Int { decimalPoint - 1 }

    /// Computes the shortest digits of a finite `value`.
    init(_ value: Double) {
        precondition(value.isFinite, "ShortestDecimal needs a finite value")
        let isNegative = value.sign == .minus
        let magnitude = value.magnitude
        if magnitude < 9_007_199_254_740_992, Double(UInt64(magnitude)) == magnitude {
            self.init(integral: UInt64(magnitude), isNegative: isNegative)
        } else {
            self.init(parsingDescriptionOf: magnitude, isNegative: isNegative)
        }
    }

    /// Integral fast path: below 2^53 every integer is exact, so its own digits are the shortest ones.
    private init(integral: UInt64, isNegative: Bool) {
        self.isNegative = isNegative
        guard integral != 0 else {
            digits = 0
            digitCount = 1
            decimalPoint = 1
            return
        }
        var significand = integral
        var trailingZeros = 0
        while significand % 10 == 0 {
            significand /= 10
            trailingZeros += 1
        }
        let count = ShortestDecimal.countDigits(significand)
        digits = significand
        digitCount = count
        decimalPoint = count + trailingZeros
    }

    /// General path: the standard library's `description` prints the shortest round-trip digits; re-read them.
    private init(parsingDescriptionOf magnitude: Double, isNegative: Bool) {
        self.isNegative = isNegative
        var significand: UInt64 = 0
        var count = 0
        var pointPosition = 0
        var seenPoint = false
        var pendingZeros = 0
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9") where inExponent:
                exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "0"):
                if count == 0 {
                    if seenPoint { pointPosition -= 1 }
                } else {
                    pendingZeros += 1
                    if !seenPoint { pointPosition += 1 }
                }
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                for _ in 0..<pendingZeros { significand *= 10 }
                count += pendingZeros + 1
                pendingZeros = 0
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                if !seenPoint { pointPosition += 1 }
            case UInt8(ascii: "."):
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            case UInt8(ascii: "-"):
                exponentSign = -1
            default:
                break
            }
        }
        digits = significand
        digitCount = count
        decimalPoint = pointPosition + exponentSign * exponent
    }

    /// The number of decimal digits of a non-zero value.
    static func countDigits(_ value: UInt64) -> Int {
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// Appends the digits, most significant first.
    func appendDigits(to buffer: inout [UInt8]) {
        ShortestDecimal.appendDigits(of: digits, count: digitCount, to: &buffer)
    }

    /// Appends the first `count` digits, then a `.`, then the rest (Go `%f` layout when the point is inside).
    func appendDigits(splitAfter count: Int, to buffer: inout [UInt8]) {
        let tailCount = digitCount - count
        let tailDivisor = ShortestDecimal.powerOfTen(tailCount)
        ShortestDecimal.appendDigits(of: digits / tailDivisor, count: count, to: &buffer)
        buffer.append(UInt8(ascii: "."))
        ShortestDecimal.appendDigits(of: digits % tailDivisor, count: tailCount, to: &buffer)
    }

    /// Appends exactly `count` decimal digits of `value` (with leading zeros if it has fewer).
    static func appendDigits(of value: UInt64, count: Int, to buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value
            for index in stride(from: count - 1, through: 0, by: -1) {
                digits[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits[..<count]))
        }
    }

    /// 10^exponent for 0 ≤ exponent ≤ 19.
    static func powerOfTen(_ exponent: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
