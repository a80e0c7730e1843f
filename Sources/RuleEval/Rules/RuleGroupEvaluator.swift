import PromText

/// Evaluates rule groups the way Prometheus's rule manager does at one evaluation time: rules in order, each
/// recording rule writing its samples back into the store (later rules see them), each alerting rule stepping
/// its ``AlertTable`` and writing `ALERTS`/`ALERTS_FOR_STATE`; series a rule no longer produces get a stale marker.
public struct RuleGroupEvaluator: Sendable {
    /// One rule with its evaluation state.
    struct RuleState: Sendable {
        var rule: RuleFile.Rule
        var expression: Expression
        var labelTemplates: [(name: String, template: AlertTemplate?)]
        var annotationTemplates: [(name: String, template: AlertTemplate?)]
        var alerts: AlertTable
        var previousSeries: Set<Labels> = []
        var health = RuleHealth.unknown
        var lastError = ""
        var lastEvaluation: Int64?
        var evaluationDuration = Duration.zero
    }

    /// The group name.
    public let name: String
    /// The most series a recording rule or alerts an alerting rule may produce; 0 means no limit.
    public let limit: Int
    /// How far before each evaluation time the rules query and write (the group's `query_offset`), in ms.
    public let queryOffset: Int64
    var rules: [RuleState]
    /// Labels templates see as `$externalLabels`.
    public var externalLabels: [String: String]
    /// The URL templates see as `$externalURL`.
    public var externalURL: String

    /// Prepares `group`'s rules; fails when an expression does not parse.
    public init(group: RuleFile.Group, externalLabels: [String: String], externalURL: String) throws(EvaluationError) {
        name = group.name
        limit = group.limit
        queryOffset = group.queryOffset?.milliseconds ?? 0
        self.externalLabels = externalLabels
        self.externalURL = externalURL
        rules = []
        for rule in group.rules {
            let expression: Expression
            do {
                expression = try PromQLParser.parse(rule.expr)
            } catch {
                throw EvaluationError("\(error)")
            }
            let name = rule.name
            func templates(_ entries: [YAMLStringEntry]) -> [(String, AlertTemplate?)] {
                entries.map { ($0.key, try? AlertTemplate.parse($0.value, name: name)) }
            }
            rules.append(
                RuleState(
                    rule: rule, expression: expression,
                    labelTemplates: rule.alert.isEmpty ? [] : templates(rule.labels),
                    annotationTemplates: templates(rule.annotations),
                    alerts: AlertTable(
                        holdDuration: rule.forDuration.milliseconds, keepFiringFor: rule.keepFiringFor.milliseconds)))
        }
    }

    /// The firing alerts of the alerting rules called `alertName`: labels and annotations.
    public func firingAlerts(named alertName: String) -> [(labels: Labels, annotations: Labels)] {
        rules.filter { $0.rule.alert == alertName }.flatMap { state in
            state.alerts.activeAlerts.filter { $0.state == .firing }.map { ($0.labels, $0.annotations) }
        }
    }

    /// Evaluates every rule at `time` (milliseconds); returns the errors of rules that failed (by rule name),
    /// after evaluating the others.
    public mutating func evaluate(at time: Int64, engine: QueryEngine) -> [(rule: String, message: String)] {
        var errors: [(rule: String, message: String)] = []
        let clock = ContinuousClock()
        for index in rules.indices {
            let start = clock.now
            do {
                try evaluateRule(at: index, time: time, engine: engine)
                rules[index].health = .ok
                rules[index].lastError = ""
            } catch {
                errors.append((rules[index].rule.name, error.message))
                rules[index].health = .err
                rules[index].lastError = error.message
            }
            rules[index].lastEvaluation = time
            rules[index].evaluationDuration = clock.now - start
        }
        return errors
    }

    /// Every rule's definition, last evaluation and active alerts, in file order.
    public var ruleStatuses: [RuleStatus] {
        rules.map { state in
            func labels(_ entries: [YAMLStringEntry]) -> Labels {
                entries.reduce(Labels()) { $0.setting($1.key, to: $1.value) }
            }
            let alerting = !state.rule.alert.isEmpty
            return RuleStatus(
                name: state.rule.name, query: state.rule.expr, kind: alerting ? .alerting : .recording,
                labels: labels(state.rule.labels), annotations: labels(state.rule.annotations),
                holdDuration: state.rule.forDuration.milliseconds, keepFiringFor: state.rule.keepFiringFor.milliseconds,
                health: state.health, lastError: state.lastError, lastEvaluation: state.lastEvaluation,
                evaluationDuration: state.evaluationDuration, alerts: state.alerts.activeAlerts,
                state: alerting ? state.alerts.state : .inactive)
        }
    }

    private mutating func evaluateRule(at index: Int, time: Int64, engine: QueryEngine) throws(EvaluationError) {
        let state = rules[index]
        let queryTime = time - queryOffset
        let samples: [InstantSample]
        switch try engine.evaluate(state.expression, at: queryTime) {
        case .vector(let vector): samples = vector
        case .scalar(let value): samples = [InstantSample(labels: Labels(), value: value, timestamp: queryTime)]
        default: throw EvaluationError("rule result is not a vector or scalar")
        }
        var output: [(Labels, Double)] = []
        if state.rule.alert.isEmpty {
            if limit > 0 && samples.count > limit {
                throw EvaluationError("exceeded limit of \(limit) with \(samples.count) series")
            }
            var seen = Set<Labels>()
            for sample in samples {
                var labels = sample.labels.setting(Labels.metricName, to: state.rule.record)
                for entry in state.rule.labels { labels = labels.setting(entry.key, to: entry.value) }
                guard seen.insert(labels).inserted else {
                    throw EvaluationError("vector contains metrics with the same labelset after applying rule labels")
                }
                output.append((labels, sample.value))
            }
        } else {
            output = try evaluateAlerts(index, samples, time: time, engine: engine)
        }
        write(output, for: index, at: queryTime, engine: engine)
    }

    private mutating func evaluateAlerts(
        _ index: Int, _ samples: [InstantSample], time: Int64, engine: QueryEngine
    ) throws(EvaluationError) -> [(Labels, Double)] {
        let state = rules[index]
        let queryTime = time - queryOffset
        let query: TemplateQueryFunction = { text in
            guard case .vector(let samples) = try engine.evaluate(text, at: queryTime) else {
                throw EvaluationError("query result is not a vector")
            }
            return samples.map {
                TemplateQuerySample(
                    labels: Dictionary($0.labels.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }),
                    value: $0.value)
            }
        }
        let externalLabels = self.externalLabels
        let externalURL = self.externalURL
        var results: [AlertTable.Result] = []
        var seen = Set<Labels>()
        for sample in samples {
            let templateLabels = Dictionary(sample.labels.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
            let expand = { (text: String, template: AlertTemplate?) -> String in
                guard let template else {
                    return AlertTemplate.expand(
                        text, name: state.rule.alert,
                        data: AlertTemplateData(
                            labels: templateLabels, externalLabels: externalLabels, externalURL: externalURL,
                            value: sample.value),
                        evaluationTime: Double(queryTime) / 1000, query: query)
                }
                return template.expand(
                    labels: templateLabels, externalLabels: externalLabels, externalURL: externalURL,
                    value: sample.value, evaluationTime: Double(queryTime) / 1000, query: query)
            }
            var labels = sample.labels.droppingMetricName()
            for (entry, template) in zip(state.rule.labels, state.labelTemplates) {
                labels = labels.setting(entry.key, to: expand(entry.value, template.template))
            }
            labels = labels.setting("alertname", to: state.rule.alert)
            var annotations = Labels()
            for (entry, template) in zip(state.rule.annotations, state.annotationTemplates) {
                annotations = annotations.setting(entry.key, to: expand(entry.value, template.template))
            }
            guard seen.insert(labels).inserted else {
                throw EvaluationError("vector contains metrics with the same labelset after applying alert labels")
            }
            results.append(AlertTable.Result(labels: labels, annotations: annotations, value: sample.value))
        }
        do {
            try rules[index].alerts.evaluate(results: results, at: time, limit: limit)
        } catch {
            throw EvaluationError("\(error)")
        }
        var output: [(Labels, Double)] = []
        for alert in rules[index].alerts.activeAlerts {
            output.append(
                (
                    alert.labels.setting(Labels.metricName, to: "ALERTS").setting(
                        "alertstate", to: alert.state.rawValue),
                    1
                ))
            output.append(
                (alert.labels.setting(Labels.metricName, to: "ALERTS_FOR_STATE"), Double(alert.activeAt / 1000)))
        }
        return output
    }

    private mutating func write(_ output: [(Labels, Double)], for index: Int, at time: Int64, engine: QueryEngine) {
        var current = Set<Labels>()
        for (labels, value) in output {
            current.insert(labels)
            try? engine.store.append(labels, timestamp: time, value: value)
        }
        for labels in rules[index].previousSeries where !current.contains(labels) {
            try? engine.store.append(labels, timestamp: time, value: StaleMarker.value)
        }
        rules[index].previousSeries = current
    }
}
