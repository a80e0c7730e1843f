import PromText

extension GoTime {
    /// The calendar fields of a UTC instant.
    struct Components {
        var year: Int64
        var month: Int64
        var day: Int64
        var hour: Int64
        var minute: Int64
        var second: Int64
        var nanosecond: Int64
        /// 0 is Sunday.
        var weekday: Int64
        /// 1-based day of the year.
        var yearDay: Int64

        init(unixMilliseconds: Int64) {
            let (days, millisecondOfDay) = unixMilliseconds.flooringDivision(by: 86_400_000)
            let date = CivilDate(daysSinceEpoch: days)
            (year, month, day) = (date.year, date.month, date.day)
            hour = millisecondOfDay / 3_600_000
            minute = millisecondOfDay / 60_000 % 60
            second = millisecondOfDay / 1000 % 60
            nanosecond = millisecondOfDay % 1000 * 1_000_000
            weekday = ((days % 7) + 11) % 7
            yearDay = days - CivilDate(year: year, month: 1, day: 1).daysSinceEpoch + 1
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    private static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Go's `time.Time.Format(layout)` for a UTC time: the reference time `Mon Jan 2 15:04:05 MST 2006` spells
    /// each field.
    static func format(unixMilliseconds: Int64, layout: String) -> String {
        let time = Components(unixMilliseconds: unixMilliseconds)
        let bytes = Array(layout.utf8)
        var out = ""
        var index = 0
        func has(_ prefix: String) -> Bool {
            let prefixBytes = Array(prefix.utf8)
            return index + prefixBytes.count <= bytes.count
                && bytes[index..<(index + prefixBytes.count)].elementsEqual(prefixBytes)
        }
        func take(_ prefix: String, _ text: String) -> Bool {
            guard has(prefix) else { return false }
            index += prefix.utf8.count
            out += text
            return true
        }
        let hour12 = time.hour % 12 == 0 ? 12 : time.hour % 12
        while index < bytes.count {
            let matched =
                take("January", monthNames[Int(time.month) - 1])
                || take("Jan", String(monthNames[Int(time.month) - 1].prefix(3)))
                || take("Monday", weekdayNames[Int(time.weekday)])
                || take("Mon", String(weekdayNames[Int(time.weekday)].prefix(3))) || take("MST", "UTC")
                || take("01", padded(time.month, 2)) || take("02", padded(time.day, 2))
                || take("03", padded(hour12, 2)) || take("04", padded(time.minute, 2))
                || take("05", padded(time.second, 2)) || take("06", padded(time.year % 100, 2))
                || take("002", padded(time.yearDay, 3)) || take("15", padded(time.hour, 2))
                || take("1", String(time.month)) || take("2006", padded(time.year, 4)) || take("2", String(time.day))
                || take("__2", spacePadded(time.yearDay, 3)) || take("_2006", "_" + padded(time.year, 4))
                || take("_2", spacePadded(time.day, 2))
                || take("3", String(hour12)) || take("4", String(time.minute)) || take("5", String(time.second))
                || take("PM", time.hour >= 12 ? "PM" : "AM") || take("pm", time.hour >= 12 ? "pm" : "am")
                || take("-07:00:00", "+00:00:00") || take("-070000", "+000000") || take("-07:00", "+00:00")
                || take("-0700", "+0000") || take("-07", "+00") || take("Z07:00:00", "Z") || take("Z070000", "Z")
                || take("Z07:00", "Z") || take("Z0700", "Z") || take("Z07", "Z")
                || takeFraction(bytes, &index, nanosecond: time.nanosecond, into: &out)
            if !matched {
                out.unicodeScalars.append(Unicode.Scalar(bytes[index]))
                index += 1
            }
        }
        return out
    }

    /// `.000`/`,000` (fixed digits) or `.999` (trailing zeros dropped) when followed by a non-digit.
    private static func takeFraction(_ bytes: [UInt8], _ index: inout Int, nanosecond: Int64, into out: inout String)
        -> Bool
    {
        guard bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ","), index + 1 < bytes.count,
            bytes[index + 1] == UInt8(ascii: "0") || bytes[index + 1] == UInt8(ascii: "9")
        else { return false }
        let digit = bytes[index + 1]
        var end = index + 1
        while end < bytes.count && bytes[end] == digit { end += 1 }
        if end < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { return false }
        let count = min(end - index - 1, 9)
        var digits = String(padded(nanosecond, 9).prefix(count))
        if digit == UInt8(ascii: "9") {
            while digits.hasSuffix("0") { digits.removeLast() }
        }
        if !digits.isEmpty { out += String(Character(Unicode.Scalar(bytes[index]))) + digits }
        index = end
        return true
    }

    private static func spacePadded(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(width - text.count, 0)) + text
    }
}
