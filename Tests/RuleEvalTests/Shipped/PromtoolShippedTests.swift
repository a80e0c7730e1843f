import Foundation
import TestSupport
import Testing

/// The shipped Prometheus configuration, rules and rule unit tests, checked by the real promtool.
@Suite("Shipped monitoring files pass promtool")
struct PromtoolShippedTests {
    @Test("monitoring/prometheus.yml passes promtool check config", .enabled(if: Peers.available("promtool")))
    func configurationIsValid() throws {
        let result = try ShippedPeer.run(
            "promtool",
            ["check", "config", "--lint=all", "--lint-fatal", "monitoring/prometheus.yml"]
        )
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("WARNING"), "\(result.output)")
    }

    @Test(
        "monitoring/alert_rules.yml passes promtool check rules with every lint",
        .enabled(if: Peers.available("promtool")))
    func rulesAreValidAndLintFree() throws {
        let result = try ShippedPeer.run(
            "promtool",
            ["check", "rules", "--lint=all", "--lint-fatal", "monitoring/alert_rules.yml"]
        )
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("WARNING"), "\(result.output)")
    }

    @Test("monitoring/alert_rules.test.yml passes promtool test rules", .enabled(if: Peers.available("promtool")))
    func ruleUnitTestsPass() throws {
        let result = try ShippedPeer.run("promtool", ["test", "rules", "monitoring/alert_rules.test.yml"])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("every alert and severity has a firing and a quiet unit test")
    func everyAlertIsUnitTested() throws {
        let rules = try ShippedText("monitoring/alert_rules.yml")
        let tests = try RuleUnitTestIndex(ShippedText("monitoring/alert_rules.test.yml"))
        var alerts: [String: Set<String>] = [:]
        var alertName: String?
        for line in rules.lines.map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("- alert: ") { alertName = String(line.dropFirst("- alert: ".count)) }
            if line.hasPrefix("severity: "), let name = alertName {
                alerts[name, default: []].insert(String(line.dropFirst("severity: ".count)))
            }
        }
        let rulesBySeverity = alerts.values.map(\.count).reduce(0, +)
        #expect(rulesBySeverity >= 18, "11 alerts in the threshold table and 7 on Tocsin itself: \(alerts)")
        for (name, severities) in alerts {
            #expect(tests.quietAlertNames.contains(name), "no test expects \(name) not to fire")
            for severity in severities {
                #expect(
                    tests.firing[name, default: []].contains(severity), "no test expects \(name) \(severity) to fire")
            }
        }
    }

    @Test("every runbook_url points at a section of monitoring/runbooks.md")
    func runbooksExist() throws {
        let rules = try ShippedText("monitoring/alert_rules.yml")
        let headings = Set(
            try ShippedText("monitoring/runbooks.md").lines.filter { $0.hasPrefix("## ") }
                .map { "#" + $0.dropFirst(3).lowercased() }
        )
        let prefix = "runbook_url: 'https://github.com/tocsin/tocsin/blob/main/monitoring/runbooks.md"
        var count = 0
        for line in rules.lines.map({ $0.trimmingCharacters(in: .whitespaces) }) where line.hasPrefix("runbook_url:") {
            count += 1
            #expect(line.hasPrefix(prefix), "\(line)")
            let anchor = String(line.dropFirst(prefix.count).dropLast())
            #expect(headings.contains(anchor), "no runbook section for \(anchor)")
        }
        #expect(count == rules.lines.filter { $0.contains("- alert: ") }.count, "every alert has a runbook_url")
    }

    @Test("every Grafana dashboard query is valid PromQL", .enabled(if: Peers.available("promtool")))
    func dashboardQueriesParse() throws {
        let dashboard = try ShippedText("deploy/grafana/tocsin.json")
        let expressions = try GrafanaDashboard(json: Data(dashboard.text.utf8)).expressions
        #expect(expressions.count >= 20)
        let directory = try ShippedPeer.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // promtool checks PromQL in rule files: make each query a recording rule, with Grafana's variables
        // replaced by what Grafana substitutes.
        var rules = "groups:\n  - name: dashboard\n    rules:\n"
        for (index, expression) in expressions.enumerated() {
            let query = expression.replacingOccurrences(of: "$__rate_interval", with: "1m")
                .replacingOccurrences(of: "$instance", with: ".+")
            rules +=
                "      - record: dashboard:query:\(index)\n        expr: '\(query.replacingOccurrences(of: "'", with: "''"))'\n"
        }
        let file = directory.appendingPathComponent("dashboard.rules.yml")
        try rules.write(to: file, atomically: true, encoding: .utf8)
        let result = try ShippedPeer.run("promtool", ["check", "rules", file.path])
        #expect(result.status == 0, "\(result.output)")
    }
}

/// Which alerts `alert_rules.test.yml` expects to fire (with which severities) and expects to stay quiet, read
/// from its `alert_rule_test` cases (`alertname:` then `exp_alerts: []` or a list of alerts with `severity:`).
struct RuleUnitTestIndex {
    /// Severities each alertname is expected to fire with somewhere.
    var firing: [String: Set<String>] = [:]
    /// Alertnames some case expects not to fire at all.
    var quietAlertNames: Set<String> = []

    init(_ file: ShippedText) {
        var current: String?
        for line in file.lines.map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("- eval_time:") { current = nil }
            if line.hasPrefix("alertname: ") { current = String(line.dropFirst("alertname: ".count)) }
            guard let name = current else { continue }
            if line == "exp_alerts: []" { quietAlertNames.insert(name) }
            if line.hasPrefix("severity: ") { firing[name, default: []].insert(String(line.dropFirst(10))) }
        }
    }
}
