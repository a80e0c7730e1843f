import Foundation
import RuleEval
import Testing

/// The texts promtool 2.42 prints, taken from running it on the same files (Tocsin adds the position of a bad
/// template, which promtool leaves out).
@Suite struct CheckRulesCommandTests {
    static let good = """
        groups:
          - name: g
            rules:
              - record: a:b
                expr: sum(up)
              - alert: X
                expr: up == 0
                annotations:
                  summary: "{{ $labels.instance }} down"
        """
    static let bad = """
        groups:
          - name: g
            rules:
              - record: a:b
                expr: sum(up
              - alert: X
                expr: up == 0
                labels:
                  sev: "{{ end }}"
        """
    static let duplicates = """
        groups:
          - name: g
            rules:
              - record: a:b
                expr: sum(up)
              - record: a:b
                expr: sum(up)
                labels: {x: "1"}
              - record: a:b
                expr: up
                labels: {x: "1"}
        """
    static let duplicateMessage = """
        lint error 1 duplicate rule(s) found.
        Metric: a:b
        Label(s):
        \tx: 1
        Might cause inconsistency while recording expressions

        """

    @Test func validFileCountsItsRules() throws {
        let directory = try ScratchDirectory(["good.yml": Self.good])
        #expect(
            directory.check(["rules"], files: ["good.yml"])
                == CommandResult(exitCode: 0, output: "Checking good.yml\n  SUCCESS: 2 rules found\n\n"))
    }

    @Test func expressionAndTemplateErrorsFailTheFile() throws {
        let directory = try ScratchDirectory(["bad.yml": Self.bad, "good.yml": Self.good])
        let result = directory.check(["rules"], files: ["bad.yml", "good.yml"])
        #expect(result.exitCode == 1)
        #expect(result.output == "Checking bad.yml\n\nChecking good.yml\n  SUCCESS: 2 rules found\n\n")
        #expect(
            result.error == """
                  FAILED:
                bad.yml: 5:15: group "g", rule 1, "a:b": could not parse expression: 1:7: parse error: \
                unclosed left parenthesis
                bad.yml: 9:16: group "g", rule 2, "X": label "sev": template: __alert_X:1: unexpected {{end}}

                """)
    }

    @Test func duplicateRulesAreLintedWithoutFailing() throws {
        let directory = try ScratchDirectory(["dup.yml": Self.duplicates])
        let result = directory.check(["rules"], files: ["dup.yml"])
        #expect(
            result
                == CommandResult(
                    exitCode: 0, output: "Checking dup.yml\n\n", error: "  FAILED:\n" + Self.duplicateMessage))
    }

    @Test(arguments: [
        (["--lint-fatal"], 3 as Int32, true),
        (["--lint=none"], 0, false),
        (["--lint=none", "--lint-fatal"], 0, false),
        (["--lint=all", "--lint-fatal"], 3, true),
    ])
    func lintFlagsDecideWhetherDuplicatesCount(flags: [String], exitCode: Int32, reported: Bool) throws {
        let directory = try ScratchDirectory(["dup.yml": Self.duplicates])
        let result = directory.check(["rules"] + flags, files: ["dup.yml"])
        #expect(result.exitCode == exitCode)
        #expect(result.error.contains("duplicate rule(s)") == reported)
        #expect(result.output.contains("SUCCESS: 3 rules found") == !reported)
    }

    @Test func unknownLintOptionsAreWarnedAbout() throws {
        let directory = try ScratchDirectory(["good.yml": Self.good])
        let result = directory.check(["rules", "--lint=foo"], files: ["good.yml"])
        #expect(result.exitCode == 0)
        #expect(result.output.hasPrefix("WARNING: unknown lint option foo\nChecking good.yml\n"))
    }

    @Test(arguments: [
        (["rules"], "tocsin-ruleeval: error: required argument 'rule-files' not provided, try --help\n"),
        (["config"], "tocsin-ruleeval: error: required argument 'config-files' not provided, try --help\n"),
        (
            ["rules", "/nonexistent/x.yml"],
            "tocsin-ruleeval: error: path '/nonexistent/x.yml' does not exist, try --help\n"
        ),
        (["rules", "/"], "tocsin-ruleeval: error: '/' is a directory, try --help\n"),
    ])
    func badCommandLinesExitOne(arguments: [String], message: String) {
        #expect(
            RuleEvalCommandLine.run(["check"] + arguments, readInput: { [] })
                == CommandResult(exitCode: 1, error: message))
    }
}
