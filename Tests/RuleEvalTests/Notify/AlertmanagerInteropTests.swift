import Foundation
import PromText
import TestSupport
import Testing

@testable import RuleEval

/// Runs the real Alertmanager (Debian's `prometheus-alertmanager`) on 127.0.0.1 and checks what Notify computes
/// on its own against what Alertmanager reports: alert fingerprints, which silence mutes which alert, and the
/// API v2 silence JSON that Notify persists.
@Suite(.enabled(if: Peers.available("prometheus-alertmanager")), .timeLimit(.minutes(2)))
struct AlertmanagerInteropTests {
    static let alerts: [Labels] = [
        ["alertname": "Down", "job": "api", "instance": "a:9100"],
        ["alertname": "Down", "job": "api", "instance": "b:9100", "note": "quote \" backslash \\ é"],
        ["alertname": "DiskFull", "severity": "page", "mountpoint": "/", "job": "db"],
        // Matches both sides of the inhibit rule: inhibits the other `Down` alerts of its job, never itself.
        ["alertname": "Down", "severity": "page", "job": "api", "instance": "c:9100"],
    ]

    static let inhibitRule = InhibitRuleConfiguration(
        sourceMatchers: ["severity=\"page\""], targetMatchers: ["alertname=\"Down\""], equal: ["job"])

    @Test func fingerprintsSilencesAndSilenceJSONMatchAlertmanager() throws {
        let port = 40_000 + Int(getpid() % 20_000)
        let base = "http://127.0.0.1:\(port)"
        let config = """
            route:
              receiver: none
            receivers:
            - name: none
            inhibit_rules:
            - source_matchers: ['severity="page"']
              target_matchers: ['alertname="Down"']
              equal: [job]
            """
        try withAlertmanager(config: config, port: port) {
            try checkFingerprintsAndSilences(base)
        }
    }

    private func checkFingerprintsAndSilences(_ base: String) throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let silence = JSONValue.object([
            (
                "matchers",
                .array([
                    .object([
                        ("name", .string("job")), ("value", .string("api")), ("isRegex", .bool(false)),
                        ("isEqual", .bool(true)),
                    ]),
                    .object([
                        ("name", .string("instance")), ("value", .string("b:.*")), ("isRegex", .bool(true)),
                        ("isEqual", .bool(true)),
                    ]),
                ])
            ),
            ("startsAt", .string(RFC3339Time.rfc3339Millis(milliseconds: now))),
            ("endsAt", .string(RFC3339Time.rfc3339Millis(milliseconds: now + 3_600_000))),
            ("createdBy", .string("tocsin")), ("comment", .string("interop <test> & more")),
        ])
        _ = try post(base + "/api/v2/silences", silence)
        let postable = JSONValue.array(
            Self.alerts.map { labels in
                .object([
                    ("labels", labels.jsonObject), ("annotations", .object([])),
                    ("startsAt", .string(RFC3339Time.rfc3339Millis(milliseconds: now - 60_000))),
                    ("endsAt", .string(RFC3339Time.rfc3339Millis(milliseconds: now + 600_000))),
                ])
            })
        _ = try post(base + "/api/v2/alerts", postable)

        let silencesBody = try get(base + "/api/v2/silences")
        var store = SilenceStore()
        store.load(try SilenceStore.decode(Array(silencesBody.utf8)))
        #expect(store.all.count == 1)
        let checkTime = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(String(decoding: store.encoded(now: checkTime), as: UTF8.self) + "\n" == silencesBody)

        var inhibitor = try Inhibitor([Self.inhibitRule])
        for labels in Self.alerts {
            inhibitor.observe(NotifierAlert(labels: labels, startsAt: now - 60_000, endsAt: now + 600_000))
        }
        #expect(Self.alerts.filter { inhibitor.isInhibited($0, now: checkTime) }.count == 2)
        // Alertmanager's inhibitor learns source alerts asynchronously: ask again until it has caught up.
        var mismatches: [String] = []
        for _ in 0..<200 {
            mismatches = try statusMismatches(base, silences: store, inhibitor: inhibitor, now: checkTime)
            if mismatches.isEmpty { break }
            usleep(100_000)
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// Compares each alert's fingerprint, `silencedBy` and `inhibitedBy` as Alertmanager reports them with ours.
    private func statusMismatches(
        _ base: String,
        silences: SilenceStore,
        inhibitor: Inhibitor,
        now: Int64
    ) throws -> [String] {
        guard case .array(let gettable) = try JSONParser.parse(Array(get(base + "/api/v2/alerts").utf8)),
            gettable.count == Self.alerts.count
        else { return ["alerts response is not an array of \(Self.alerts.count)"] }
        var mismatches: [String] = []
        for alert in gettable {
            guard case .object(let members)? = alert["labels"],
                case .array(let silencedBy)? = alert["status"]?["silencedBy"],
                case .array(let inhibitedBy)? = alert["status"]?["inhibitedBy"]
            else { return ["alert without labels or status"] }
            let labels = Labels(members.compactMap { name, value in value.stringValue.map { Label(name, $0) } })
            let fingerprint = LabelSetFingerprint(of: labels).description
            if alert["fingerprint"]?.stringValue != fingerprint { mismatches.append("fingerprint of \(labels)") }
            if silencedBy.compactMap(\.stringValue) != silences.silencingIDs(of: labels, now: now) {
                mismatches.append("silencedBy of \(labels)")
            }
            let ours = inhibitor.inhibitor(of: labels, now: now).map { [$0.description] } ?? []
            if inhibitedBy.compactMap(\.stringValue) != ours { mismatches.append("inhibitedBy of \(labels)") }
        }
        return mismatches
    }

    @Test func webhookBodyMatchesAlertmanagerByteForByte() throws {
        let port = 40_002 + Int(getpid() % 20_000)
        let receiver = try OneShotHTTPReceiver(port: UInt16(port + 1))
        defer { receiver.close() }
        let config = """
            route:
              receiver: hook
              group_by: [alertname]
              group_wait: 1s
            receivers:
            - name: hook
              webhook_configs:
              - url: http://127.0.0.1:\(port + 1)/
            """
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let alerts = [
            NotifierAlert(
                labels: ["alertname": "Down", "job": "api", "instance": "b:9100"],
                annotations: ["summary": "<b>down</b> & \"out\"", "runbook": "http://x/?a=1&b=2"],
                startsAt: now - 60_123,
                endsAt: now + 600_000, generatorURL: "http://prom:9090/graph?g0.expr=up%3D%3D0"),
            NotifierAlert(
                labels: ["alertname": "Down", "job": "api", "instance": "a:9100"], annotations: ["summary": "é ü"],
                startsAt: now - 60_000, endsAt: now + 600_000),
        ]
        var body: [UInt8]?
        try withAlertmanager(config: config, port: port, externalURL: "http://am.example:9093") {
            let postable = JSONValue.array(
                alerts.map { alert in
                    .object([
                        ("labels", alert.labels.jsonObject), ("annotations", alert.annotations.jsonObject),
                        ("startsAt", .string(RFC3339Time.rfc3339Millis(milliseconds: alert.startsAt))),
                        ("endsAt", .string(RFC3339Time.rfc3339Millis(milliseconds: alert.endsAt ?? 0))),
                        ("generatorURL", .string(alert.generatorURL)),
                    ])
                })
            _ = try post("http://127.0.0.1:\(port)/api/v2/alerts", postable)
            body = receiver.receiveBody(timeoutMilliseconds: 20_000)
        }
        let theirs = try #require(body, "Alertmanager sent no webhook")
        var dispatcher = try Dispatcher(
            configuration: NotifyConfiguration(
                route: RouteConfiguration(receiver: "hook", groupBy: ["alertname"], groupWait: .seconds(1)),
                receivers: [ReceiverConfiguration(name: "hook", webhookConfigs: [WebhookConfiguration(url: "x")])]))
        for alert in alerts { dispatcher.insert(alert, now: now) }
        let notification = try #require(dispatcher.tick(now: now + 1_000).first)
        let ours = WebhookPayload.body(for: notification, externalURL: "http://am.example:9093")
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
    }

    /// Runs Alertmanager with `config` on 127.0.0.1:`port` (clustering off) around `body`, stopping it by PID.
    private func withAlertmanager(
        config: String,
        port: Int,
        externalURL: String? = nil,
        _ body: () throws -> Void
    ) throws {
        let program = try #require(Peers.path(of: "prometheus-alertmanager"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-am-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configFile = directory.appendingPathComponent("alertmanager.yml")
        try config.write(to: configFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments =
            [
                "--config.file=\(configFile.path)", "--storage.path=\(directory.path)",
                "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address=",
            ] + (externalURL.map { ["--web.external-url=\($0)"] } ?? [])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        try waitUntilReady("http://127.0.0.1:\(port)")
        try body()
    }

    private func waitUntilReady(_ base: String) throws {
        for _ in 0..<100 {
            if try ProcessRunner.run("/usr/bin/curl", ["-sf", base + "/-/ready"], timeout: 10).status == 0 { return }
            usleep(100_000)
        }
        Issue.record("Alertmanager did not become ready at \(base)")
    }

    private func get(_ url: String) throws -> String {
        let result = try ProcessRunner.run("/usr/bin/curl", ["-sf", url], timeout: 10)
        #expect(result.status == 0, "GET \(url) failed: \(result.standardError)")
        return result.standardOutput
    }

    private func post(_ url: String, _ body: JSONValue) throws -> String {
        let result = try ProcessRunner.run(
            "/usr/bin/curl", ["-sS", "-f", "-H", "Content-Type: application/json", "--data-binary", "@-", url],
            input: Data(body.encoded), timeout: 10)
        #expect(result.status == 0, "POST \(url) failed: \(result.standardError) \(result.standardOutput)")
        return result.standardOutput
    }
}
