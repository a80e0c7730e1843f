import Exporter
import PromText
import Testing

@testable import RuleEval

@Suite struct StatusPageTests {
    private static func samplePage() throws -> String {
        StatusPage(source: try StatusPageSample.source()).render(now: StatusPageSample.now)
    }

    /// The text between the first `start` after `anchor` and the next `end`.
    private static func section(_ html: String, id: String) throws -> Substring {
        let start = try #require(html.range(of: "<section id=\"\(id)\">"))
        let end = try #require(html[start.upperBound...].range(of: "</section>"))
        return html[start.lowerBound..<end.upperBound]
    }

    @Test func headerShowsVersionStartTimeAndEndpointLinks() throws {
        let html = try Self.samplePage()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("v\(BuildInfo.version)"))
        #expect(html.contains("Started <time>2026-11-25 18:18:00 UTC</time> (up 3h12m)"))
        #expect(html.contains("rendered <time>2026-11-25 21:30:00 UTC</time>"))
        for path in ["/metrics", "/api/v1/targets", "/api/v1/rules", "/api/v1/alerts", "/health/live", "/health/ready"]
        {
            #expect(html.contains("<a href=\"\(path)\""), "missing link to \(path)")
        }
        #expect(html.contains("<span class=\"label-name\">cluster</span>=<span class=\"label-value\">eu-west-1</span>"))
        #expect(html.contains("4/6 up"))
        #expect(html.contains("2 groups · 6 rules"))
        #expect(html.contains("2 firing · 1 pending"))
        #expect(html.contains("1 failing"))
    }

    @Test func targetsAreGroupedByJobWithHealthAgeDurationAndError() throws {
        let targets = try Self.section(Self.samplePage(), id: "targets")
        #expect(targets.contains("<h3>node <span class=\"count bad\">2/3 up</span></h3>"))
        #expect(targets.contains("<h3>api <span class=\"count good\">2/2 up</span></h3>"))
        #expect(targets.contains("<a href=\"http://10.0.1.11:9100/metrics\">http://10.0.1.11:9100/metrics</a>"))
        #expect(targets.contains("http://blackbox:9115/metrics?module=http_2xx&amp;target=https%3A%2F%2Fexample.org"))
        #expect(targets.contains("<tr class=\"down\">"))
        #expect(targets.contains("<span class=\"badge unknown\">unknown</span>"))
        #expect(targets.contains(">4s ago</time>"))
        #expect(targets.contains("23.412ms"))
        #expect(targets.contains("never"))
        #expect(targets.contains("Get &quot;http://10.0.1.13:9100/metrics&quot;: dial tcp 10.0.1.13:9100: connect"))
        #expect(targets.contains("<span class=\"label-name\">rack</span>=<span class=\"label-value\">r2</span>"))
        let jobs = ["<h3>node ", "<h3>api ", "<h3>blackbox "].map { targets.range(of: $0)?.lowerBound }
        #expect(jobs.allSatisfy { $0 != nil } && jobs == jobs.sorted { $0! < $1! }, "jobs keep configuration order")
    }

    @Test func ruleGroupsShowFileIntervalEvaluationAndEachRule() throws {
        let rules = try Self.section(Self.samplePage(), id: "rules")
        #expect(rules.contains("<h3>node.rules</h3>"))
        #expect(rules.contains("<span class=\"file\">/etc/tocsin/rules/api.yml</span> · every 1m · "))
        #expect(rules.contains(">41s ago</time>, took 9.731ms"))
        #expect(rules.contains("<code>instance:node_cpu_utilisation:rate5m &gt; 0.9</code>"))
        #expect(rules.contains("<span class=\"kind\">record</span><span class=\"rule-name\">job:http_errors:"))
        #expect(rules.contains("<span class=\"badge err\">err</span>"))
        #expect(rules.contains("found duplicate series for the match group {instance=&quot;api-1.internal:8080&quot;}"))
        #expect(rules.contains("<span class=\"hold\">for 10m</span>"))
        #expect(rules.contains("<span class=\"never\">not evaluated yet</span>"))
        #expect(rules.contains("<span class=\"badge unknown\">unknown</span>"))
    }

    @Test func alertsListFiringBeforePendingWithLabelsAnnotationsValueAndTimeline() throws {
        let alerts = try Self.section(Self.samplePage(), id: "alerts")
        let order = ["HighErrorRate<", "InstanceDown<", "HighCPU<"].map { alerts.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! })
        #expect(
            alerts.contains(
                "<tr class=\"pending\"><td class=\"alertname\">HighCPU<span class=\"group-name\">node.rules"))
        #expect(
            alerts.contains("<time title=\"2026-11-25 21:10:00 UTC\">21:10:00</time><span class=\"age\">20m ago</span>")
        )
        #expect(alerts.contains("<td class=\"number\">0.0731</td>"))
        #expect(alerts.contains("<dt>runbook_url</dt><dd>https://runbooks.example.org/api/high-error-rate</dd>"))
        #expect(alerts.contains("<span class=\"label-name\">severity</span>=<span class=\"label-value\">page</span>"))
        #expect(!alerts.contains("<span class=\"label-name\">alertname</span>"), "alertname is the row title")
        #expect(alerts.components(separatedBy: "<svg class=\"timeline\"").count == 4)
        #expect(alerts.contains("last 1h: firing 28m, pending 10m"))
        #expect(alerts.contains("<title>firing 20:45:00–20:58:00 UTC (13m)</title>"))
        #expect(alerts.contains("<title>pending 20:40:00–20:45:00 UTC (5m)</title>"))
    }

    @Test func everyConfiguredTextIsEscaped() throws {
        let hostile = "<script>alert('x')</script>"
        var source = FixedStatusSource(startTime: 0)
        source.external = ["<b>": "\"onload=\"x"]
        source.targetStatuses = [
            try FixedStatusSource.target(
                job: "<img src=x onerror=alert(1)>", address: "host:9100", labels: ["evil": hostile], health: .down,
                lastScrape: 1, error: hostile)
        ]
        source.groups = [
            RuleGroupStatus(
                name: hostile, file: "a&b.yml", interval: 1000, limit: 0, queryOffset: 0, lastEvaluation: nil,
                evaluationDuration: .zero,
                rules: [
                    RuleStatus(
                        name: hostile, query: "x < 1 and y > \"</code>\"", kind: .alerting, labels: ["a": hostile],
                        annotations: Labels(), holdDuration: 0, keepFiringFor: 0, health: .err, lastError: hostile,
                        alerts: [
                            FixedStatusSource.alert(
                                ["alertname": hostile, "x": hostile], annotations: [hostile: hostile],
                                state: .firing, value: 1, activeAt: 0)
                        ])
                ])
        ]
        let html = StatusPage(source: source).render(now: 10_000)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("\"onload"))
        #expect(!html.contains("</code>\""))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("x &lt; 1 and y &gt; &quot;&lt;/code&gt;&quot;"))
        #expect(html.contains("a&amp;b.yml"))
        #expect(html.contains("1 group · 1 rule<"))
    }

    @Test func onlyWebURLsBecomeLinks() throws {
        var source = FixedStatusSource(startTime: 0)
        var target = try FixedStatusSource.target(job: "j", address: "host:1", health: .up, lastScrape: 1)
        target.target.scheme = "javascript"
        source.targetStatuses = [target]
        let html = StatusPage(source: source).render(now: 1000)
        #expect(html.contains("<td class=\"endpoint\">javascript://host:1/metrics</td>"))
        #expect(!html.contains("href=\"javascript"))
    }

    @Test func emptySourceSaysSoInEachSection() {
        let html = StatusPage(source: FixedStatusSource(startTime: 0)).render(now: 1000)
        #expect(html.contains("No scrape targets are configured."))
        #expect(html.contains("No rule groups are loaded."))
        #expect(html.contains("No alerts are pending or firing."))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func routerServesThePageAtRootAsHTML() throws {
        let page = StatusPage(source: try StatusPageSample.source(), clock: { StatusPageSample.now })
        var router = Router()
        page.register(on: &router)
        let request = HTTPRequest(method: .get, target: "/")
        let (name, response) = router.respond(to: request)
        #expect(name == "/")
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self) == page.render(now: StatusPageSample.now))
    }

    @Test(.timeLimit(.minutes(1))) func rendersAThousandTargetsAndAlerts() throws {
        let store = SampleStore()
        var source = FixedStatusSource(store: store, startTime: 0)
        let now: Int64 = 3_600_000
        var alerts: [Alert] = []
        for index in 0..<1000 {
            source.targetStatuses.append(
                try FixedStatusSource.target(
                    job: "job\(index % 10)", address: "host\(index):9100", health: index % 7 == 0 ? .down : .up,
                    lastScrape: now - 5000, error: index % 7 == 0 ? "connection refused" : ""))
            let labels: Labels = ["alertname": "Alert\(index % 20)", "instance": "host\(index)"]
            try FixedStatusSource.recordHistory(
                of: labels, runs: [(.firing, now - 30 * 60_000, now + 60_000)], interval: 60_000, now: now, in: store)
            alerts.append(FixedStatusSource.alert(labels, state: .firing, value: 1, activeAt: now - 30 * 60_000))
        }
        source.groups = [
            RuleGroupStatus(
                name: "many", file: "many.yml", interval: 60_000, limit: 0, queryOffset: 0, lastEvaluation: now,
                evaluationDuration: .zero,
                rules: [
                    RuleStatus(
                        name: "Many", query: "up == 0", kind: .alerting, labels: Labels(), annotations: Labels(),
                        holdDuration: 0, keepFiringFor: 0, health: .ok, alerts: alerts, state: .firing)
                ])
        ]
        let html = StatusPage(source: source).render(now: now)
        #expect(html.components(separatedBy: "<tr class=\"down\">").count - 1 == 143)
        #expect(html.components(separatedBy: "<tr class=\"firing\">").count - 1 == 1000)
        #expect(html.components(separatedBy: "<title>firing 00:30:00–01:00:00 UTC (30m)</title>").count - 1 == 1000)
    }
}
