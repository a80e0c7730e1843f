/// Formats the numbers that instruments put into label values: a histogram bucket's `le` and a summary's
/// `quantile`.
///
/// The format is client_golang's for the text format, Go's `strconv.FormatFloat(value, 'g', -1, 64)` plus
/// `+Inf`, `-Inf` and `NaN`: the shortest digits that round-trip, in exponent form when the decimal exponent is
/// below -4 or at least 6 (`0.005`, `1`, `2.5`, `1e-05`, `1e+06`). An OpenMetrics writer re-renders these
/// canonically (`1.0`).
enum FloatLabelValue {
    /// The label value for `value`.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return sign + "0" }
        let (digits, decimalPoint) = shortestDigits(of: value.magnitude)
        let exponent = decimalPoint - 1
        if exponent < -4 || exponent >= 6 {
            let mantissa = digits.count > 1 ? "\(digits.prefix(1)).\(digits.dropFirst())" : digits
            let exponentDigits = String(exponent.magnitude)
            let paddedExponent = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
            return "\(sign)\(mantissa)e\(exponent < 0 ? "-" : "+")\(paddedExponent)"
        }
        if decimalPoint <= 0 {
            return sign + "0." + String(repeating: "0", count: -decimalPoint) + digits
        }
        if decimalPoint >= digits.count {
            return sign + digits + String(repeating: "0", count: decimalPoint - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: decimalPoint)
        return "\(sign)\(digits[..<split]).\(digits[split...])"
    }

    /// The shortest round-tripping decimal digits of a positive finite `value` (no leading or trailing zeros) and
    /// the position of the decimal point: `value == 0.<digits> × 10^decimalPoint`.
    ///
    /// Swift's `description` already produces the shortest round-tripping digits, as Go's formatter does; this
    /// only takes them apart from the form Swift chose (`0.005`, `100.0`, `1e-05`, `1.5e+20`).
    private static func shortestDigits(of value: Double) -> (digits: String, decimalPoint: Int) {
        let text = value.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let scale = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0]
        let integerDigits = mantissa.prefix(while: { $0 != "." })
        var digits = Substring(mantissa.filter { $0 != "." })
        var decimalPoint = integerDigits.count + scale
        while digits.first == "0" {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while digits.last == "0" {
            digits.removeLast()
        }
        return (String(digits), decimalPoint)
    }
}
