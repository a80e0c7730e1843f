import Foundation
import TestSupport
import Testing

/// Tocsin's own `check` and `test` commands accept the shipped files exactly as promtool does
/// (see PromtoolShippedTests for the peer side).
@Suite("Shipped files under tocsin-ruleeval")
struct TocsinShippedTests {
    private func ruleeval(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(
            Paths.executable("tocsin-ruleeval"), arguments, currentDirectory: Paths.packageRoot, timeout: 120)
    }

    @Test func configurationAndItsRulesPassCheckConfig() throws {
        let result = try ruleeval(["check", "config", "monitoring/prometheus.yml"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("SUCCESS: 1 rule files found"))
    }

    @Test func rulesPassCheckRulesWithLintFatal() throws {
        let result = try ruleeval(["check", "rules", "--lint=all", "--lint-fatal", "monitoring/alert_rules.yml"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    }

    @Test func alertUnitTestsPassUnderTestRules() throws {
        let result = try ruleeval(["test", "rules", "monitoring/alert_rules.test.yml"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("SUCCESS"))
    }

    @Test(arguments: ["monitoring/notifications.yml"])
    func notificationFilePassesCheckConfig(file: String) throws {
        let result = try ruleeval(["check", "config", file])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("SUCCESS: \(file) is valid alertmanager config file syntax"))
    }
}
