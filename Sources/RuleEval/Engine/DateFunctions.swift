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
        let (year, month, day) = civil(fromDays: days)
        switch part {
        case .minute: return Double(secondOfDay / 60 % 60)
        case .hour: return Double(secondOfDay / 3600)
        case .dayOfWeek: return Double(((days % 7) + 11) % 7)
        case .dayOfMonth: return Double(day)
        case .dayOfYear: return Double(days - self.days(fromYear: year, month: 1, day: 1) + 1)
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

    /// Howard Hinnant's `civil_from_days`.
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Howard Hinnant's `days_from_civil`.
    private static func days(fromYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
