import PromText

/// One test group's run: its own store, the rule groups stepped from 0 to the last test time, and the checks.
struct TestGroupRun {
    let file: RuleTestFile
    let test: RuleTestFile.TestGroup
    let testIndex: Int
    let groups: [RuleFile.Group]
    let fuzzyCompare: Bool

    mutating func run() -> [RuleTestFailure] {
        let namePrefix = test.name.isEmpty ? "" : "    name: \(test.name),\n"
        let interval = file.evaluationInterval
        let maximumTime =
            (test.alertTests.map(\.evaluationTime) + test.expressionTests.map(\.evaluationTime)).max() ?? 0
        let lastTick = maximumTime / interval * interval
        let store = SampleStore()
        for (labels, values) in test.inputSeries {
            for (index, value) in values.enumerated() {
                let timestamp = Int64(index) * test.interval
                guard timestamp <= lastTick else { break }
                guard case .value(let number) = value else { continue }
                try? store.append(labels, timestamp: timestamp, value: number)
            }
        }
        let engine = QueryEngine(store: store, defaultSubqueryStep: interval)
        var evaluators: [RuleGroupEvaluator] = []
        for group in groups {
            do {
                evaluators.append(
                    try RuleGroupEvaluator(
                        group: group, externalLabels: test.externalLabels, externalURL: test.externalURL))
            } catch {
                return [
                    RuleTestFailure(
                        testIndex: testIndex, message: "    rule group: \(group.name), err: \(error.message)")
                ]
            }
        }
        if let missing = test.alertTests.first(where: { $0.alertName.isEmpty }) {
            let group = test.name.isEmpty ? "" : " (in TestGroup \(test.name))"
            return [
                RuleTestFailure(
                    testIndex: testIndex,
                    message: "an item under alert_rule_test misses required attribute alertname at eval_time "
                        + PromQLDuration.format(milliseconds: missing.evaluationTime) + group)
            ]
        }
        var failures: [RuleTestFailure] = []
        let alertTests = test.alertTests.sorted { $0.evaluationTime < $1.evaluationTime }
        var nextAlertTest = 0
        var tick: Int64 = 0
        while tick <= maximumTime {
            var errors: [RuleTestFailure] = []
            for index in evaluators.indices {
                errors += evaluators[index].evaluate(at: tick, engine: engine).map {
                    RuleTestFailure(
                        testIndex: testIndex,
                        message: "    rule: \($0.rule), time: \(Self.goDuration(tick)), err: \($0.message)")
                }
            }
            if !errors.isEmpty { return errors }
            while nextAlertTest < alertTests.count && alertTests[nextAlertTest].evaluationTime < tick + interval {
                let alertTest = alertTests[nextAlertTest]
                nextAlertTest += 1
                if let failure = compareAlerts(alertTest, evaluators, namePrefix: namePrefix) {
                    failures.append(RuleTestFailure(testIndex: testIndex, message: failure))
                }
            }
            tick += interval
        }
        for (index, expressionTest) in test.expressionTests.enumerated() {
            if let failure = compareSamples(expressionTest, engine: engine) {
                failures.append(RuleTestFailure(testIndex: testIndex, expressionIndex: index, message: failure))
            }
        }
        return failures
    }

    private func compareAlerts(
        _ alertTest: RuleTestFile.AlertTest, _ evaluators: [RuleGroupEvaluator], namePrefix: String
    ) -> String? {
        let got = evaluators.flatMap { $0.firingAlerts(named: alertTest.alertName) }.map {
            ComparedAlert(labels: $0.labels, annotations: $0.annotations)
        }.sorted()
        let expected = alertTest.expectedAlerts.map { alert in
            var labels = Labels(alert.labels.map { Label($0.key, $0.value) }).sorted()
            labels = labels.setting("alertname", to: alertTest.alertName)
            return ComparedAlert(
                labels: labels, annotations: Labels(alert.annotations.map { Label($0.key, $0.value) }).sorted())
        }.sorted()
        guard expected != got else { return nil }
        return namePrefix + "    alertname: \(alertTest.alertName), time: "
            + PromQLDuration.format(milliseconds: alertTest.evaluationTime) + ", \n        exp:"
            + Self.indentLines(ComparedAlert.listText(expected), "            ") + ", \n        got:"
            + Self.indentLines(ComparedAlert.listText(got), "            ")
    }

    private func compareSamples(_ expressionTest: RuleTestFile.ExpressionTest, engine: QueryEngine) -> String? {
        let header =
            "    expr: \(GoString.quoted(expressionTest.expression)), time: "
            + PromQLDuration.format(milliseconds: expressionTest.evaluationTime)
        var got: [(labels: Labels, value: Double)]
        do throws(EvaluationError) {
            switch try engine.evaluate(expressionTest.expression, at: expressionTest.evaluationTime) {
            case .vector(let samples): got = samples.map { ($0.labels, $0.value) }
            case .scalar(let value): got = [(Labels(), value)]
            default: throw EvaluationError("rule result is not a vector or scalar")
            }
        } catch {
            return header + ", err: \(error.message)"
        }
        var expected: [(labels: Labels, value: Double)] = []
        for sample in expressionTest.expectedSamples {
            do {
                expected.append((try RuleTestFile.parseLabelSet(sample.labels), sample.value))
            } catch {
                return header + ", err: labels \(GoString.quoted(sample.labels)): \(error.message)"
            }
        }
        expected.sort { Labels.compare($0.labels, $1.labels) < 0 }
        got.sort { Labels.compare($0.labels, $1.labels) < 0 }
        let equal =
            expected.count == got.count
            && zip(expected, got).allSatisfy { $0.labels == $1.labels && valuesEqual($0.value, $1.value) }
        guard !equal else { return nil }
        return header + ",\n        exp: " + Self.samplesText(expected) + "\n        got: " + Self.samplesText(got)
    }

    private func valuesEqual(_ expected: Double, _ actual: Double) -> Bool {
        guard fuzzyCompare else { return expected == actual }
        if expected.isNaN && actual.isNaN { return true }
        if expected == actual { return true }
        let absoluteSum = abs(expected) + abs(actual)
        let difference = abs(expected - actual)
        let minimumNormal = Double.leastNormalMagnitude
        if expected == 0 || actual == 0 || absoluteSum < minimumNormal { return difference < 1e-6 * minimumNormal }
        return difference / min(absoluteSum, Double.greatestFiniteMagnitude) < 1e-6
    }

    private static func samplesText(_ samples: [(labels: Labels, value: Double)]) -> String {
        if samples.isEmpty { return "nil" }
        return samples.map { $0.labels.promQLText + " " + GoFloat.shortest($0.value, verb: UInt8(ascii: "E")) }
            .joined(separator: ", ")
    }

    /// promtool's `indentLines`: every line after the first prefixed with `indent`.
    static func indentLines(_ text: String, _ indent: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            ($0.offset > 0 ? indent : "") + $0.element
        }.joined(separator: "\n")
    }

    /// Go's `time.Duration.String` for whole milliseconds.
    static func goDuration(_ milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        let hours = milliseconds / 3_600_000
        let minutes = milliseconds / 60_000 % 60
        let seconds = Double(milliseconds % 60_000) / 1000
        var text = ""
        if hours > 0 { text += "\(hours)h" }
        if hours > 0 || minutes > 0 { text += "\(minutes)m" }
        return text + GoFloat.shortest(seconds, verb: UInt8(ascii: "f")) + "s"
    }
}
