import PromText
import Testing

@testable import RuleEval

/// Conversion of rule alerts into Alertmanager API v2 alerts, as Prometheus's `rules.SendAlerts` and notifier do.
@Suite struct AlertmanagerAlertTests {
    static let labels: Labels = ["alertname": "Down", "job": "api"]

    /// A table whose one alert fired at 61 s (the rule has no `for`).
    static func firingTable() throws -> AlertTable {
        var table = AlertTable(holdDuration: 0, keepFiringFor: 0)
        try table.evaluate(
            results: [AlertTable.Result(labels: labels, annotations: ["summary": "x"], value: 1)], at: 61_000)
        return table
    }

    @Test(
        arguments: [
            (15_000, 60_000, 360_000),
            (120_000, 60_000, 600_000),
            (60_000, 60_000, 360_000),
        ] as [(Int64, Int64, Int64)])
    func firingAlertEndsAtFourTimesTheLargerOfIntervalAndResendDelay(
        interval: Int64, resendDelay: Int64, expectedEnd: Int64
    ) throws {
        var table = try Self.firingTable()
        let sent = AlertmanagerAlert.alertsToSend(
            from: &table, expression: "up == 0", externalURL: "http://prom:9090", at: 120_000,
            resendDelay: resendDelay, evaluationInterval: interval)
        #expect(sent.count == 1)
        #expect(sent.first?.startsAt == 61_000)
        #expect(sent.first?.endsAt == expectedEnd)
        #expect(table.alerts[Self.labels]?.lastSentAt == 120_000)
        #expect(table.alerts[Self.labels]?.validUntil == expectedEnd)
    }

    @Test func alertIsNotResentBeforeTheResendDelayButItsResolutionIsSentAtOnce() throws {
        var table = try Self.firingTable()
        func send(at now: Int64) -> [AlertmanagerAlert] {
            AlertmanagerAlert.alertsToSend(
                from: &table, expression: "up == 0", externalURL: "", at: now, resendDelay: 60_000,
                evaluationInterval: 15_000)
        }
        #expect(send(at: 61_000).count == 1)
        #expect(send(at: 76_000).isEmpty)
        try table.evaluate(results: [], at: 91_000)
        let resolved = send(at: 91_000)
        #expect(resolved.count == 1)
        #expect(resolved.first?.endsAt == 91_000)
        #expect(resolved.first?.startsAt == 61_000)
    }

    @Test func pendingAlertsAreNotSent() throws {
        var table = AlertTable(holdDuration: 60_000, keepFiringFor: 0)
        try table.evaluate(results: [AlertTable.Result(labels: Self.labels, annotations: [:], value: 1)], at: 0)
        let sent = AlertmanagerAlert.alertsToSend(
            from: &table, expression: "up", externalURL: "", at: 0, resendDelay: 60_000, evaluationInterval: 15_000)
        #expect(sent.isEmpty)
    }

    @Test func externalLabelsAreAddedWithoutOverridingTheAlertsOwn() {
        let alert = AlertmanagerAlert(
            labels: ["alertname": "Down", "job": "api"], annotations: [:], startsAt: 1, endsAt: 2, generatorURL: "")
        let prepared = alert.prepared(externalLabels: ["job": "global", "region": "eu"], relabelConfigs: [])
        #expect(prepared?.labels == ["alertname": "Down", "job": "api", "region": "eu"])
    }

    @Test func alertRelabeledToNothingIsDropped() throws {
        let alert = AlertmanagerAlert(
            labels: ["alertname": "Down", "severity": "debug"], annotations: [:], startsAt: 1, endsAt: 2,
            generatorURL: "")
        let drop = RelabelConfiguration(
            sourceLabels: ["severity"], regex: try AnchoredRegex("debug"), action: .drop)
        #expect(alert.prepared(externalLabels: [:], relabelConfigs: [drop]) == nil)
        let dropAll = RelabelConfiguration(regex: try AnchoredRegex(".*"), action: .labelDrop)
        #expect(alert.prepared(externalLabels: [:], relabelConfigs: [dropAll]) == nil)
        let keep = RelabelConfiguration(sourceLabels: ["severity"], regex: try AnchoredRegex("page"), action: .drop)
        #expect(alert.prepared(externalLabels: [:], relabelConfigs: [keep])?.labels == alert.labels)
    }

    @Test func requestBodyIsPrometheusPostableAlertsJSON() {
        let firing = AlertmanagerAlert(
            AlertmanagerAlertTests.alert(resolvedAt: nil), expression: "up{job=\"a b\"} == 0",
            externalURL: "http://prom:9090")
        let resolved = AlertmanagerAlert(
            labels: ["alertname": "Gone"], annotations: [:], startsAt: 61_000, endsAt: 0, generatorURL: "")
        let body = String(decoding: AlertmanagerAlert.requestBody([firing, resolved]), as: UTF8.self)
        let expected =
            #"[{"annotations":{"summary":"\u003cb\u003e"},"endsAt":"1970-01-01T00:06:00.000Z","#
            + #""startsAt":"1970-01-01T00:01:01.250Z","#
            + #""generatorURL":"http://prom:9090/graph?g0.expr=up%7Bjob%3D%22a+b%22%7D+%3D%3D+0\u0026g0.tab=1","#
            + #""labels":{"alertname":"Down","job":"api"}},"#
            + #"{"endsAt":"0001-01-01T00:00:00.000Z","startsAt":"1970-01-01T00:01:01.000Z","#
            + #""labels":{"alertname":"Gone"}}]"#
        #expect(body == expected)
    }

    static func alert(resolvedAt: Int64?) -> Alert {
        var alert = Alert(
            labels: ["job": "api", "alertname": "Down"], annotations: ["summary": "<b>"], value: 1, activeAt: 1_000)
        alert.state = .firing
        alert.firedAt = 61_250
        alert.validUntil = 360_000
        alert.resolvedAt = resolvedAt
        return alert
    }

    @Test func resolvedAlertEndsWhenItResolved() {
        let converted = AlertmanagerAlert(Self.alert(resolvedAt: 90_000), expression: "up", externalURL: "")
        #expect(converted.endsAt == 90_000)
        #expect(converted.generatorURL == "/graph?g0.expr=up&g0.tab=1")
    }

    @Test(arguments: [
        ("am:9093", "http", "", "http://am:9093/api/v2/alerts"),
        ("127.0.0.1:9093", "http", "/am/", "http://127.0.0.1:9093/am/api/v2/alerts"),
        ("[::1]:9093", "http", "am", "http://[::1]:9093/am/api/v2/alerts"),
        ("am", "https", "", "https://am:443/api/v2/alerts"),
    ])
    func endpointURLJoinsSchemeTargetAndPathPrefix(target: String, scheme: String, prefix: String, url: String) {
        var configuration = AlertmanagerConfiguration()
        configuration.scheme = scheme
        configuration.pathPrefix = prefix
        configuration.staticConfigs = [StaticConfiguration(targets: [target])]
        #expect(AlertmanagerEndpoint.endpoints(of: configuration).map(\.url) == [url])
    }
}
