import Foundation
import TestSupport
import Testing

/// Real Prometheus (Debian's `prometheus` 2.42) and our evaluator scrape the same scripted target with the same
/// configuration and rule file for about half a minute; then both answer the same questions.
///
/// The target stamps every sample explicitly, on a 2 s grid, and serves each step before its timestamp (see
/// ``ScriptedTarget``), so both stores hold identical samples and every evaluation's input is fixed by its
/// timestamp. Rule output is compared once per second of script, at the end of each second, where each process's
/// latest evaluation has seen exactly the data up to that second, whatever offset its groups run at.
///
/// `TOCSIN_SIDEBYSIDE_EVALUATOR=/usr/bin/prometheus` runs Prometheus against itself to check the harness.
@Suite(.serialized, .enabled(if: Peers.available("prometheus")), .timeLimit(.minutes(3)))
struct SideBySidePrometheusTests {
    static let capture = Result { try SideBySideCapture.run() }

    /// What the script makes Prometheus's `ALERTS` do, per alert: each second of script with its state.
    /// Checked on the reference only: it shows the harness makes every evaluation depend on data alone.
    static let expectedReferenceAlerts: [String: [ClosedRange<Int>: String]] = [
        #"QueueDepthHigh{queue="a"}"#: [6...8: "pending", 9...13: "firing"],
        #"QueueDepthHigh{queue="b"}"#: [20...21: "pending"],
        #"QueueDepthHigh{queue="c"}"#: [18...20: "pending", 21...24: "firing"],
        #"FlagRaised{unit="x"}"#: [4...11: "firing"],
        #"FlagRaised{unit="y"}"#: [16...24: "firing"],
        #"ErrorRatioHigh{handler="/api"}"#: [8...9: "pending", 10...17: "firing"],
        "LatencyHigh{}": [10...11: "pending", 12...17: "firing"],
        "MetricAbsent{}": [0...24: "firing"],
        "MaxQueueDepthHigh{}": [6...6: "pending", 7...13: "firing", 18...18: "pending", 19...24: "firing"],
    ]

    /// Both stored every step of the script and evaluated both groups in every second: the precondition of the
    /// comparisons below. When this fails, the machine stalled a process for more than a second.
    @Test func bothStoredEveryStepAndEvaluatedEverySecond() throws {
        let capture = try Self.capture.get()
        let steps = Array(stride(from: 0, through: SideBySideCapture.scriptSeconds, by: SideBySideScript.stepSeconds))
        for answers in [capture.reference, capture.candidate] {
            #expect(answers.storedSeconds == steps, "\(answers.name) stored these steps")
            #expect(answers.missedEvaluations.isEmpty, "\(answers.name) missed evaluations in these seconds")
        }
    }

    @Test func referenceAlertsFollowTheScript() throws {
        let capture = try Self.capture.get()
        let alerts = try #require(capture.reference.ruleOutputs["ALERTS"])
        let timelines = Self.alertTimelines(alerts, capture: capture)
        var expected: [String: [Int: String]] = [:]
        for (alert, ranges) in Self.expectedReferenceAlerts {
            for (seconds, state) in ranges { for second in seconds { expected[alert, default: [:]][second] = state } }
        }
        #expect(timelines == expected, "prometheus: \(capture.reference.log)")
    }

    @Test func alertsAndRecordingRulesAgreeEvaluationForEvaluation() throws {
        let capture = try Self.capture.get()
        for query in SideBySideCapture.ruleOutputs {
            let reference = try #require(capture.reference.ruleOutputs[query])
            let candidate = try #require(capture.candidate.ruleOutputs[query])
            let differences = reference.differences(from: candidate)
            #expect(
                differences.isEmpty,
                """
                \(query) (prometheus ≠ \(capture.candidate.name)):
                \(differences.map { Self.relativeTimes($0, capture: capture) }.joined(separator: "\n"))
                \(capture.candidate.name) log: \(capture.candidate.log)
                """)
        }
    }

    @Test(arguments: SideBySideQueries.all)
    func instantAndRangeQueriesAgree(_ query: String) throws {
        let capture = try Self.capture.get()
        let ordered = query.hasPrefix("sort")
        for (kind, reference, candidate) in [
            ("instant", capture.reference.instant[query], capture.candidate.instant[query]),
            ("range", capture.reference.range[query], capture.candidate.range[query]),
        ] {
            let reference = try #require(reference)
            let candidate = try #require(candidate)
            let differences = reference.differences(from: candidate, ordered: ordered && kind == "instant")
            #expect(
                differences.isEmpty,
                """
                \(kind) \(SideBySideQueries.resolve(query, epoch: capture.epoch)):
                prometheus: \(reference)
                \(capture.candidate.name): \(candidate)
                \(differences.joined(separator: "\n"))
                """)
        }
    }

    @Test func rulesReportTheSameHealth() throws {
        let capture = try Self.capture.get()
        #expect(capture.reference.rules.count == 11, "\(capture.reference.rules)")
        #expect(capture.candidate.rules == capture.reference.rules)
    }

    /// After the script, `/api/v1/alerts` lists the same active alerts with the same state, value (Go's `%e`
    /// form) and templated annotations, activated in the same second of script.
    @Test func activeAlertsAgreeAfterTheScript() throws {
        let capture = try Self.capture.get()
        #expect(capture.reference.activeAlerts.count == 3, "\(capture.reference.activeAlerts)")
        #expect(capture.candidate.activeAlerts == capture.reference.activeAlerts)
    }

    @Test func targetsAgree() throws {
        let capture = try Self.capture.get()
        #expect(capture.reference.targets.count == 1, "\(capture.reference.targets)")
        #expect(capture.candidate.targets == capture.reference.targets)
        // A target on localhost gets the host of the external URL (the machine's name by default) in globalUrl.
        #expect(capture.candidate.globalURLs == capture.reference.globalURLs)
    }

    /// `tocsin_rule_group_last_duration_seconds` carries the `rule_group` label Prometheus's
    /// `prometheus_rule_group_last_duration_seconds` does: `<rule file path>;<group name>`.
    @Test func selfMetricsNameRuleGroupsAsPrometheusDoes() throws {
        let capture = try Self.capture.get()
        #expect(capture.reference.ruleGroupLabels == ["RULES;sbs_alerts", "RULES;sbs_recording"])
        #expect(capture.candidate.ruleGroupLabels == capture.reference.ruleGroupLabels)
    }

    @Test func targetServesOneStepAheadOfTheWallClock() {
        let epoch = 1_700_000_001
        #expect(ScriptedTarget.exposition(epoch: epoch, now: Double(epoch) - 3.0) == "")
        let first = ScriptedTarget.exposition(epoch: epoch, now: Double(epoch) - 2.9)
        #expect(first.contains(#"sbs_queue_depth{queue="a"} 1 1700000001000"#))
        let later = ScriptedTarget.exposition(epoch: epoch, now: Double(epoch) + 7.5)
        #expect(later.contains(#"sbs_queue_depth{queue="a"} 12 1700000011000"#))
        #expect(later.contains(#"sbs_http_requests_total{code="200",handler="/health"} 17 1700000011000"#))
        #expect(later.contains(#"sbs_request_duration_seconds_count{handler="/api"} 50 1700000011000"#))
        let afterReset = ScriptedTarget.exposition(epoch: epoch, now: Double(epoch) + 11.5)
        #expect(afterReset.contains(#"sbs_http_requests_total{code="200",handler="/health"} 4 1700000015000"#))
    }

    /// `ALERTS` as `alertname{labels that tell instances apart}` → second of script → `alertstate`.
    static func alertTimelines(_ answer: QueryAnswer, capture: SideBySideCapture) -> [String: [Int: String]] {
        guard case .series(_, let series) = answer else { return ["unexpected answer": [0: "\(answer)"]] }
        var timelines: [String: [Int: String]] = [:]
        let common: Set = ["__name__", "alertname", "alertstate", "instance", "job", "severity", "queue_copy"]
        for alert in series {
            let distinguishing = alert.labels.filter { !common.contains($0.key) }.sorted { $0.key < $1.key }
            let name =
                (alert.labels["alertname"] ?? "?") + "{"
                + distinguishing.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ",") + "}"
            for point in alert.points {
                let second = Int((point.milliseconds - Int64(capture.epoch) * 1000) / 1000)
                timelines[name, default: [:]][second] = alert.labels["alertstate"] ?? "?"
            }
        }
        return timelines
    }

    /// A difference line with each `@<milliseconds>` written as the second of script it stands for.
    static func relativeTimes(_ line: String, capture: SideBySideCapture) -> String {
        var result = ""
        var rest = Substring(line)
        while let marker = rest.firstIndex(of: "@") {
            result += rest[...marker]
            rest = rest[rest.index(after: marker)...]
            let digits = rest.prefix { $0.isNumber }
            if let milliseconds = Int64(digits) {
                result += "s\((milliseconds - Int64(capture.epoch) * 1000) / 1000)"
                rest = rest.dropFirst(digits.count)
            }
        }
        return result + rest
    }
}
