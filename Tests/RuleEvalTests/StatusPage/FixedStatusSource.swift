import PromText

@testable import RuleEval

/// An ``EvaluatorStatusSource`` that returns what a test put in it.
struct FixedStatusSource: EvaluatorStatusSource {
    let engine: QueryEngine
    var targetStatuses: [ScrapeTargetStatus] = []
    var groups: [RuleGroupStatus] = []
    var external: [String: String] = [:]
    let startTime: Int64

    init(store: SampleStore = SampleStore(), startTime: Int64) {
        self.engine = QueryEngine(store: store)
        self.startTime = startTime
    }

    func targets() -> [ScrapeTargetStatus] { targetStatuses }
    func ruleGroups() -> [RuleGroupStatus] { groups }
    func externalLabels() -> [String: String] { external }

    /// A target of `job` at `address` with `labels`, last scraped at `lastScrape` (0: never).
    static func target(
        job: String, address: String, labels: Labels = Labels(), health: ScrapeTargetHealth,
        lastScrape: Int64 = 0, duration: Duration = .zero, error: String = "", parameters: [String: [String]] = [:]
    ) throws -> ScrapeTargetStatus {
        var configuration = ScrapeConfiguration(
            jobName: job, scrapeInterval: .seconds(15), scrapeTimeout: .seconds(10))
        configuration.params = parameters
        guard let target = try ScrapeTarget(address: address, groupLabels: labels, configuration: configuration)
        else { throw FixtureError.targetDropped }
        var status = ScrapeTargetStatus(jobName: job, target: target)
        status.health = health
        status.lastScrape = lastScrape
        status.lastScrapeDuration = duration
        status.lastError = error
        return status
    }

    /// An alert in `state`, active since `activeAt`.
    static func alert(
        _ labels: Labels, annotations: Labels = Labels(), state: AlertState, value: Double, activeAt: Int64
    ) -> Alert {
        var alert = Alert(labels: labels.sorted(), annotations: annotations, value: value, activeAt: activeAt)
        alert.state = state
        return alert
    }

    /// Writes the `ALERTS` samples an evaluator running every `interval` ms would have written for an alert with
    /// `labels` that spent each of `runs` in a state: a sample per evaluation, and a stale marker where a run ends
    /// before `now`.
    static func recordHistory(
        of labels: Labels, runs: [(state: AlertState, from: Int64, to: Int64)], interval: Int64, now: Int64,
        in store: SampleStore
    ) throws {
        for run in runs {
            let series = labels.setting("__name__", to: "ALERTS").setting("alertstate", to: run.state.rawValue)
            for time in stride(from: run.from, to: min(run.to, now + 1), by: Int(interval)) {
                try store.append(series, timestamp: time, value: 1)
            }
            if run.to <= now { try store.append(series, timestamp: run.to, value: StaleMarker.value) }
        }
    }

    enum FixtureError: Error { case targetDropped }
}
