import PromText
import Testing

@testable import RuleEval

/// The pure ``Dispatcher`` driven by a loaded `alertmanager.yml`, stepped with a manual clock (milliseconds):
/// what the file says about routing, grouping, inhibition and `send_resolved` is what dispatch does.
@Suite struct LoadedConfigurationDispatchTests {
    static let yaml = """
        global:
          smtp_smarthost: 127.0.0.1:25
          smtp_from: tocsin@example.org
          smtp_require_tls: false
        route:
          receiver: default
          group_by: [alertname]
          group_wait: 30s
          group_interval: 5m
          routes:
          - match_re: {service: "db|cache"}
            receiver: storage
            group_by: ['...']
            continue: true
          - matchers: [severity="critical"]
            receiver: pager
        inhibit_rules:
        - source_match: {severity: critical}
          target_matchers: [severity="warning"]
          equal: [cluster]
        receivers:
        - name: default
          webhook_configs: [{url: 'http://127.0.0.1:9/default'}]
        - name: storage
          webhook_configs: [{url: 'http://127.0.0.1:9/storage'}]
          email_configs: [{to: storage@example.org}]
        - name: pager
          webhook_configs: [{url: 'http://127.0.0.1:9/pager'}]
        """

    static func dispatcher() throws -> Dispatcher {
        try Dispatcher(configuration: NotifyConfiguration.parse(Array(yaml.utf8), fileName: "am.yml"))
    }

    static func alert(_ labels: Labels, startsAt: Int64 = 0, endsAt: Int64? = nil) -> NotifierAlert {
        NotifierAlert(labels: labels, startsAt: startsAt, endsAt: endsAt)
    }

    static func deliver(_ dispatcher: inout Dispatcher, at now: Int64) -> [Notification] {
        let notifications = dispatcher.tick(now: now)
        for notification in notifications { dispatcher.recordDelivery(of: notification, succeeded: true, now: now) }
        return notifications
    }

    @Test func continueSendsToBothMatchingRoutesWithTheirGrouping() throws {
        var dispatcher = try Self.dispatcher()
        dispatcher.insert(Self.alert(["alertname": "Slow", "service": "db", "severity": "critical"]), now: 0)
        dispatcher.insert(Self.alert(["alertname": "Slow", "service": "cache", "severity": "critical"]), now: 0)
        #expect(Self.deliver(&dispatcher, at: 29_999).isEmpty)
        let sent = Self.deliver(&dispatcher, at: 30_000)
        // storage groups by all labels: one group per alert, each to its webhook and email; pager groups by
        // alertname: one notification with both alerts.
        #expect(sent.filter { $0.receiver == "storage" }.count == 4)
        #expect(Set(sent.filter { $0.receiver == "storage" }.map(\.integration.kind)) == [.webhook, .email])
        let pager = sent.filter { $0.receiver == "pager" }
        #expect(pager.count == 1 && pager[0].alerts.count == 2)
        #expect(!sent.contains { $0.receiver == "default" })
    }

    @Test func legacySourceMatchInhibitsWarningsOfTheSameCluster() throws {
        var dispatcher = try Self.dispatcher()
        dispatcher.insert(Self.alert(["alertname": "Down", "severity": "critical", "cluster": "a"]), now: 0)
        dispatcher.insert(Self.alert(["alertname": "Lag", "severity": "warning", "cluster": "a"]), now: 0)
        dispatcher.insert(Self.alert(["alertname": "Lag2", "severity": "warning", "cluster": "b"]), now: 0)
        let sent = Self.deliver(&dispatcher, at: 30_000)
        let names = Set(sent.flatMap(\.alerts).compactMap { $0.labels.value(of: "alertname") })
        #expect(names == ["Down", "Lag2"])
    }

    @Test func emailWithoutSendResolvedOnlyLogsTheResolution() throws {
        var dispatcher = try Self.dispatcher()
        let labels: Labels = ["alertname": "Full", "service": "db"]
        dispatcher.insert(Self.alert(labels), now: 0)
        #expect(Self.deliver(&dispatcher, at: 30_000).filter { $0.integration.kind == .email }.count == 1)
        dispatcher.insert(Self.alert(labels, endsAt: 40_000), now: 40_000)
        let resolved = Self.deliver(&dispatcher, at: 330_000)
        #expect(resolved.map(\.integration.kind) == [.webhook])
        #expect(resolved.first?.status == .resolved)
    }
}
