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
        let labelNames = labelNameOccurrences(family)
        var texts: [String] = []
        if family.help == nil { texts.append("no help text") }
        texts += unitProblems(family.name)
        texts += counterProblems(family)
        texts += reservedNameProblems(family, labelNames: labelNames)
        texts += typeInNameProblems(family.name)
        if family.name.utf8.contains(UInt8(ascii: ":")) { texts.append("metric names should not contain ':'") }
        texts += camelCaseProblems(family.name, labelNames: labelNames)
        texts += abbreviationProblems(family.name)
        return texts.map { LintProblem(metric: family.name, text: $0) }
    }

    private static func unitProblems(_ name: String) -> [String] {
        for word in name.utf8.split(separator: UInt8(ascii: "_"), omittingEmptySubsequences: false) {
            let text = String(decoding: word, as: UTF8.self)
            if let base = baseUnits[text] {
                return base == text ? [] : [#"use base unit "\#(base)" instead of "\#(text)""#]
            }
            for prefix in unitPrefixes where word.starts(with: prefix.utf8) {
                if let base = baseUnits[String(decoding: word.dropFirst(prefix.utf8.count), as: UTF8.self)] {
                    return [#"use base unit "\#(base)" instead of "\#(text)""#]
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

    /// Each label name of the family's samples with how many samples carry it, in first-seen order; promlint
    /// reports a label problem once per sample that has the label.
    private static func labelNameOccurrences(_ family: MetricFamily) -> [(name: String, count: Int)] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        var run: (labels: Labels, count: Int)?
        func flush() {
            guard let run else { return }
            for label in run.labels {
                if counts[label.name] == nil { order.append(label.name) }
                counts[label.name, default: 0] += run.count
            }
        }
        // Consecutive samples usually carry the same label names; count runs instead of hashing every label.
        for sample in family.samples {
            if let current = run, current.labels.count == sample.labels.count,
                zip(current.labels, sample.labels).allSatisfy({ $0.name == $1.name })
            {
                run?.count += 1
            } else {
                flush()
                run = (sample.labels, 1)
            }
        }
        flush()
        return order.map { ($0, counts[$0] ?? 0) }
    }

    private static func reservedNameProblems(
        _ family: MetricFamily, labelNames: [(name: String, count: Int)]
    ) -> [String] {
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
        for (name, count) in labelNames {
            if !isHistogram && name == "le" {
                texts += repeatElement(#"non-histogram metrics should not have "le" label"#, count: count)
            }
            if !isSummary && name == "quantile" {
                texts += repeatElement(#"non-summary metrics should not have "quantile" label"#, count: count)
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

    private static func camelCaseProblems(_ name: String, labelNames: [(name: String, count: Int)]) -> [String] {
        var texts: [String] = []
        if isCamelCase(name) { texts.append("metric names should be written in 'snake_case' not 'camelCase'") }
        for (labelName, count) in labelNames where isCamelCase(labelName) {
            texts += repeatElement("label names should be written in 'snake_case' not 'camelCase'", count: count)
        }
        return texts
    }

    private static func abbreviationProblems(_ name: String) -> [String] {
        let lowered = name.lowercased()
        return unitAbbreviations.filter { containsWord(lowered, $0) }.map { _ in
            "metric names should not contain abbreviated units"
        }
    }

    /// Whether `name` contains `_word_` or ends in `_word` (byte-wise; `word` is lowercase ASCII).
    private static func containsWord(_ name: String, _ word: String) -> Bool {
        let haystack = Array(name.utf8)
        let needle = Array(word.utf8)
        guard haystack.count > needle.count else { return false }
        var start = 0
        while start + needle.count < haystack.count {
            if haystack[start] == UInt8(ascii: "_")
                && haystack[(start + 1)...].starts(with: needle)
                && (start + 1 + needle.count == haystack.count
                    || haystack[start + 1 + needle.count] == UInt8(ascii: "_"))
            {
                return true
            }
            start += 1
        }
        return false
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
