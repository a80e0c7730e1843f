import Glibc
import PromText

/// Runs promtool rule unit-test files (`promtool test rules`): loads the input series, evaluates the rule groups
/// at every evaluation interval up to the last test time, compares the firing alerts and expression results,
/// and reports in promtool's words.
public struct RuleTestRunner: Sendable {
    /// Only test groups whose name matches (unanchored) are run; nil runs all.
    public var runPattern: String?

    /// When set, overrides each file's `fuzzy_compare`.
    public var fuzzyCompare: Bool?

    /// Creates a runner.
    public init(runPattern: String? = nil, fuzzyCompare: Bool? = nil) {
        self.runPattern = runPattern
        self.fuzzyCompare = fuzzyCompare
    }

    /// The outcome of one file: what promtool prints to standard output and standard error, and whether it passed.
    public struct FileResult: Sendable {
        /// Standard output: `Unit Testing:  FILE`, then `  SUCCESS` or an empty line.
        public var output: String
        /// Standard error: the `  FAILED:` block.
        public var error: String
        /// The failures, each as promtool prints it.
        public var failures: [RuleTestFailure]
        /// Whether every test group passed.
        public var passed: Bool { failures.isEmpty }
    }

    /// Runs one test file.
    public func run(fileAt path: String) -> FileResult {
        let failures = testFailures(fileAt: path)
        var output = "Unit Testing:  \(path)\n"
        var error = ""
        if failures.isEmpty {
            output += "  SUCCESS\n"
        } else {
            error += "  FAILED:\n"
            for failure in failures {
                error += failure.message + "\n"
                output += "\n"
            }
        }
        output += "\n"
        return FileResult(output: output, error: error, failures: failures)
    }

    /// The failures of every selected test group in the file at `path`.
    public func testFailures(fileAt path: String) -> [RuleTestFailure] {
        let file: RuleTestFile
        do {
            let bytes = try readFile(atPath: path)
            file = try RuleTestFile.parse(String(decoding: bytes, as: UTF8.self), fileName: path)
        } catch {
            return [RuleTestFailure(message: "\(error)")]
        }
        let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        var groups: [RuleFile.Group] = []
        for pattern in file.ruleFiles {
            let resolved = pattern.hasPrefix("/") ? pattern : directory + "/" + pattern
            for rulePath in Self.glob(resolved) {
                do {
                    groups += try RuleFile.load(fileAt: rulePath).groups
                } catch {
                    return [RuleTestFailure(message: "\(error)")]
                }
            }
        }
        var rank: [String: Int] = [:]
        for (index, name) in file.groupEvaluationOrder.enumerated() {
            guard rank.updateValue(index, forKey: name) == nil else {
                return [RuleTestFailure(message: "group name repeated in evaluation order: \(name)")]
            }
        }
        // promtool's partial order: groups not named in group_eval_order rank as 0.
        groups = groups.enumerated().sorted {
            (rank[$0.element.name] ?? 0, $0.offset) < (rank[$1.element.name] ?? 0, $1.offset)
        }.map(\.element)
        let matcher = runPattern.flatMap { GoRegex($0) }
        var failures: [RuleTestFailure] = []
        for (index, test) in file.tests.enumerated() {
            if let matcher, !matcher.matches(test.name) { continue }
            var run = TestGroupRun(
                file: file, test: test, testIndex: index, groups: groups,
                fuzzyCompare: fuzzyCompare ?? file.fuzzyCompare)
            failures += run.run()
        }
        return failures
    }

    private static func glob(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard Glibc.glob(pattern, 0, nil, &matches) == 0 else { return [] }
        return (0..<Int(matches.gl_pathc)).compactMap { index in
            matches.gl_pathv[index].map { String(cString: $0) }
        }
    }
}
