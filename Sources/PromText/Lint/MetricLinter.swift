/// The naming and metadata lint of `promtool check metrics` (client_golang's `promlint`), over parsed families.
///
/// Rules: help text present; base units; `_total` only and always on counters; `_bucket`/`_count`/`_sum` suffixes
/// and `le`/`quantile` labels reserved for histograms and summaries; no type name in the metric name; no colons;
/// snake_case metric and label names; no abbreviated units.
public enum MetricLinter {
    /// All problems found in `families`, sorted by metric name then text (promtool's deterministic order).
    public static func lint(_ families: [MetricFamily]) -> [LintProblem] {
        families.flatMap(lint(family:)).sorted()
    }

    static func lint(family: MetricFamily) -> [LintProblem] {
        var texts: [String] = []
        if family.help == nil { texts.append("no help text") }
        texts += unitProblems(family.name)
        texts += counterProblems(family)
        texts += reservedNameProblems(family)
        texts += typeInNameProblems(family.name)
        if family.name.contains(":") { texts.append("metric names should not contain ':'") }
        texts += camelCaseProblems(family)
        texts += abbreviationProblems(family.name)
        return texts.map { LintProblem(metric: family.name, text: $0) }
    }

    private static func unitProblems(_ name: String) -> [String] {
        for word in name.split(separator: "_", omittingEmptySubsequences: false) {
            if let base = baseUnits[String(word)] {
                return base == word ? [] : [#"use base unit "\#(base)" instead of "\#(word)""#]
            }
            for prefix in unitPrefixes where word.hasPrefix(prefix) {
                if let base = baseUnits[String(word.dropFirst(prefix.count))] {
                    return [#"use base unit "\#(base)" instead of "\#(word)""#]
                }
            }
        }
        return []
    }

    private static func counterProblems(_ family: MetricFamily) -> [String] {
        let hasTotalSuffix = family.name.hasSuffix("_total")
        switch family.type {
        case .counter where !hasTotalSuffix: return [#"counter metrics should have "_total" suffix"#]
        case .counter, .untyped: return []
        default: return hasTotalSuffix ? [#"non-counter metrics should not have "_total" suffix"#] : []
        }
    }

    private static func reservedNameProblems(_ family: MetricFamily) -> [String] {
        guard family.type != .untyped else { return [] }
        let isHistogram = family.type == .histogram
        let isSummary = family.type == .summary
        var texts: [String] = []
        if !isHistogram && family.name.hasSuffix("_bucket") {
            texts.append(#"non-histogram metrics should not have "_bucket" suffix"#)
        }
        for suffix in ["_count", "_sum"] where !isHistogram && !isSummary && family.name.hasSuffix(suffix) {
            texts.append(#"non-histogram and non-summary metrics should not have "\#(suffix)" suffix"#)
        }
        for label in family.samples.flatMap(\.labels) {
            if !isHistogram && label.name == "le" {
                texts.append(#"non-histogram metrics should not have "le" label"#)
            }
            if !isSummary && label.name == "quantile" {
                texts.append(#"non-summary metrics should not have "quantile" label"#)
            }
        }
        return texts
    }

    private static func typeInNameProblems(_ name: String) -> [String] {
        let lowered = name.lowercased()
        return ["counter", "gauge", "summary", "histogram", "gauge_histogram"].compactMap { typeName in
            containsWord(lowered, typeName) ? "metric name should not include type '\(typeName)'" : nil
        }
    }

    private static func camelCaseProblems(_ family: MetricFamily) -> [String] {
        var texts: [String] = []
        if isCamelCase(family.name) { texts.append("metric names should be written in 'snake_case' not 'camelCase'") }
        for label in family.samples.flatMap(\.labels) where isCamelCase(label.name) {
            texts.append("label names should be written in 'snake_case' not 'camelCase'")
        }
        return texts
    }

    private static func abbreviationProblems(_ name: String) -> [String] {
        let lowered = name.lowercased()
        return unitAbbreviations.filter { containsWord(lowered, $0) }.map { _ in
            "metric names should not contain abbreviated units"
        }
    }

    /// Whether `name` contains `_word_` or ends in `_word`.
    private static func containsWord(_ name: String, _ word: String) -> Bool {
        name.contains("_\(word)_") || name.hasSuffix("_\(word)")
    }

    /// Whether a lowercase ASCII letter is directly followed by an uppercase one (`[a-z][A-Z]`).
    private static func isCamelCase(_ name: String) -> Bool {
        var previousWasLower = false
        for byte in name.utf8 {
            let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            if previousWasLower && isUpper { return true }
            previousWasLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
        }
        return false
    }

    private static let baseUnits: [String: String] = [
        "amperes": "amperes", "bytes": "bytes", "celsius": "celsius", "grams": "grams", "joules": "joules",
        "kelvin": "kelvin", "meters": "meters", "metres": "metres", "seconds": "seconds", "volts": "volts",
        "minutes": "seconds", "hours": "seconds", "days": "seconds", "weeks": "seconds",
        "kelvins": "kelvin", "fahrenheit": "celsius", "rankine": "celsius",
        "inches": "meters", "yards": "meters", "miles": "meters",
        "bits": "bytes", "calories": "joules", "pounds": "grams", "ounces": "grams",
    ]

    private static let unitPrefixes = [
        "pico", "nano", "micro", "milli", "centi", "deci", "deca", "hecto", "kilo", "kibi", "mega", "mibi", "giga",
        "gibi", "tera", "tebi", "peta", "pebi",
    ]

    private static let unitAbbreviations = [
        "s", "ms", "us", "ns", "sec", "b", "kb", "mb", "gb", "tb", "pb", "m", "h", "d",
    ]
}
