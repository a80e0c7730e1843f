/// Go's `time.Time.String()` (for UTC times) and `time.Duration.String()`.
enum GoTime {
    /// `time.Unix(...).UTC().String()`: `2015-06-23 13:19:44.128 +0000 UTC`, fraction without trailing zeros.
    static func timeString(unixMilliseconds: Int64) -> String {
        format(unixMilliseconds: unixMilliseconds, layout: "2006-01-02 15:04:05.999999999 -0700 MST")
    }

    /// `time.Duration.String()`: `1h2m3.5s`, `1.5µs`, `0s`.
    static func durationString(nanoseconds: Int64) -> String {
        let negative = nanoseconds < 0
        var magnitude = nanoseconds.magnitude
        var text: String
        if magnitude < 1_000_000_000 {
            let unit: String
            let precision: Int
            switch magnitude {
            case 0: return "0s"
            case ..<1000:
                unit = "ns"
                precision = 0
            case ..<1_000_000:
                unit = "µs"
                precision = 3
            default:
                unit = "ms"
                precision = 6
            }
            let fraction = fractionText(&magnitude, precision: precision)
            text = String(magnitude) + fraction + unit
        } else {
            let fraction = fractionText(&magnitude, precision: 9)
            text = String(magnitude % 60) + fraction + "s"
            magnitude /= 60
            if magnitude > 0 {
                text = String(magnitude % 60) + "m" + text
                magnitude /= 60
                if magnitude > 0 { text = String(magnitude) + "h" + text }
            }
        }
        return negative ? "-" + text : text
    }

    /// Go's `fmtFrac`: divides `value` by 10^precision and returns `.digits` without trailing zeros.
    private static func fractionText(_ value: inout UInt64, precision: Int) -> String {
        var digits: [Character] = []
        var printed = false
        for _ in 0..<precision {
            let digit = value % 10
            printed = printed || digit != 0
            if printed { digits.append(Character(String(digit))) }
            value /= 10
        }
        return printed ? "." + String(digits.reversed()) : ""
    }

    /// Zero-padded decimal; negative values keep their sign in front (Go's appendInt).
    static func padded(_ value: Int64, _ width: Int) -> String {
        let text = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(width - text.count, 0)) + text
    }

}

extension Int64 {
    /// Quotient and non-negative remainder (floor division).
    func flooringDivision(by divisor: Int64) -> (Int64, Int64) {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
