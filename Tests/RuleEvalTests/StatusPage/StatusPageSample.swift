import PromText

@testable import RuleEval

/// A realistic evaluator state for the status page: three jobs (one target down, one never scraped), two rule
/// groups (one rule failing), and firing and pending alerts with an hour of `ALERTS` history.
enum StatusPageSample {
    /// 2026-11-25 21:30:00 UTC.
    static let now: Int64 = 1_795_642_200_000
    static let minute: Int64 = 60_000

    static func source() throws -> FixedStatusSource {
        let store = SampleStore()
        var source = FixedStatusSource(store: store, startTime: now - 192 * minute)
        source.external = ["cluster": "eu-west-1", "replica": "a"]
        source.targetStatuses = try targets()
        source.groups = [try nodeGroup(store: store), try apiGroup(store: store)]
        return source
    }

    private static func targets() throws -> [ScrapeTargetStatus] {
        [
            try FixedStatusSource.target(
                job: "node", address: "10.0.1.11:9100", labels: ["env": "prod", "rack": "r1"], health: .up,
                lastScrape: now - 4_200, duration: .microseconds(23_412)),
            try FixedStatusSource.target(
                job: "node", address: "10.0.1.12:9100", labels: ["env": "prod", "rack": "r1"], health: .up,
                lastScrape: now - 11_800, duration: .microseconds(18_960)),
            try FixedStatusSource.target(
                job: "node", address: "10.0.1.13:9100", labels: ["env": "prod", "rack": "r2"], health: .down,
                lastScrape: now - 7_100, duration: .microseconds(1_204),
                error: "Get \"http://10.0.1.13:9100/metrics\": dial tcp 10.0.1.13:9100: connect: connection refused"),
            try FixedStatusSource.target(
                job: "api", address: "api-1.internal:8080", labels: ["env": "prod"], health: .up,
                lastScrape: now - 2_300, duration: .microseconds(41_077)),
            try FixedStatusSource.target(
                job: "api", address: "api-2.internal:8080", labels: ["env": "prod"], health: .up,
                lastScrape: now - 9_600, duration: .microseconds(38_520)),
            try FixedStatusSource.target(
                job: "blackbox", address: "blackbox:9115", health: .unknown,
                parameters: ["module": ["http_2xx"], "target": ["https://example.org"]]),
        ]
    }

    private static func nodeGroup(store: SampleStore) throws -> RuleGroupStatus {
        let interval = 30_000 as Int64
        let instanceDown: Labels = [
            "alertname": "InstanceDown", "instance": "10.0.1.13:9100", "job": "node",
            "severity": "critical",
        ]
        try FixedStatusSource.recordHistory(
            of: instanceDown,
            runs: [(.pending, now - 9 * minute, now - 8 * minute), (.firing, now - 8 * minute, now + interval)],
            interval: interval, now: now, in: store)
        let highCPU: Labels = ["alertname": "HighCPU", "instance": "10.0.1.11:9100", "severity": "warning"]
        try FixedStatusSource.recordHistory(
            of: highCPU,
            runs: [(.pending, now - 41 * minute, now - 37 * minute), (.pending, now - 4 * minute, now + interval)],
            interval: interval, now: now, in: store)
        return RuleGroupStatus(
            name: "node.rules", file: "/etc/tocsin/rules/node.yml", interval: interval, limit: 0, queryOffset: 0,
            lastEvaluation: now - 12_000, evaluationDuration: .microseconds(4_380),
            rules: [
                RuleStatus(
                    name: "instance:node_cpu_utilisation:rate5m",
                    query: "1 - avg without (cpu) (rate(node_cpu_seconds_total{mode=\"idle\"}[5m]))",
                    kind: .recording, labels: Labels(), annotations: Labels(), holdDuration: 0, keepFiringFor: 0,
                    health: .ok, lastEvaluation: now - 12_000, evaluationDuration: .microseconds(2_114)),
                RuleStatus(
                    name: "InstanceDown", query: "up == 0", kind: .alerting, labels: ["severity": "critical"],
                    annotations: ["summary": "Instance {{ $labels.instance }} down"], holdDuration: minute,
                    keepFiringFor: 0, health: .ok, lastEvaluation: now - 12_000,
                    evaluationDuration: .microseconds(1_390),
                    alerts: [
                        FixedStatusSource.alert(
                            instanceDown,
                            annotations: [
                                "summary": "Instance 10.0.1.13:9100 down",
                                "description": "10.0.1.13:9100 of job node has been down for more than 1 minute.",
                            ], state: .firing, value: 0, activeAt: now - 9 * minute)
                    ], state: .firing),
                RuleStatus(
                    name: "HighCPU", query: "instance:node_cpu_utilisation:rate5m > 0.9", kind: .alerting,
                    labels: ["severity": "warning"], annotations: ["summary": "CPU busy on {{ $labels.instance }}"],
                    holdDuration: 10 * minute, keepFiringFor: 0, health: .ok, lastEvaluation: now - 12_000,
                    evaluationDuration: .microseconds(806),
                    alerts: [
                        FixedStatusSource.alert(
                            highCPU, annotations: ["summary": "CPU busy on 10.0.1.11:9100"], state: .pending,
                            value: 0.934, activeAt: now - 4 * minute)
                    ], state: .pending),
            ])
    }

    private static func apiGroup(store: SampleStore) throws -> RuleGroupStatus {
        let interval = minute
        let highErrors: Labels = ["alertname": "HighErrorRate", "job": "api", "severity": "page"]
        try FixedStatusSource.recordHistory(
            of: highErrors,
            runs: [
                (.pending, now - 50 * minute, now - 45 * minute), (.firing, now - 45 * minute, now - 32 * minute),
                (.pending, now - 20 * minute, now - 15 * minute), (.firing, now - 15 * minute, now + interval),
            ], interval: interval, now: now, in: store)
        return RuleGroupStatus(
            name: "api.rules", file: "/etc/tocsin/rules/api.yml", interval: interval, limit: 0, queryOffset: 0,
            lastEvaluation: now - 41_000, evaluationDuration: .microseconds(9_731),
            rules: [
                RuleStatus(
                    name: "job:http_errors:ratio_rate5m",
                    query: "sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))\n"
                        + "  / on (instance) group_left sum by (job) (rate(http_requests_total[5m]))",
                    kind: .recording, labels: Labels(), annotations: Labels(), holdDuration: 0, keepFiringFor: 0,
                    health: .err,
                    lastError: "found duplicate series for the match group {instance=\"api-1.internal:8080\"} on "
                        + "the right hand-side of the operation",
                    lastEvaluation: now - 41_000, evaluationDuration: .microseconds(3_305)),
                RuleStatus(
                    name: "HighErrorRate",
                    query: "sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))\n"
                        + "  / sum by (job) (rate(http_requests_total[5m])) > 0.05",
                    kind: .alerting, labels: ["severity": "page"],
                    annotations: ["summary": "{{ $labels.job }} error rate above 5%"], holdDuration: 5 * minute,
                    keepFiringFor: 0, health: .ok, lastEvaluation: now - 41_000,
                    evaluationDuration: .microseconds(5_960),
                    alerts: [
                        FixedStatusSource.alert(
                            highErrors,
                            annotations: [
                                "summary": "api error rate above 5%",
                                "runbook_url": "https://runbooks.example.org/api/high-error-rate",
                            ], state: .firing, value: 0.0731, activeAt: now - 20 * minute)
                    ], state: .firing),
                RuleStatus(
                    name: "APILatencyHigh",
                    query: "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))"
                        + " > 1",
                    kind: .alerting, labels: ["severity": "warning"], annotations: Labels(),
                    holdDuration: 15 * minute, keepFiringFor: 0),
            ])
    }
}
