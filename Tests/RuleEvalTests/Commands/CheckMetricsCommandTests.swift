import Foundation
import PromText
import TestSupport
import Testing

@testable import RuleEval

@Suite struct CheckMetricsCommandTests {
    private func run(_ input: String, _ arguments: [String] = []) -> CommandResult {
        RuleEvalCommandLine.run(["check", "metrics"] + arguments, readInput: { Array(input.utf8) })
    }

    @Test func cleanInputExitsZeroSilently() {
        let result = run("# HELP up Whether the target is up.\n# TYPE up gauge\nup 1\n")
        #expect(result == CommandResult(exitCode: 0))
    }

    @Test func lintProblemsExitThreeOnePerLine() {
        let result = run("# TYPE requests counter\nrequests 1\n")
        #expect(result.exitCode == 3)
        #expect(result.error == "requests counter metrics should have \"_total\" suffix\nrequests no help text\n")
    }

    @Test func parseErrorsExitOneWithPosition() {
        let result = run("# HELP x y\nx{a=\"1\" 2\n")
        #expect(result.exitCode == 1)
        #expect(result.error.hasPrefix("error while linting: 2:"))
    }

    @Test func openMetricsIsCheckedAgainstTheSpecification() {
        let negativeCounter = "# TYPE c counter\n# HELP c h\nc_total -1\n# EOF\n"
        #expect(run(negativeCounter, ["--content-type=application/openmetrics-text; version=1.0.0"]).exitCode == 1)
        #expect(
            run("# HELP g h\n# TYPE g gauge\ng 1\n# EOF\n", ["--content-type=application/openmetrics-text"]).exitCode
                == 0)
    }

    @Test func jsonLinesCarryLabelsValueAndTimestamp() {
        let result = run(
            "# HELP m h\n# TYPE m gauge\nm{b=\"2\",a=\"1\",e=\"\"} 12345678901234567890 1700000000000\nm 1e-7\n",
            ["--format=json"])
        #expect(result.exitCode == 0)
        #expect(
            result.output == """
                {"labels":{"__name__":"m","a":"1","b":"2"},"value":"12345678901234567000","timestamp_ms":1700000000000}
                {"labels":{"__name__":"m"},"value":"1e-07","timestamp_ms":null}

                """)
    }

    @Test(arguments: [["check"], ["check", "metrics", "--format=xml"], ["check", "metrics", "extra"], []])
    func badCommandLinesExitTwo(arguments: [String]) {
        #expect(RuleEvalCommandLine.run(arguments, readInput: { [] }).exitCode == 2)
    }

    /// Every OpenMetrics parser case the OpenMetrics project marks `shouldParse: false` is flagged (a parse error
    /// or a lint finding), and no `shouldParse: true` case is a parse error.
    @Test func flagsEveryInvalidOpenMetricsCase() throws {
        let cases = Paths.conformance.appendingPathComponent("openmetrics/cases")
        let names = try FileManager.default.contentsOfDirectory(atPath: cases.path).sorted()
        #expect(names.count == 211)
        var disagreements: [String] = []
        for name in names {
            let folder = cases.appendingPathComponent(name)
            let testJSON = try String(contentsOf: folder.appendingPathComponent("test.json"), encoding: .utf8)
            let shouldParse = testJSON.contains("\"shouldParse\": true") || testJSON.contains("\"shouldParse\":true")
            let payload = try [UInt8](Data(contentsOf: folder.appendingPathComponent("metrics")))
            let result = RuleEvalCommandLine.run(
                ["check", "metrics", "--content-type=application/openmetrics-text; version=1.0.0"],
                readInput: { payload })
            if shouldParse ? result.exitCode == 1 : result.exitCode == 0 {
                disagreements.append("\(name) (shouldParse \(shouldParse), exit \(result.exitCode)) \(result.error)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }
}
