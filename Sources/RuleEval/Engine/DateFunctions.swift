import PromText

/// The calendar functions (`minute`, `hour`, `day_of_week`, ...) over Unix seconds in UTC.
enum DateFunctions {
    /// Which calendar field a function reads.
    enum Part: Sendable {
        case minute, hour, dayOfWeek, dayOfMonth, dayOfYear, daysInMonth, month, year
    }

    static let parts: [String: Part] = [
        "minute": .minute, "hour": .hour, "day_of_week": .dayOfWeek, "day_of_month": .dayOfMonth,
        "day_of_year": .dayOfYear, "days_in_month": .daysInMonth, "month": .month, "year": .year,
    ]

    /// The field of the UTC time `seconds` (truncated to whole seconds, as Go's `time.Unix(int64(v), 0)`).
    static func value(_ part: Part, _ seconds: Double) -> Double {
        guard seconds.isFinite, abs(seconds) < 1e17 else { return .nan }
        let whole = Int64(seconds)
        var days = whole / 86_400
        var secondOfDay = whole % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let date = CivilDate(daysSinceEpoch: days)
        let (year, month, day) = (date.year, date.month, date.day)
        switch part {
        case .minute: return Double(secondOfDay / 60 % 60)
        case .hour: return Double(secondOfDay / 3600)
        case .dayOfWeek: return Double(((days % 7) + 11) % 7)
        case .dayOfMonth: return Double(day)
        case .dayOfYear: return Double(days - CivilDate(year: year, month: 1, day: 1).daysSinceEpoch + 1)
        case .daysInMonth: return Double(daysInMonth(year: year, month: month))
        case .month: return Double(month)
        case .year: return Double(year)
        }
    }

    private static func isLeap(_ year: Int64) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

}
