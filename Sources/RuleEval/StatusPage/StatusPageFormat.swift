import Exporter
import PromText

/// How the status page spells times, ages, durations and values: UTC wall-clock times, ages in Prometheus's
/// duration spelling (`42s ago`, `3m5s ago`), measured durations in ms or s.
enum StatusPageFormat {
    /// `2026-11-25 21:19:40 UTC` for a time in milliseconds since the epoch.
    static func timestamp(_ milliseconds: Int64) -> String {
        let seconds = floorDivision(milliseconds, 1000)
        let days = floorDivision(seconds, 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        return "\(date.year)-\(padded(date.month))-\(padded(date.day)) \(timeOfDay(milliseconds)) UTC"
    }

    /// `21:19:40` (UTC) for a time in milliseconds since the epoch.
    static func timeOfDay(_ milliseconds: Int64, withSeconds: Bool = true) -> String {
        let secondOfDay = floorDivision(milliseconds, 1000) - floorDivision(milliseconds, 86_400_000) * 86_400
        let clock = "\(padded(secondOfDay / 3600)):\(padded(secondOfDay / 60 % 60))"
        return withSeconds ? clock + ":\(padded(secondOfDay % 60))" : clock
    }

    /// How long before `now` the moment `time` was, in whole seconds: `0s ago`, `42s ago`, `1h2m3s ago`; `in 5s`
    /// for a time after `now` (a clock step).
    static func age(of time: Int64, now: Int64) -> String {
        let elapsed = now - time
        let spelled = PrometheusDuration(milliseconds: abs(elapsed) / 1000 * 1000).description
        return elapsed >= 0 ? "\(spelled) ago" : "in \(spelled)"
    }

    /// A measured duration: `0.042ms`, `12.345ms`, `1.234s`.
    static func duration(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let totalSeconds = Double(seconds) + Double(attoseconds) / 1e18
        if totalSeconds < 1 {
            return GoFloatFormat.format(totalSeconds * 1000, verb: UInt8(ascii: "f"), precision: 3) + "ms"
        }
        return GoFloatFormat.format(totalSeconds, verb: UInt8(ascii: "f"), precision: 3) + "s"
    }

    /// A sample value as Prometheus prints it (`1`, `0.25`, `1e+06`, `NaN`, `+Inf`).
    static func value(_ value: Double) -> String {
        GoFloatFormat.format(value, verb: UInt8(ascii: "g"), precision: nil)
    }

    private static func floorDivision(_ dividend: Int64, _ divisor: Int64) -> Int64 {
        dividend >= 0 ? dividend / divisor : (dividend - divisor + 1) / divisor
    }

    private static func padded(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
