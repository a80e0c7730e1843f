extension TemplateValue {
    /// The Go method `name` of this value, bound to it, as templates call them (`(toTime $v).Format "2006"`).
    ///
    /// `*time.Time`, `*time.Duration` and Alertmanager's `template.KV`, `template.Pairs` and `template.Alerts`
    /// have methods templates use; other values have none.
    func method(named name: String) -> TemplateFunction? {
        switch self {
        case .time(let milliseconds): Self.timeMethod(name, milliseconds)
        case .duration(let nanoseconds): Self.durationMethod(name, nanoseconds)
        case .keyValues(let map): Self.keyValuesMethod(name, map)
        case .list(let list): Self.listMethod(name, list)
        default: nil
        }
    }

    private static func timeMethod(_ name: String, _ milliseconds: Int64) -> TemplateFunction? {
        let time = GoTime.Components(unixMilliseconds: milliseconds)
        let integer: Int64
        switch name {
        case "Format":
            return TemplateFunction([.string]) { arguments, _ in
                .string(GoTime.format(unixMilliseconds: milliseconds, layout: arguments[0].stringKindValue ?? ""))
            }
        case "String": return constant(.string(GoTime.timeString(unixMilliseconds: milliseconds)))
        case "UTC": return constant(.time(milliseconds: milliseconds))
        case "Unix": integer = milliseconds.flooringDivision(by: 1000).0
        case "UnixMilli": integer = milliseconds
        case "UnixNano": integer = milliseconds &* 1_000_000
        case "Year": integer = time.year
        case "Day": integer = time.day
        case "Hour": integer = time.hour
        case "Minute": integer = time.minute
        case "Second": integer = time.second
        case "Nanosecond": integer = time.nanosecond
        case "YearDay": integer = time.yearDay
        default: return nil
        }
        return constant(.int(Int(integer)))
    }

    private static func durationMethod(_ name: String, _ nanoseconds: Int64) -> TemplateFunction? {
        switch name {
        case "String": constant(.string(GoTime.durationString(nanoseconds: nanoseconds)))
        case "Seconds": constant(.float(Double(nanoseconds) / 1e9))
        case "Minutes": constant(.float(Double(nanoseconds) / 6e10))
        case "Hours": constant(.float(Double(nanoseconds) / 3.6e12))
        case "Milliseconds": constant(.int(Int(nanoseconds / 1_000_000)))
        case "Microseconds": constant(.int(Int(nanoseconds / 1000)))
        case "Nanoseconds": constant(.int(Int(nanoseconds)))
        default: nil
        }
    }

    static func constant(_ value: TemplateValue) -> TemplateFunction {
        TemplateFunction([]) { _, _ in value }
    }
}
