/// A duration in Prometheus's syntax (`model.Duration`): units `y w d h m s ms` in that order, each at most once,
/// whole numbers only (`1h30m`, `500ms`, `1d`, `2w`), or `0`.
public struct PrometheusDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The length in milliseconds.
    public var milliseconds: Int64

    /// A duration of `milliseconds`.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// A duration of whole `seconds`.
    public static func seconds(_ seconds: Int64) -> PrometheusDuration {
        PrometheusDuration(milliseconds: seconds * 1000)
    }

    /// The duration as a Swift `Duration`.
    public var duration: Duration { .milliseconds(milliseconds) }

    /// The duration in (fractional) seconds.
    public var seconds: Double { Double(milliseconds) / 1000 }

    /// Why a text is not a Prometheus duration, worded as Prometheus words it.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The text was empty.
        case empty
        /// The text does not fit the syntax.
        case invalid(String)
        /// The value does not fit in 64-bit nanoseconds (Go's `time.Duration`).
        case outOfRange

        public var description: String {
            switch self {
            case .empty: "empty duration string"
            case .invalid(let text): "not a valid duration string: \"\(text)\""
            case .outOfRange: "duration out of range"
            }
        }
    }

    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("y", 365 * 24 * 3_600_000), ("w", 7 * 24 * 3_600_000), ("d", 24 * 3_600_000), ("h", 3_600_000),
        ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// Parses `text` exactly as Prometheus's `model.ParseDuration` does.
    public init(parsing text: some StringProtocol) throws(ParseError) {
        if text == "0" {
            self.init(milliseconds: 0)
            return
        }
        guard !text.isEmpty else { throw .empty }
        let bytes = Array(text.utf8)
        var index = 0
        var nextUnit = 0
        var total: Int64 = 0
        var outOfRange = false
        while index < bytes.count {
            let digitsStart = index
            while index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            guard index > digitsStart else { throw .invalid(String(text)) }
            let unitStart = index
            while index < bytes.count && (bytes[index] < UInt8(ascii: "0") || bytes[index] > UInt8(ascii: "9")) {
                index += 1
            }
            let suffix = String(decoding: bytes[unitStart..<index], as: UTF8.self)
            guard let unitIndex = Self.units[nextUnit...].firstIndex(where: { $0.suffix == suffix }) else {
                throw .invalid(String(text))
            }
            nextUnit = unitIndex + 1
            let multiplier = Self.units[unitIndex].milliseconds
            let digits = bytes[digitsStart..<unitStart]
            // Go: n > (1<<63-1)/mult/time.Millisecond is out of range; the sum must stay positive in nanoseconds.
            let limit = Int64.max / (multiplier * 1_000_000)
            var value: Int64 = 0
            for digit in digits {
                let (product, productOverflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, sumOverflow) = product.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
                if productOverflow || sumOverflow {
                    value = Int64.max
                    break
                }
                value = sum
            }
            if value > limit { outOfRange = true }
            let (sum, overflow) = total.addingReportingOverflow(value.multipliedReportingOverflow(by: multiplier).0)
            if overflow || sum > Int64.max / 1_000_000 { outOfRange = true }
            total = sum
        }
        guard !outOfRange else { throw .outOfRange }
        self.init(milliseconds: total)
    }

    /// Prometheus's canonical text: largest units first, `y` and `w` only when exact, `0s` for zero.
    public var description: String {
        guard milliseconds != 0 else { return "0s" }
        var remaining = milliseconds
        var text = ""
        for (index, unit) in Self.units.enumerated() {
            if index < 2 && remaining % unit.milliseconds != 0 { continue }
            let count = remaining / unit.milliseconds
            if count > 0 {
                text += "\(count)\(unit.suffix)"
                remaining -= count * unit.milliseconds
            }
        }
        return text
    }

    public static func < (lhs: PrometheusDuration, rhs: PrometheusDuration) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }
}
