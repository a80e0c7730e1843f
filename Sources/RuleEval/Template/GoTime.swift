/// Go's `time.Time.String()` (for UTC times) and `time.Duration.String()`.
enum GoTime {
    /// `time.Unix(...).UTC().String()`: `2015-06-23 13:19:44.128 +0000 UTC`, fraction without trailing zeros.
    static func timeString(unixMilliseconds: Int64) -> String {
        let (days, millisecondOfDay) = unixMilliseconds.quotientAndRemainderFlooring(dividingBy: 86_400_000)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let secondOfDay = millisecondOfDay / 1000
        let millisecond = millisecondOfDay % 1000
        var text = year < 0 ? "-" + padded(-year, 4) : padded(year, 4)
        text += "-" + padded(month, 2) + "-" + padded(day, 2)
        text += " " + padded(secondOfDay / 3600, 2) + ":" + padded(secondOfDay / 60 % 60, 2)
        text += ":" + padded(secondOfDay % 60, 2)
        if millisecond != 0 {
            var fraction = padded(millisecond, 3)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + " +0000 UTC"
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

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(width - text.count, 0)) + text
    }

    /// Howard Hinnant's `civil_from_days`.
    private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

extension Int64 {
    /// Quotient and non-negative remainder (floor division).
    fileprivate func quotientAndRemainderFlooring(dividingBy divisor: Int64) -> (Int64, Int64) {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
