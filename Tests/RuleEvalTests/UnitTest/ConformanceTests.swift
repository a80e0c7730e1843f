import Foundation
import TestSupport
import Testing

@testable import RuleEval

/// Runs every shared conformance file (`../shared/conformance/promql/*.yml` with promqltest's fuzzy compare,
/// `ruletests/*.test.yml` exactly) and holds the results to docs/conformance.md: a case not listed there must
/// pass, and a listed case must still fail, so the list stays honest. `3x-only-feature` cases use experimental
/// PromQL that Tocsin rejects; they are counted but not held to the list.
@Suite(.serialized) struct ConformanceTests {
    /// One conformance case: `promql/FILE:TEST:CASE` or `ruletests/FILE:TEST`.
    struct Case {
        var key: String
        var status: String
    }

    /// `$TOCSIN_CONFORMANCE_DIR` (for a worktree outside the main checkout), else `Paths.conformance`.
    private static let root: URL =
        ProcessInfo.processInfo.environment["TOCSIN_CONFORMANCE_DIR"].map { URL(fileURLWithPath: $0) }
        ?? Paths.conformance

    private static func promQLCases() throws -> [Case] {
        let manifest = try String(contentsOf: root.appendingPathComponent("promql/MANIFEST.tsv"), encoding: .utf8)
        return manifest.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 6, columns[1] != "-", Int(columns[5]) != nil else { return nil }
            return Case(key: "promql/\(columns[0]):\(columns[1]):\(columns[5])", status: String(columns[4]))
        }
    }

    /// The keys of the cases that failed in `directory`'s files.
    private static func failingKeys(directory: String, files: [String], fuzzy: Bool) -> [String: String] {
        let runner = RuleTestRunner(fuzzyCompare: fuzzy)
        var failing: [String: String] = [:]
        for file in files {
            let path = root.appendingPathComponent("\(directory)/\(file)").path
            for failure in runner.testFailures(fileAt: path) {
                let reason = failure.message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .joined(separator: " ")
                let key: String
                switch (failure.testIndex, failure.expressionIndex) {
                case (let test?, let expression?): key = "\(directory)/\(file):\(test):\(expression)"
                case (let test?, nil): key = "\(directory)/\(file):\(test)"
                default: key = "\(directory)/\(file)"
                }
                failing[key] = reason
            }
        }
        return failing
    }

    /// Whether the case is covered by a failure key (its own, its test group's or its file's).
    private static func failureReason(_ key: String, in failing: [String: String]) -> String? {
        var prefix = key
        while true {
            if let reason = failing[prefix] { return reason }
            guard let colon = prefix.lastIndex(of: ":") else { return nil }
            prefix = String(prefix[..<colon])
        }
    }

    private static func knownFailures() throws -> Set<String> {
        let text = try String(
            contentsOf: Paths.packageRoot.appendingPathComponent("docs/conformance.md"), encoding: .utf8)
        return Set(
            text.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("- `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
                return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
            })
    }

    @Test func promQLCasesPassOrAreListed() throws {
        let cases = try Self.promQLCases()
        let files = Set(cases.map { String($0.key.split(separator: ":")[0].dropFirst("promql/".count)) }).sorted()
        let failing = Self.failingKeys(directory: "promql", files: files, fuzzy: true)
        let known = try Self.knownFailures()
        var passedByStatus: [String: (passed: Int, total: Int)] = [:]
        var unexpected: [String] = []
        var stale: [String] = []
        for testCase in cases {
            let reason = Self.failureReason(testCase.key, in: failing)
            passedByStatus[testCase.status, default: (0, 0)].total += 1
            if reason == nil { passedByStatus[testCase.status, default: (0, 0)].passed += 1 }
            guard testCase.status != "3x-only-feature" else { continue }
            if let reason, !known.contains(testCase.key) { unexpected.append("\(testCase.key) \(reason)") }
            if reason == nil && known.contains(testCase.key) { stale.append(testCase.key) }
        }
        for (status, counts) in passedByStatus.sorted(by: { $0.key < $1.key }) {
            print("conformance promql \(status): \(counts.passed)/\(counts.total)")
        }
        #expect(
            unexpected.isEmpty,
            "failing cases not listed in docs/conformance.md:\n\(unexpected.joined(separator: "\n"))")
        #expect(stale.isEmpty, "listed cases that now pass:\n\(stale.joined(separator: "\n"))")
    }

    @Test func ruleTestsPassOrAreListed() throws {
        let directory = Self.root.appendingPathComponent("ruletests")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".test.yml") }.sorted()
        let failing = Self.failingKeys(directory: "ruletests", files: files, fuzzy: false)
        let known = try Self.knownFailures()
        var total = 0
        var passed = 0
        var unexpected: [String] = []
        var stale: [String] = []
        for file in files {
            let path = directory.appendingPathComponent(file).path
            let tests = try RuleTestFile.parse(String(contentsOfFile: path, encoding: .utf8), fileName: path).tests
            for index in tests.indices {
                let key = "ruletests/\(file):\(index)"
                let reason = Self.failureReason(key, in: failing)
                total += 1
                if reason == nil { passed += 1 }
                if let reason, !known.contains(key) { unexpected.append("\(key) \(reason)") }
                if reason == nil && known.contains(key) { stale.append(key) }
            }
        }
        print("conformance ruletests: \(passed)/\(total)")
        #expect(total == 150)
        #expect(
            unexpected.isEmpty,
            "failing cases not listed in docs/conformance.md:\n\(unexpected.joined(separator: "\n"))")
        #expect(stale.isEmpty, "listed cases that now pass:\n\(stale.joined(separator: "\n"))")
    }
}
