import Foundation
import PromText
import TestSupport
import Testing

@testable import RuleEval

/// Sends rule alerts through ``AlertmanagerNotifier`` to the real Alertmanager (`prometheus-alertmanager`) on
/// 127.0.0.1 and reads them back from its API v2.
@Suite(.enabled(if: Peers.available("prometheus-alertmanager")), .timeLimit(.minutes(2)))
struct AlertmanagerSenderInteropTests {
    static let labels: Labels = ["alertname": "TocsinInterop", "job": "api", "instance": "a:9100"]

    @Test func firingAlertAppearsWithItsTimesAndExpiresOnceSentResolved() throws {
        let port = 60_000 + Int(getpid() % 5_000)
        try withAlertmanager(port: port) {
            try checkFiringThenResolved(base: "http://127.0.0.1:\(port)", port: port)
        }
    }

    private func checkFiringThenResolved(base: String, port: Int) throws {
        let endpoint = AlertmanagerEndpoint(host: "127.0.0.1", port: port, timeout: .seconds(5))
        let firedAt = Self.nowMilliseconds() - 60_000
        var table = AlertTable(holdDuration: 0, keepFiringFor: 0)
        try table.evaluate(
            results: [AlertTable.Result(labels: Self.labels, annotations: ["summary": "down & out"], value: 1)],
            at: firedAt)
        let sendTime = Self.nowMilliseconds()
        let firing = AlertmanagerAlert.alertsToSend(
            from: &table, expression: "up == 0", externalURL: "http://prom:9090", at: sendTime,
            resendDelay: 60_000, evaluationInterval: 15_000)
        try #require(firing.count == 1)
        let notifier = AlertmanagerNotifier(endpoints: [endpoint], externalLabels: ["region": "eu"])
        notifier.send(firing)
        notifier.stop(drainingFor: .seconds(10))
        #expect(Self.value(notifier, "tocsin_notifications_errors_total", endpoint.url) == 0)

        let received = try #require(
            try alerts(base).first { $0["labels"]?["alertname"]?.stringValue == "TocsinInterop" })
        guard case .object(let members)? = received["labels"] else {
            Issue.record("alert without labels")
            return
        }
        let labels = Labels(members.compactMap { name, value in value.stringValue.map { Label(name, $0) } }).sorted()
        #expect(labels == Labels(Array(Self.labels) + [Label("region", "eu")]).sorted())
        #expect(received["annotations"]?["summary"]?.stringValue == "down & out")
        #expect(received["startsAt"]?.stringValue.flatMap(RFC3339Time.parse) == firedAt)
        #expect(received["endsAt"]?.stringValue.flatMap(RFC3339Time.parse) == sendTime + 240_000)
        #expect(received["status"]?["state"]?.stringValue == "active")
        #expect(
            received["generatorURL"]?.stringValue == "http://prom:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1")

        let resolvedAt = Self.nowMilliseconds()
        try table.evaluate(results: [], at: resolvedAt)
        let resolved = AlertmanagerAlert.alertsToSend(
            from: &table, expression: "up == 0", externalURL: "http://prom:9090", at: resolvedAt,
            resendDelay: 60_000, evaluationInterval: 15_000)
        #expect(resolved.map(\.endsAt) == [resolvedAt])
        let resolvingNotifier = AlertmanagerNotifier(endpoints: [endpoint], externalLabels: ["region": "eu"])
        resolvingNotifier.send(resolved)
        resolvingNotifier.stop(drainingFor: .seconds(10))
        // Alertmanager lists only alerts whose endsAt is still ahead; a resolved one drops out of the list.
        var stillListed = true
        for _ in 0..<50 where stillListed {
            stillListed = try alerts(base).contains { $0["labels"]?["alertname"]?.stringValue == "TocsinInterop" }
            if stillListed { usleep(100_000) }
        }
        #expect(!stillListed, "the resolved alert is still listed as active")
    }

    static func nowMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    static func value(_ notifier: AlertmanagerNotifier, _ name: String, _ url: String) -> Double? {
        notifier.collect().flatMap(\.samples).first { $0.name == name && $0.labels == ["alertmanager": url] }?.value
    }

    private func alerts(_ base: String) throws -> [JSONValue] {
        let result = try ProcessRunner.run("/usr/bin/curl", ["-sf", base + "/api/v2/alerts"], timeout: 10)
        guard result.status == 0, case .array(let alerts) = try JSONParser.parse(Array(result.standardOutput.utf8))
        else {
            Issue.record("GET /api/v2/alerts failed: \(result.standardError)")
            return []
        }
        return alerts
    }

    /// Runs Alertmanager on 127.0.0.1:`port` (clustering off) around `body`, stopping it by PID.
    private func withAlertmanager(port: Int, _ body: () throws -> Void) throws {
        let program = try #require(Peers.path(of: "prometheus-alertmanager"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-ams-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configFile = directory.appendingPathComponent("alertmanager.yml")
        try "route:\n  receiver: none\nreceivers:\n- name: none\n".write(
            to: configFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [
            "--config.file=\(configFile.path)", "--storage.path=\(directory.path)",
            "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address=",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        var ready = false
        for _ in 0..<100 where !ready {
            ready =
                try ProcessRunner.run("/usr/bin/curl", ["-sf", "http://127.0.0.1:\(port)/-/ready"], timeout: 10)
                .status == 0
            if !ready { usleep(100_000) }
        }
        try #require(ready, "Alertmanager did not become ready on port \(port)")
        try body()
    }
}
