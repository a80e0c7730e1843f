import Exporter
import Foundation
import PromText
import TestSupport
import Testing

@testable import RuleEval

/// The real `tocsin-ruleeval` sends its alerts to the real Alertmanager (Debian's `prometheus-alertmanager`), both
/// on 127.0.0.1: the alert appears there with its labels and start, and when the evaluator is killed the
/// Alertmanager resolves it by itself once `endsAt` (4 × max(evaluation interval, resend delay)) passes.
@Suite(.serialized, .enabled(if: Peers.available("prometheus-alertmanager")), .timeLimit(.minutes(2)))
struct AlertmanagerEndToEndTests {
    static let rules = """
        groups:
          - name: e2e
            rules:
              - alert: DemoUp
                expr: demo > 0
                labels: {severity: critical}
                annotations: {summary: 'demo is {{ $value }}'}

        """

    /// The alerts Alertmanager lists as active.
    static func activeAlerts(port: Int) -> [JSONValue] {
        guard let response = fetch(port: port, path: "/api/v2/alerts?active=true&silenced=false&inhibited=false"),
            case .array(let alerts)? = try? JSONParser.parse(response.body)
        else { return [] }
        return alerts
    }

    @Test func alertsReachAlertmanagerAndExpireThereWhenTheEvaluatorIsKilled() throws {
        let program = try #require(Peers.path(of: "prometheus-alertmanager"))
        let target = try EvaluatorServiceTests.ScriptedTarget()
        defer { target.server.shutdown(gracePeriod: .zero) }
        target.expose("demo 3\n")
        let alertmanagerPort = FreePort.next()
        let directory = try EvaluatorServiceTests.writeConfiguration(
            port: target.port, rules: Self.rules, alertmanager: "127.0.0.1:\(alertmanagerPort)")
        try AtomicFile.write(
            Array("route:\n  receiver: none\nreceivers:\n- name: none\n".utf8), to: directory + "/alertmanager.yml")
        let alertmanager = try BackgroundProcess(
            program,
            [
                "--config.file=\(directory)/alertmanager.yml", "--storage.path=\(directory)/am",
                "--web.listen-address=127.0.0.1:\(alertmanagerPort)", "--cluster.listen-address=",
            ])
        defer { alertmanager.stop() }
        #expect(HTTPFetch.waitFor("http://127.0.0.1:\(alertmanagerPort)/-/ready", timeout: 20), "\(alertmanager.log)")

        let port = FreePort.next()
        let evaluator = try BackgroundProcess(
            Paths.executable("tocsin-ruleeval"),
            [
                "--config.file=\(directory)/prometheus.yml", "--web.listen-address=127.0.0.1:\(port)",
                "--storage.path=\(directory)/data", "--rules.alert.resend-delay=1s", "--web.drain-delay=0s",
            ])
        defer { evaluator.stop() }
        #expect(
            EvaluatorServiceTests.eventually(within: 20) { !Self.activeAlerts(port: alertmanagerPort).isEmpty },
            "\(evaluator.log)")
        let alert = try #require(Self.activeAlerts(port: alertmanagerPort).first)
        #expect(alert["labels"]?["alertname"]?.stringValue == "DemoUp")
        #expect(alert["labels"]?["site"]?.stringValue == "test")
        #expect(alert["labels"]?["severity"]?.stringValue == "critical")
        #expect(alert["annotations"]?["summary"]?.stringValue == "demo is 3")
        let generatorURL = try #require(alert["generatorURL"]?.stringValue)
        #expect(generatorURL.contains("/graph?g0.expr="))
        let startsAt = try #require(alert["startsAt"]?.stringValue.flatMap(RFC3339Time.parse))
        let endsAt = try #require(alert["endsAt"]?.stringValue.flatMap(RFC3339Time.parse))
        // endsAt = send time + 4 × max(evaluation interval 500 ms, resend delay 1 s)
        #expect(endsAt - startsAt >= 4_000 && endsAt - startsAt <= 10_000)

        evaluator.send(SIGKILL)
        #expect(evaluator.waitForExit(timeout: 5) != nil)
        #expect(EvaluatorServiceTests.eventually(within: 15) { Self.activeAlerts(port: alertmanagerPort).isEmpty })
    }
}
