import Foundation
import TestSupport
import Testing

@testable import RuleEval

/// Every expression of the shared conformance files parses, prints, and parses back to the same tree.
///
/// The expressions are read with Tocsin's own YAML parser: each `promql_expr_test` case of
/// `conformance/promql/*.yml` (its status from `promql/MANIFEST.tsv`) and every `expr` anywhere in
/// `conformance/ruletests/*.yml` (status `ruletest`). Cases the manifest marks `3x-only-feature` may use
/// experimental Prometheus features; those may fail, but only with an "unsupported" error.
@Suite struct ConformanceExpressionTests {
    struct Case: CustomTestStringConvertible, Hashable, Sendable {
        var file: String
        var status: String
        var expression: String
        var testDescription: String { "\(file): \(expression)" }
    }

    static let conformance = Paths.conformance

    static let cases: [Case] = (try? loadCases()) ?? []

    static func loadCases() throws -> [Case] {
        let statuses = try manifestStatuses()
        var cases: [Case] = []
        for (name, root) in try documents(in: "promql") {
            for (testIndex, test) in sequence(field("tests", of: root)).enumerated() {
                for (caseIndex, testCase) in sequence(field("promql_expr_test", of: test)).enumerated() {
                    guard let expression = field("expr", of: testCase)?.scalar?.text else { continue }
                    let status = statuses["\(name)\t\(testIndex)\t\(caseIndex)"] ?? "unknown"
                    cases.append(Case(file: name, status: status, expression: expression))
                }
            }
        }
        for (name, root) in try documents(in: "ruletests") {
            for expression in expressions(in: root) {
                cases.append(Case(file: name, status: "ruletest", expression: expression))
            }
        }
        var seen = Set<Case>()
        return cases.filter { seen.insert($0).inserted }
    }

    /// `file<TAB>test index<TAB>case index` to status, from `promql/MANIFEST.tsv`.
    static func manifestStatuses() throws -> [String: String] {
        let manifest = try String(contentsOf: conformance.appending(path: "promql/MANIFEST.tsv"), encoding: .utf8)
        var statuses: [String: String] = [:]
        for line in manifest.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 6, fields[1] != "-", !fields[5].isEmpty else { continue }
            statuses["\(fields[0])\t\(fields[1])\t\(fields[5])"] = String(fields[4])
        }
        return statuses
    }

    /// Every `.yml` file of a conformance folder, parsed, by file name.
    static func documents(in folder: String) throws -> [(String, YAMLNode)] {
        let directory = conformance.appending(path: folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yml") }.sorted()
            .map { name in
                let bytes = try Data(contentsOf: directory.appending(path: name))
                return (name, try YAMLParser.parse(Array(bytes), fileName: name))
            }
    }

    static func field(_ key: String, of node: YAMLNode) -> YAMLNode? {
        guard case .mapping(let mapping) = node.content else { return nil }
        return mapping[key]
    }

    static func sequence(_ node: YAMLNode?) -> [YAMLNode] {
        guard case .sequence(let items)? = node?.content else { return [] }
        return items
    }

    /// The scalar value of every `expr` key in the tree, in document order.
    static func expressions(in node: YAMLNode) -> [String] {
        switch node.content {
        case .scalar: return []
        case .sequence(let items): return items.flatMap(expressions)
        case .mapping(let mapping):
            return mapping.entries.flatMap { entry in
                if entry.key == "expr", let text = entry.value.scalar?.text { return [text] }
                return expressions(in: entry.value)
            }
        }
    }

    @Test func everyConformanceFileIsRead() {
        #expect(Self.cases.count > 1500)
        #expect(Self.cases.contains { $0.status == "ruletest" })
    }

    /// How many cases of each manifest status are rejected as unsupported experimental features. Only
    /// `3x-only-feature` cases may be; the counts move only when feature support changes.
    @Test func rejectsOnlyExperimentalCases() {
        var rejected: [String: Int] = [:]
        for testCase in Self.cases {
            do {
                _ = try PromQLParser.parse(testCase.expression)
            } catch {
                rejected[testCase.status, default: 0] += 1
            }
        }
        #expect(rejected == ["3x-only-feature": 176])
    }

    @Test(arguments: cases)
    func expressionRoundTrips(_ testCase: Case) throws {
        let parsed: RuleEval.Expression
        do throws(PromQLError) {
            parsed = try PromQLParser.parse(testCase.expression)
        } catch {
            #expect(testCase.status == "3x-only-feature", "\(error)")
            #expect(error.kind == .unsupported, "\(error)")
            return
        }
        let printed = parsed.description
        let reparsed = try PromQLParser.parse(printed)
        #expect(reparsed.strippingPositions() == parsed.strippingPositions(), "printed as \(printed)")
    }
}
