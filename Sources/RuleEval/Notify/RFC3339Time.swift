import PromText

/// Converts between milliseconds since the Unix epoch and the RFC 3339 texts Alertmanager writes: Go's
/// `time.RFC3339Nano` (JSON of `time.Time`, trailing fractional zeros dropped) and go-openapi's RFC 3339 with
/// exactly three fractional digits (API v2 and silence timestamps). All output is UTC (`Z`).
enum RFC3339Time {
    /// The text of Go's zero `time.Time`, which Alertmanager sends for an unset `endsAt`.
    static let zeroTimeText = "0001-01-01T00:00:00Z"

    /// `time.Time.MarshalJSON` layout: `2006-01-02T15:04:05.999999999Z07:00` in UTC.
    static func rfc3339Nano(milliseconds: Int64) -> String {
        let (seconds, millis) = split(milliseconds)
        var text = dateTime(seconds: seconds)
        if millis != 0 {
            var fraction = String(millis)
            fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    /// go-openapi `strfmt.DateTime` layout: `2006-01-02T15:04:05.000Z07:00` in UTC.
    static func rfc3339Millis(milliseconds: Int64) -> String {
        let (seconds, millis) = split(milliseconds)
        let fraction = String(millis)
        return dateTime(seconds: seconds) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }

    /// Parses an RFC 3339 timestamp (`T` or `t`, optional fraction, `Z` or `±hh:mm`) into milliseconds since the
    /// epoch, truncating sub-millisecond digits; `nil` when the text is not RFC 3339.
    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ width: Int) -> Int64? {
            guard index + width <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[index..<index + width] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            index += width
            return value
        }
        func expect(_ characters: String) -> Bool {
            guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            expect("Tt"), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
            let second = number(2), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var millis: Int64 = 0
        if expect(".") {
            var digits = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                if digits < 3 { millis = millis * 10 + Int64(bytes[index] - UInt8(ascii: "0")) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 3) { millis *= 10 }
        }
        var offsetSeconds: Int64 = 0
        if expect("Zz") {
            offsetSeconds = 0
        } else {
            guard index < bytes.count else { return nil }
            let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard expect("+-"), let offsetHours = number(2), expect(":"), let offsetMinutes = number(2) else {
                return nil
            }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard index == bytes.count else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return seconds * 1000 + millis
    }

    /// Days in `month` of `year` (proleptic Gregorian), for rejecting dates such as February 30 as Go does.
    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func split(_ milliseconds: Int64) -> (seconds: Int64, millis: Int64) {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        return (seconds, milliseconds - seconds * 1000)
    }

    private static func dateTime(seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        let (year, month, day) = (date.year, date.month, date.day)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
    }

}
