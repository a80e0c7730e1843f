import Exporter
import PromText

/// The evaluator's own metrics, named as Prometheus names its rule-manager and config metrics with a `tocsin_`
/// prefix (`prometheus_rule_group_last_duration_seconds` → `tocsin_rule_group_last_duration_seconds`), so
/// dashboards and alerts written for one carry over. Rule-group metrics carry `rule_group="<file>;<name>"`.
final class EvaluatorMetrics: Sendable {
    let groupLastDuration = GaugeFamily(
        name: "tocsin_rule_group_last_duration_seconds",
        help: "The duration of the last rule group evaluation.", labelNames: ["rule_group"])
    let groupLastEvaluation = GaugeFamily(
        name: "tocsin_rule_group_last_evaluation_timestamp_seconds",
        help: "The timestamp of the last rule group evaluation in seconds.", labelNames: ["rule_group"])
    let groupInterval = GaugeFamily(
        name: "tocsin_rule_group_interval_seconds", help: "The interval of a rule group.",
        labelNames: ["rule_group"])
    let groupRules = GaugeFamily(
        name: "tocsin_rule_group_rules", help: "The number of rules.", labelNames: ["rule_group"])
    let iterationsMissed = CounterFamily(
        name: "tocsin_rule_group_iterations_missed_total",
        help: "The total number of rule group evaluations missed due to slow rule group evaluation.",
        labelNames: ["rule_group"])
    let iterationsScheduled = CounterFamily(
        name: "tocsin_rule_group_iterations_total",
        help: "The total number of scheduled rule group evaluations, whether executed or missed.",
        labelNames: ["rule_group"])
    let evaluations = CounterFamily(
        name: "tocsin_rule_evaluations_total", help: "The total number of rule evaluations.",
        labelNames: ["rule_group"])
    let evaluationFailures = CounterFamily(
        name: "tocsin_rule_evaluation_failures_total", help: "The total number of rule evaluation failures.",
        labelNames: ["rule_group"])
    let reloadSuccessful = Gauge()
    let reloadSuccessTimestamp = Gauge()
    private let store: SampleStore
    private let targets: @Sendable () -> [ScrapeTargetStatus]

    /// Creates the metrics; `store` and `targets` are read at every collection.
    init(store: SampleStore, targets: @escaping @Sendable () -> [ScrapeTargetStatus]) {
        self.store = store
        self.targets = targets
    }

    /// Sets up the series of a group that (re)starts, so they exist at zero before its first evaluation.
    func registerGroup(key: String, interval: Int64, ruleCount: Int) {
        groupInterval.labels(key).set(Double(interval) / 1000)
        groupRules.labels(key).set(Double(ruleCount))
        _ = iterationsMissed.labels(key)
        _ = iterationsScheduled.labels(key)
        _ = evaluations.labels(key)
        _ = evaluationFailures.labels(key)
    }

    /// Drops the series of a group that a reload removed.
    func removeGroup(key: String) {
        for family in [groupLastDuration, groupLastEvaluation, groupInterval, groupRules] {
            _ = family.remove(key)
        }
        for family in [iterationsMissed, iterationsScheduled, evaluations, evaluationFailures] {
            _ = family.remove(key)
        }
    }

    /// Records one completed evaluation of a group.
    func recordEvaluation(key: String, at time: Int64, duration: Duration, rules: Int, failures: Int, missed: Int64) {
        groupLastDuration.labels(key).set(duration.secondsValue)
        groupLastEvaluation.labels(key).set(Double(time) / 1000)
        evaluations.labels(key).increment(by: Double(rules))
        evaluationFailures.labels(key).increment(by: Double(failures))
        iterationsScheduled.labels(key).increment(by: Double(1 + missed))
        iterationsMissed.labels(key).increment(by: Double(missed))
    }

    /// Records the outcome of a configuration load at `time` (milliseconds).
    func recordReload(successful: Bool, at time: Int64) {
        reloadSuccessful.set(successful ? 1 : 0)
        if successful { reloadSuccessTimestamp.set(Double(time / 1000)) }
    }
}

extension EvaluatorMetrics: Collector {
    func collect() -> [MetricFamily] {
        let statistics = store.statistics()
        var poolTargets: [String: Int] = [:]
        for target in targets() { poolTargets[target.jobName, default: 0] += 1 }
        let pools = GaugeFamily(
            name: "tocsin_target_scrape_pool_targets", help: "Current number of targets in this scrape pool.",
            labelNames: ["scrape_job"])
        for (job, count) in poolTargets { pools.labels(job).set(Double(count)) }
        let gauge = { (name: String, help: String, value: Double) -> MetricFamily in
            MetricFamily(
                name: name, type: .gauge, help: help, samples: [Sample(name: name, labels: Labels(), value: value)])
        }
        let families: [any Collector] = [
            groupLastDuration, groupLastEvaluation, groupInterval, groupRules, iterationsMissed, iterationsScheduled,
            evaluations, evaluationFailures, pools,
        ]
        return families.flatMap { $0.collect() } + [
            gauge(
                "tocsin_config_last_reload_successful", "Whether the last configuration reload attempt was successful.",
                reloadSuccessful.value),
            gauge(
                "tocsin_config_last_reload_success_timestamp_seconds",
                "Timestamp of the last successful configuration reload.", reloadSuccessTimestamp.value),
            gauge(
                "tocsin_tsdb_head_series", "Total number of series in the in-memory store.", Double(statistics.series)),
            gauge(
                "tocsin_tsdb_head_samples", "Total number of samples held in the in-memory store.",
                Double(statistics.samples)),
            gauge(
                "tocsin_tsdb_head_sample_bytes", "Bytes of compressed sample data held in the in-memory store.",
                Double(statistics.sampleBytes)),
        ]
    }
}
