import Glibc
import TestSupport
import Testing

@testable import RuleEval

/// Checks template expansion against the promtool outputs in shared/conformance/ruletests without a rule engine:
/// each expected annotation is matched against the rule's template with every action as a wildcard; the text
/// captured for `{{ $value }}` gives back the exact sample value (Go prints the shortest round-trip form) and the
/// `{{ $labels.x }}` captures give the labels, so expanding the template must reproduce the expected text byte for
/// byte, humanize and printf parts included.
@Suite
struct ConformanceAnnotationTests {
    @Test func everyRuleTemplateParses() throws {
        var count = 0
        #expect(ConformanceFiles.batches().count == 15, "shared/conformance/ruletests not found")
        for batch in ConformanceFiles.batches() {
            for entry in ConformanceFiles.entries(in: batch.rules, header: "annotations:", indent: 6)
                + ConformanceFiles.entries(in: batch.rules, header: "labels:", indent: 6)
            {
                _ = try AlertTemplate.parse(entry.value, name: entry.alert)
                count += 1
            }
        }
        #expect(count > 300)
    }

    @Test func expectedAnnotationsAreReproduced() throws {
        var verified = 0
        var mismatches: [String] = []
        for batch in ConformanceFiles.batches() {
            let templates = ConformanceFiles.entries(in: batch.rules, header: "annotations:", indent: 6).filter {
                $0.value.contains("{{ $value }}")
            }
            for (alert, key, expected) in ConformanceFiles.entries(
                in: batch.tests, header: "exp_annotations:", indent: 8)
            {
                var candidates: [String] = []
                for (templateAlert, templateKey, template) in templates
                where templateKey == key && templateAlert == alert {
                    guard let (labels, value) = try Self.recover(expected, from: template) else { continue }
                    candidates.append(
                        AlertTemplate.expand(
                            template, name: "Conformance",
                            data: AlertTemplateData(labels: labels, externalLabels: [:], externalURL: "", value: value),
                            evaluationTime: 0, query: nil))
                }
                guard !candidates.isEmpty else { continue }
                if candidates.contains(expected) {
                    verified += 1
                } else {
                    mismatches.append("expected \(expected), got \(candidates)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(verified > 100)
    }

    /// Matches `text` against `template` with actions as wildcards; returns the labels and value the actions saw.
    private static func recover(_ text: String, from template: String) throws -> ([String: String], Double)? {
        var pattern = "^"
        var actions: [String] = []
        var rest = Substring(template)
        while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
            pattern += escaped(rest[..<open.lowerBound]) + "(.*?)"
            actions.append(rest[open.upperBound..<close.lowerBound].trimmingSpaces())
            rest = rest[close.upperBound...]
        }
        pattern += escaped(rest) + "$"
        guard let match = try Regex(pattern).wholeMatch(in: text) else { return nil }
        var labels: [String: String] = [:]
        var value: Double?
        for (index, action) in actions.enumerated() {
            let captured = match.output[index + 1].substring.map(String.init) ?? ""
            if action == "$value" {
                guard let parsed = try? GoStrings.parseFloat(captured) else { return nil }
                value = parsed
            } else if action.hasPrefix("$labels.") {
                labels[String(action.dropFirst("$labels.".count))] = captured
            }
        }
        guard let value else { return nil }
        return (labels, value)
    }

    private static func escaped(_ literal: Substring) -> String {
        var out = ""
        for character in literal {
            if character.isASCII && !(character.isLetter || character.isNumber || character == " ") { out += "\\" }
            out.append(character)
        }
        return out
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

/// Locates and reads shared/conformance/ruletests (beside the repository, as CI lays it out).
enum ConformanceFiles {
    static let directory: String = Paths.conformance.appendingPathComponent("ruletests").path

    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `key: value` lines indented by `indent` spaces under a line ending in `header`, YAML single quotes removed,
    /// each with the alert it belongs to (the last `alert:` or `alertname:` line before it).
    static func entries(in text: String, header: String, indent: Int) -> [(alert: String, key: String, value: String)] {
        var result: [(String, String, String)] = []
        var inside = false
        var alert = ""
        let prefix = String(repeating: " ", count: indent)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " || $0 == "-" })
            for marker in ["alert: ", "alertname: "] where trimmed.hasPrefix(marker) {
                alert = String(trimmed.dropFirst(marker.count))
            }
            if line.hasSuffix(header) {
                inside = true
                continue
            }
            guard inside, line.hasPrefix(prefix), !line.dropFirst(indent).hasPrefix(" ") else {
                inside = false
                continue
            }
            let body = line.dropFirst(indent)
            guard let colon = body.firstIndex(of: ":") else { continue }
            var value = String(body[body.index(colon, offsetBy: 2)...])
            if value.hasPrefix("'") && value.hasSuffix("'") && value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacing("''", with: "'")
            }
            result.append((alert, String(body[..<colon]), value))
        }
        return result
    }

    static func batches() -> [(rules: String, tests: String)] {
        return (1...99).compactMap { index in
            let number = (index < 10 ? "00" : "0") + String(index)
            guard let rules = read("\(directory)/batch_\(number).rules.yml"),
                let tests = read("\(directory)/batch_\(number).test.yml")
            else { return nil }
            return (rules, tests)
        }
    }
}
