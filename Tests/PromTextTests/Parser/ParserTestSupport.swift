@testable import PromText

/// What a parse produced, in a form tests compare: every entry as text, or the error.
struct ParseOutcome: Equatable, CustomStringConvertible {
    var entries: [String] = []
    var error: ExpositionError?

    init(_ text: String, format: ExpositionFormat, strictness: ExpositionStrictness = .prometheus) {
        self.init(Array(text.utf8), format: format, strictness: strictness)
    }

    init(_ bytes: [UInt8], format: ExpositionFormat, strictness: ExpositionStrictness = .prometheus) {
        var parser = ExpositionParser(bytes: bytes, format: format, strictness: strictness)
        do {
            while let entry = try parser.next() {
                entries.append(Self.describe(entry, parser))
            }
        } catch {
            self.error = error
        }
    }

    /// `sample name{a="1"} value @ts # {labels} value @ts`, `help name text`, `type name keyword`, ...
    static func describe(_ entry: ExpositionEntry, _ parser: ExpositionParser) -> String {
        switch entry {
        case .help: return "help \(parser.metricName) \(parser.help)"
        case .type: return "type \(parser.metricName) \(parser.metricType.openMetricsKeyword)"
        case .unit: return "unit \(parser.metricName) \(parser.unit)"
        case .comment: return "comment \(parser.comment)"
        case .sample:
            var text = "sample \(parser.metricName)\(render(parser.labels)) \(parser.value)"
            if let timestamp = parser.timestampMilliseconds { text += " @\(timestamp)" }
            if let exemplar = parser.exemplar {
                text += " # \(render(exemplar.labels)) \(exemplar.value)"
                if let timestamp = exemplar.timestampMilliseconds { text += " @\(timestamp)" }
            }
            return text
        }
    }

    static func render(_ labels: Labels) -> String {
        labels.isEmpty
            ? "" : "{" + labels.map { "\($0.name)=\($0.value.debugDescription)" }.joined(separator: ",") + "}"
    }

    var description: String { error.map { "error \($0)" } ?? entries.joined(separator: " | ") }
}
