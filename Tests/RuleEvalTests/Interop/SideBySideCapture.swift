import Foundation
import TestSupport

/// Everything the side-by-side run asked both evaluators, captured once; the tests compare the answers.
struct SideBySideCapture: Sendable {
    /// What one evaluator answered.
    struct Answers: Sendable {
        /// `prometheus` or the candidate's file name.
        var name: String
        /// `/api/v1/query` at ``SideBySideCapture/queryTime`` per query of ``SideBySideQueries/all``.
        var instant: [String: QueryAnswer] = [:]
        /// `/api/v1/query_range` over ``SideBySideCapture/rangeWindow`` per query of ``SideBySideQueries/all``.
        var range: [String: QueryAnswer] = [:]
        /// Rule output over the whole script, once per second, per query of ``SideBySideCapture/ruleOutputs``.
        var ruleOutputs: [String: QueryAnswer] = [:]
        /// `/api/v1/rules`, one line per rule.
        var rules: [String] = []
        /// `/api/v1/targets`, one line per active target (without `globalUrl`).
        var targets: [String] = []
        /// The `globalUrl` of each active target.
        var globalURLs: [String] = []
        /// `/api/v1/alerts` once the script is over, one line per alert, `activeAt` as the second of script.
        var activeAlerts: [String] = []
        /// The `rule_group` labels of its `*_rule_group_last_duration_seconds`.
        var ruleGroupLabels: [String] = []
        /// The seconds of script at which it holds a sample (every step's second when no scrape went astray).
        var storedSeconds: [Int] = []
        /// The seconds of script whose evaluation of some group did not happen within that second.
        var missedEvaluations: [Int] = []
        /// What the process logged.
        var log = ""
    }

    /// Rule output compared evaluation for evaluation.
    static let ruleOutputs = [
        "ALERTS", "ALERTS_FOR_STATE", #"{__name__=~"handler:.+|sbs:.+|le:.+"}"#,
    ]
    /// Seconds of script covered by the rule output comparison.
    static let scriptSeconds = 24
    /// The instant queries' time, in seconds after the epoch (off the data grid).
    static let queryTime = 20.5
    /// The range queries' start, end and step, in seconds after the epoch.
    static let rangeWindow = (start: 14.5, end: 20.5, step: 2.0)

    /// The Unix second of the script's first step (odd, so data sits on odd seconds).
    var epoch: Int
    /// Real Prometheus's answers.
    var reference: Answers
    /// The candidate's answers.
    var candidate: Answers

    /// The Unix time (seconds) of the `n`th rule-output point: just before second `n + 1` of the script, after
    /// every evaluation that saw data up to second `n`, whatever its group's offset within the second.
    func ruleOutputTime(_ second: Int) -> Double { Double(epoch + second) + 0.999 }

    /// The evaluator under test: `$TOCSIN_SIDEBYSIDE_EVALUATOR` (a `prometheus` binary there checks the harness
    /// itself), else our `tocsin-ruleeval`.
    static var candidateProgram: String {
        ProcessInfo.processInfo.environment["TOCSIN_SIDEBYSIDE_EVALUATOR"] ?? Paths.executable("tocsin-ruleeval")
    }

    /// Runs the scripted target, real Prometheus and the candidate side by side (about 35 s), asks both every
    /// question, stops all three by PID and returns the answers.
    static func run() throws -> SideBySideCapture {
        guard let prometheus = Peers.path(of: "prometheus") else {
            throw SideBySideError("prometheus is not installed")
        }
        let target = try ScriptedTarget()
        defer { target.stop() }
        let configuration = SideBySideRules.configuration.replacingOccurrences(
            of: "TARGET", with: "127.0.0.1:\(target.port)")
        let evaluators = [
            try SideBySideEvaluator(program: prometheus, configuration: configuration, rules: SideBySideRules.rules),
            try SideBySideEvaluator(
                program: candidateProgram, configuration: configuration, rules: SideBySideRules.rules),
        ]
        defer { evaluators.forEach { $0.stop() } }
        for evaluator in evaluators where !evaluator.waitUntilScraping(job: "sbs", timeout: 20) {
            throw SideBySideError("\(evaluator.name) did not scrape the target: \(evaluator.process.log.suffix(3000))")
        }
        let epoch = Self.oddSecond(after: Date().timeIntervalSince1970 + 3)
        target.begin(epoch: epoch)
        // One second more than the last rule-output point, so that the alert list is past the last transition.
        let finished = Double(epoch + scriptSeconds + 3)
        Thread.sleep(forTimeInterval: max(0, finished - Date().timeIntervalSince1970))
        var capture = SideBySideCapture(
            epoch: epoch, reference: Answers(name: evaluators[0].name), candidate: Answers(name: evaluators[1].name))
        capture.reference = capture.answers(of: evaluators[0])
        capture.candidate = capture.answers(of: evaluators[1])
        return capture
    }

    private func answers(of evaluator: SideBySideEvaluator) -> Answers {
        var answers = Answers(name: evaluator.name)
        let base = Double(epoch)
        for query in SideBySideQueries.all {
            let resolved = SideBySideQueries.resolve(query, epoch: epoch)
            answers.instant[query] = evaluator.query(resolved, at: base + Self.queryTime)
            answers.range[query] = evaluator.queryRange(
                resolved, start: base + Self.rangeWindow.start, end: base + Self.rangeWindow.end,
                step: Self.rangeWindow.step)
        }
        for query in Self.ruleOutputs {
            answers.ruleOutputs[query] = evaluator.queryRange(
                query, start: ruleOutputTime(0), end: ruleOutputTime(Self.scriptSeconds), step: 1)
        }
        answers.rules = Self.ruleLines(evaluator.json("rules"))
        answers.activeAlerts = alertLines(evaluator.json("alerts"))
        let targets = evaluator.json("targets")
        answers.targets = Self.targetLines(targets)
        let active = (targets?["data"] as? [String: Any])?["activeTargets"] as? [[String: Any]] ?? []
        answers.globalURLs = active.map { "\($0["globalUrl"] ?? "-")" }.sorted()
        let selfMetricPrefix = evaluator.name == "prometheus" ? "prometheus" : "tocsin"
        answers.ruleGroupLabels = evaluator.ruleGroups(inMetric: "\(selfMetricPrefix)_rule_group_last_duration_seconds")
        let stored = evaluator.query(
            "sbs_build_info[\(Self.scriptSeconds + 1)s]", at: base + Double(Self.scriptSeconds) + 0.5)
        if case .series(_, let series) = stored {
            answers.storedSeconds = series.flatMap { $0.points.map { Int($0.milliseconds / 1000) - epoch } }
        }
        for group in [#"ALERTS{alertname="MetricAbsent"}"#, "sbs:queue_depth:max"] {
            let answer = evaluator.queryRange(
                "timestamp(\(group))", start: ruleOutputTime(0), end: ruleOutputTime(Self.scriptSeconds), step: 1)
            answers.missedEvaluations += missedEvaluations(answer)
        }
        answers.log = String(evaluator.process.log.suffix(5000))
        return answers
    }

    /// The seconds of script at which `timestamps` (the `timestamp()` of a group's output over the rule-output
    /// points) is not from an evaluation in that very second.
    private func missedEvaluations(_ timestamps: QueryAnswer) -> [Int] {
        guard case .series(_, let series) = timestamps, let points = series.first?.points else {
            return Array(0...Self.scriptSeconds)
        }
        let evaluated = Set(points.map { Int($0.value.rounded(.down)) - epoch })
        return (0...Self.scriptSeconds).filter { !evaluated.contains($0) }
    }

    /// `/api/v1/alerts` as one line per alert, sorted: labels, state, value, annotations and the second of script
    /// it became active in (`before` for alerts active before the script began).
    private func alertLines(_ json: [String: Any]?) -> [String] {
        let alerts = (json?["data"] as? [String: Any])?["alerts"] as? [[String: Any]] ?? []
        let parser = ISO8601DateFormatter()
        return alerts.map { alert in
            let text = alert["activeAt"] as? String ?? ""
            let wholeSeconds = text.split(separator: ".").first.map { $0.hasSuffix("Z") ? String($0) : $0 + "Z" } ?? ""
            let activeAt = parser.date(from: wholeSeconds).map { Int($0.timeIntervalSince1970) - epoch }
            let sorted = { (map: Any?) in
                (map as? [String: String] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            }
            return [
                "labels=\(sorted(alert["labels"]))", "state=\(alert["state"] ?? "?")", "value=\(alert["value"] ?? "?")",
                "annotations=\(sorted(alert["annotations"]))",
                "activeAt=\(activeAt.map { $0 >= 0 ? "s\($0)" : "before" } ?? text)",
            ].joined(separator: " ")
        }.sorted()
    }

    /// `/api/v1/targets` as one line per active target: the fields that do not depend on timing.
    static func targetLines(_ json: [String: Any]?) -> [String] {
        let targets = (json?["data"] as? [String: Any])?["activeTargets"] as? [[String: Any]] ?? []
        return targets.map { target in
            let labels = (target["labels"] as? [String: String] ?? [:]).sorted { $0.key < $1.key }
            let discovered = (target["discoveredLabels"] as? [String: String] ?? [:]).sorted { $0.key < $1.key }
            return [
                "labels", "discoveredLabels", "scrapePool", "scrapeUrl", "health", "lastError",
                "scrapeInterval", "scrapeTimeout",
            ].map { key in
                switch key {
                case "labels": "labels=\(labels.map { "\($0.key)=\($0.value)" })"
                case "discoveredLabels": "discoveredLabels=\(discovered.map { "\($0.key)=\($0.value)" })"
                default: "\(key)=\(target[key] ?? "-")"
                }
            }.joined(separator: " ")
        }.sorted()
    }

    /// `/api/v1/rules` as one line per rule: group, name, type, health, query, `for`, labels.
    static func ruleLines(_ json: [String: Any]?) -> [String] {
        let groups = (json?["data"] as? [String: Any])?["groups"] as? [[String: Any]] ?? []
        return groups.flatMap { group in
            (group["rules"] as? [[String: Any]] ?? []).map { rule in
                let labels = (rule["labels"] as? [String: String] ?? [:]).sorted { $0.key < $1.key }
                return [
                    "\(group["name"] ?? "?")/\(rule["name"] ?? "?")", "type=\(rule["type"] ?? "?")",
                    "health=\(rule["health"] ?? "?")", "for=\(rule["duration"] ?? "-")",
                    "query=\(rule["query"] ?? "?")", "labels=\(labels.map { "\($0.key)=\($0.value)" })",
                ].joined(separator: " ")
            }
        }
    }

    /// The first odd Unix second at or after `time`.
    static func oddSecond(after time: Double) -> Int {
        let second = Int(time.rounded(.up))
        return second % 2 == 1 ? second : second + 1
    }
}

/// Why the side-by-side run could not capture answers.
struct SideBySideError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
