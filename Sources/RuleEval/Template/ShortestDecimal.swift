/// The shortest decimal digit string that reads back as the same double, with its decimal point position.
///
/// The value is `0.d₁d₂…dₙ × 10^decimalPoint`; zero has no digits. This is the one place templates need shortest
/// round-trip digits (Go's `strconv.FormatFloat(v, 'g', -1, 64)`); it derives them from Swift's `description`,
/// which is also shortest round-trip, so it can later be pointed at a shared PromText implementation.
struct ShortestDecimal: Equatable {
    /// ASCII digits without leading or trailing zeros.
    var digits: [UInt8]
    /// Position of the decimal point relative to the first digit.
    var decimalPoint: Int

    /// The digits of `abs(value)`; `value` must be finite.
    init(_ value: Double) {
        precondition(value.isFinite, "ShortestDecimal needs a finite value")
        let text = Array(value.magnitude.description.utf8)
        var mantissa = text[...]
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            mantissa = text[..<e]
            exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0
        }
        var digits: [UInt8] = []
        var integerDigits = 0
        var seenPoint = false
        for byte in mantissa {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else {
                digits.append(byte)
                if !seenPoint { integerDigits += 1 }
            }
        }
        var point = integerDigits + exponent
        let leadingZeros = digits.prefix(while: { $0 == UInt8(ascii: "0") }).count
        digits.removeFirst(leadingZeros)
        point -= leadingZeros
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        self.digits = digits
        self.decimalPoint = digits.isEmpty ? 0 : point
    }
}
