/// A duration in Prometheus's syntax (`model.Duration`): `1y2w3d4h5m6s7ms`, units from largest to smallest,
/// each at most once, whole numbers only, and `0` without a unit.
///
/// A year is 365 days and a week 7 days. The value is kept in milliseconds, Prometheus's resolution; like Go's
/// `time.Duration` it cannot exceed about 292 years.
public struct PrometheusDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The duration in milliseconds.
    public var milliseconds: Int64

    /// Creates a duration from milliseconds.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// A duration of `seconds` seconds.
    public static func seconds(_ seconds: Int64) -> PrometheusDuration {
        PrometheusDuration(milliseconds: seconds * 1000)
    }

    /// A duration of `minutes` minutes.
    public static func minutes(_ minutes: Int64) -> PrometheusDuration {
        PrometheusDuration(milliseconds: minutes * 60_000)
    }

    /// The zero duration.
    public static let zero = PrometheusDuration(milliseconds: 0)

    /// The same length as a Swift `Duration`.
    public var duration: Duration { .milliseconds(milliseconds) }

    private static let units: [(name: String, nanoseconds: UInt64)] = [
        ("y", 365 * 24 * 3_600_000_000_000), ("w", 7 * 24 * 3_600_000_000_000), ("d", 24 * 3_600_000_000_000),
        ("h", 3_600_000_000_000), ("m", 60_000_000_000), ("s", 1_000_000_000), ("ms", 1_000_000),
    ]

    /// Parses `text` exactly as `model.ParseDuration` does, with its error messages.
    public init(parsing text: String) throws(PrometheusDurationError) {
        if text == "0" {
            self.init(milliseconds: 0)
            return
        }
        if text.isEmpty { throw PrometheusDurationError(message: "empty duration string") }
        let invalid = PrometheusDurationError(message: "not a valid duration string: \(GoString.quoted(text))")
        var rest = Substring(text)
        var totalNanoseconds: UInt64 = 0
        var lastUnit = -1
        while !rest.isEmpty {
            let number = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard !number.isEmpty, let value = UInt64(number) else { throw invalid }
            rest = rest.dropFirst(number.count)
            let unitName = rest.prefix(while: { !($0.isASCII && $0.isNumber) })
            guard !unitName.isEmpty else { throw invalid }
            rest = rest.dropFirst(unitName.count)
            guard let unit = PrometheusDuration.units.firstIndex(where: { $0.name == unitName }) else {
                throw PrometheusDurationError(
                    message: "unknown unit \(GoString.quoted(String(unitName))) in duration \(GoString.quoted(text))")
            }
            guard unit > lastUnit else { throw invalid }
            lastUnit = unit
            let multiplier = PrometheusDuration.units[unit].nanoseconds
            let outOfRange = PrometheusDurationError(message: "duration out of range")
            guard value <= (1 << 63) / multiplier else { throw outOfRange }
            totalNanoseconds += value * multiplier
            guard totalNanoseconds <= UInt64(Int64.max) else { throw outOfRange }
        }
        self.init(milliseconds: Int64(totalNanoseconds / 1_000_000))
    }

    /// Prometheus's spelling (`model.Duration.String`): `0s`, `1m30s`, `1w`, `1y`.
    public var description: String {
        var rest = milliseconds
        if rest == 0 { return "0s" }
        var text = ""
        for unit in PrometheusDuration.units {
            let size = Int64(unit.nanoseconds / 1_000_000)
            if rest >= size {
                text += "\(rest / size)\(unit.name)"
                rest %= size
            }
        }
        return text
    }

    /// Orders by length.
    public static func < (lhs: PrometheusDuration, rhs: PrometheusDuration) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }
}

/// Why a duration string is not valid, worded as Prometheus words it.
public struct PrometheusDurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message, e.g. `not a valid duration string: "1x"`.
    public var message: String

    /// Creates an error with Prometheus's message.
    public init(message: String) {
        self.message = message
    }

    /// `message`.
    public var description: String { message }
}
