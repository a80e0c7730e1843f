import PromText

/// Prometheus durations (`model.Duration`): `1y2w3d4h5m6s7ms`, units in that order, each at most once.
enum PromQLDuration {
    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("y", 365 * 24 * 3_600_000), ("w", 7 * 24 * 3_600_000), ("d", 24 * 3_600_000), ("h", 3_600_000),
        ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// Milliseconds of a duration string, or the message Prometheus (`model.ParseDuration`) gives for a bad one.
    static func milliseconds(of text: String) -> Result<Int64, PromQLDurationError> {
        if text == "0" { return .success(0) }
        let invalid = Result<Int64, PromQLDurationError>.failure(
            PromQLDurationError(message: "not a valid duration string: \(GoString.quoted(text))"))
        if text.isEmpty { return .failure(PromQLDurationError(message: "empty duration string")) }
        var rest = Substring(text)
        var total: Int64 = 0
        var nextUnit = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(digits.count)
            let unitText = rest.prefix { !($0.isASCII && $0.isNumber) }
            rest = rest.dropFirst(unitText.count)
            guard !digits.isEmpty, !unitText.isEmpty, let count = Int64(digits) else { return invalid }
            guard let unitIndex = units.firstIndex(where: { $0.suffix == unitText }) else {
                return .failure(
                    PromQLDurationError(
                        message:
                            "unknown unit \(GoString.quoted(String(unitText))) in duration \(GoString.quoted(text))"))
            }
            guard unitIndex >= nextUnit else { return invalid }
            nextUnit = unitIndex + 1
            let (product, productOverflow) = count.multipliedReportingOverflow(by: units[unitIndex].milliseconds)
            let (sum, sumOverflow) = total.addingReportingOverflow(product)
            guard !productOverflow, !sumOverflow, sum <= Int64.max / 1_000_000 else {
                return .failure(PromQLDurationError(message: "duration out of range"))
            }
            total = sum
        }
        return .success(total)
    }

    /// The canonical text of a non-negative duration, as `model.Duration.String()` prints it (`90m` is `1h30m`;
    /// years and weeks only when they divide evenly).
    static func format(milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        var remaining = milliseconds
        var text = ""
        for (index, unit) in units.enumerated() {
            if index < 2 && remaining % unit.milliseconds != 0 { continue }
            let count = remaining / unit.milliseconds
            if count > 0 {
                text += "\(count)\(unit.suffix)"
                remaining -= count * unit.milliseconds
            }
        }
        return text
    }
}

/// Why a duration string was rejected.
struct PromQLDurationError: Error {
    var message: String
}
