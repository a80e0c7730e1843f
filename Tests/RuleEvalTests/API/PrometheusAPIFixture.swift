import Exporter
import PromText

@testable import RuleEval

/// A fixed evaluator for API tests: a small store, one target and one rule group.
struct FixedEvaluatorStatus: EvaluatorStatusSource {
    let engine: QueryEngine
    let targetStatuses: [ScrapeTargetStatus]
    let groups: [RuleGroupStatus]
    let startTime: Int64 = 1_699_999_000_000

    func targets() -> [ScrapeTargetStatus] { targetStatuses }
    func ruleGroups() -> [RuleGroupStatus] { groups }
    func externalLabels() -> [String: String] { [:] }
}

/// Builds the fixture and sends requests through a router holding the API.
struct PrometheusAPIFixture {
    /// The time of the first sample, in milliseconds.
    static let base: Int64 = 1_700_000_000_000

    let router: Router

    init() throws {
        let store = SampleStore()
        for (offset, values) in [(0, (1.0, 1.0, 10.0)), (15_000, (1, 1, 20)), (30_000, (0, 1, 30))] {
            let time = Self.base + Int64(offset)
            try store.append(["__name__": "up", "instance": "a", "job": "node"], timestamp: time, value: values.0)
            try store.append(["__name__": "up", "instance": "b", "job": "node"], timestamp: time, value: values.1)
            try store.append(
                ["__name__": "http_requests_total", "code": "200", "job": "api"], timestamp: time, value: values.2)
        }
        let configuration = ScrapeConfiguration(
            jobName: "node", scrapeInterval: .seconds(15), scrapeTimeout: .seconds(5))
        guard let target = try ScrapeTarget(address: "a:9100", configuration: configuration) else {
            throw FixtureError.targetDropped
        }
        var scraped = ScrapeTargetStatus(jobName: "node", target: target)
        scraped.health = .down
        scraped.lastError = "connection refused"
        scraped.lastScrape = Self.base + 30_123
        scraped.lastScrapeDuration = .milliseconds(2.5)
        var alert = Alert(
            labels: ["alertname": "InstanceDown", "instance": "a", "job": "node", "severity": "page"],
            annotations: ["summary": "a is down"], value: 0, activeAt: Self.base + 30_000)
        alert.state = .firing
        let group = RuleGroupStatus(
            name: "node", file: "rules/node.yml", interval: 15_000, limit: 0, queryOffset: 0,
            lastEvaluation: Self.base + 30_000, evaluationDuration: .microseconds(1500),
            rules: [
                RuleStatus(
                    name: "job:up:sum", query: "sum by(job)(up)", kind: .recording, labels: [:], annotations: [:],
                    holdDuration: 0, keepFiringFor: 0, health: .ok, lastEvaluation: Self.base + 30_000,
                    evaluationDuration: .microseconds(250)),
                RuleStatus(
                    name: "InstanceDown", query: "up == 0", kind: .alerting, labels: ["severity": "page"],
                    annotations: ["summary": "{{ $labels.instance }} is down"], holdDuration: 0,
                    keepFiringFor: 60_000, health: .err, lastError: "boom", lastEvaluation: Self.base + 30_000,
                    evaluationDuration: .microseconds(500), alerts: [alert], state: .firing),
            ])
        let source = FixedEvaluatorStatus(
            engine: QueryEngine(store: store), targetStatuses: [scraped], groups: [group])
        var router = Router()
        PrometheusAPI(source: source, flags: ["config.file": "ruleeval.yml"], now: { Self.base + 30_000 })
            .register(on: &router)
        self.router = router
    }

    enum FixtureError: Error {
        case targetDropped
    }

    /// The response to `GET target`.
    func get(_ target: String) -> HTTPResponse {
        router.respond(to: HTTPRequest(method: .get, target: target)).response
    }

    /// The response to a form-encoded `POST` of `body` to `target`.
    func post(_ target: String, body: String) -> HTTPResponse {
        router.respond(
            to: HTTPRequest(
                method: .post, target: target, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: Array(body.utf8))
        ).response
    }
}

extension HTTPResponse {
    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }
}
