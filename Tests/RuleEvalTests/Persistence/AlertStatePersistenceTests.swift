import Glibc
import PromText
import Testing

@testable import RuleEval

/// Save and restore through the evaluator and the file, stepped on a manual clock (times in minutes).
@Suite struct AlertStatePersistenceTests {
    private let minute: Int64 = 60_000
    private let key = RuleGroupKey(file: "rules/node.yml", name: "node")
    private let down: Labels = ["__name__": "up", "job": "api"]

    private func evaluator(_ rules: String) throws -> RuleGroupEvaluator {
        let text = "groups:\n- name: node\n  rules:\n" + rules
        let file = try RuleFile.parse(Array(text.utf8), fileName: "node.yml")
        return try RuleGroupEvaluator(group: file.groups[0], externalLabels: [:], externalURL: "")
    }

    private let downRule = """
          - alert: Down
            expr: up == 0
            for: 30m
            keep_firing_for: 10m

        """

    /// Evaluates `evaluator` at `minutes` with `up` 0 (down) or 1.
    private func evaluate(_ evaluator: inout RuleGroupEvaluator, at minutes: Int64, down isDown: Bool) {
        let store = SampleStore()
        try? store.append(down, timestamp: minutes * minute, value: isDown ? 0 : 1)
        #expect(evaluator.evaluate(at: minutes * minute, engine: QueryEngine(store: store)).isEmpty)
    }

    private func onlyAlert(_ evaluator: RuleGroupEvaluator) -> Alert? {
        evaluator.rules[0].alerts.alerts.values.first
    }

    /// Saves `evaluator`, writes and reads the file, and restores into a fresh evaluator of `rules` at `minutes`.
    private func restart(
        _ evaluator: RuleGroupEvaluator, rules: String? = nil, at minutes: Int64
    ) throws -> RuleGroupEvaluator {
        let file = AlertStateFile(storagePath: scratchDirectory())
        try file.save(evaluator.savedAlerts, for: key)
        var restarted = try self.evaluator(rules ?? downRule)
        restarted.restore(from: try file.load(), groupKey: key, now: minutes * minute)
        return restarted
    }

    private func scratchDirectory() -> String {
        var template = Array("/tmp/tocsin-alert-state-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    @Test func pendingAlertKeepsForProgressAcrossAShortOutage() throws {
        var before = try evaluator(downRule)
        evaluate(&before, at: 0, down: true)
        evaluate(&before, at: 10, down: true)
        var after = try restart(before, at: 15)
        evaluate(&after, at: 15, down: true)
        #expect(onlyAlert(after)?.state == .pending)
        evaluate(&after, at: 34, down: true)
        #expect(onlyAlert(after)?.state == .pending)
        evaluate(&after, at: 35, down: true)
        #expect(onlyAlert(after)?.state == .firing)
    }

    @Test func outageLongerThanTheToleranceStartsPendingAfresh() throws {
        var before = try evaluator(downRule)
        evaluate(&before, at: 0, down: true)
        evaluate(&before, at: 10, down: true)
        var after = try restart(before, at: 80)
        evaluate(&after, at: 80, down: true)
        #expect(onlyAlert(after)?.activeAt == 80 * minute)
    }

    @Test func firingAlertStaysFiringWithoutBeingSentAgain() throws {
        var before = try evaluator(downRule)
        evaluate(&before, at: 0, down: true)
        evaluate(&before, at: 30, down: true)
        before.rules[0].alerts.markSent(
            down.droppingMetricName().setting("alertname", to: "Down").sorted(),
            at: 30 * minute, validUntil: 34 * minute)
        var after = try restart(before, at: 32)
        evaluate(&after, at: 32, down: true)
        let alert = try #require(onlyAlert(after))
        #expect(alert.state == .firing)
        #expect(alert.activeAt == 0)
        #expect(alert.firedAt == 30 * minute)
        #expect(alert.lastSentAt == 30 * minute)
        #expect(!alert.needsSending(at: 32 * minute, resendDelay: 5 * minute))
    }

    @Test func keepFiringForKeepsCountingAcrossTheRestart() throws {
        var before = try evaluator(downRule)
        evaluate(&before, at: 0, down: true)
        evaluate(&before, at: 30, down: true)
        evaluate(&before, at: 35, down: false)
        #expect(onlyAlert(before)?.keepFiringSince == 35 * minute)
        var after = try restart(before, at: 40)
        evaluate(&after, at: 44, down: false)
        #expect(onlyAlert(after)?.state == .firing)
        evaluate(&after, at: 45, down: false)
        #expect(onlyAlert(after)?.state == .inactive)
        #expect(onlyAlert(after)?.resolvedAt == 45 * minute)
    }

    @Test func resolvedAlertIsRestoredSoItsResolutionIsDelivered() throws {
        let rule = "  - alert: Down\n    expr: up == 0\n    for: 30m\n"
        var before = try evaluator(rule)
        evaluate(&before, at: 0, down: true)
        evaluate(&before, at: 30, down: true)
        evaluate(&before, at: 50, down: false)
        #expect(onlyAlert(before)?.state == .inactive)
        var after = try restart(before, rules: rule, at: 55)
        evaluate(&after, at: 55, down: false)
        let alert = try #require(onlyAlert(after))
        #expect(alert.resolvedAt == 50 * minute)
        #expect(alert.needsSending(at: 55 * minute, resendDelay: minute))
    }

    @Test(arguments: [
        "  - alert: Down\n    expr: up == 1\n    for: 30m\n",
        "  - alert: NodeDown\n    expr: up == 0\n    for: 30m\n",
    ])
    func changedRuleIsNotRestored(changedRule: String) throws {
        var before = try evaluator(downRule)
        evaluate(&before, at: 0, down: true)
        evaluate(&before, at: 30, down: true)
        let after = try restart(before, rules: changedRule, at: 31)
        #expect(after.rules[0].alerts.alerts.isEmpty)
    }

    @Test func sameNameAndQueryAreTellApartByPosition() throws {
        let twoRules = downRule + "  - alert: Down\n    expr: up == 0\n    for: 30m\n    labels: {severity: page}\n"
        var before = try evaluator(twoRules)
        evaluate(&before, at: 0, down: true)
        let saved = before.savedAlerts
        #expect(saved.rules.map(\.ordinal) == [0, 1])
        var after = try evaluator(twoRules)
        #expect(after.restore(from: SavedAlertState(groups: [key: saved]), groupKey: key, now: minute) == 2)
        #expect(after.rules[1].alerts.alerts.values.first?.labels["severity"] == "page")
        #expect(after.rules[0].alerts.alerts.values.first?.labels["severity"] == nil)
    }

    @Test func restoredStateIsSavedWithTheRestoreTimeSoASecondOutageIsNotCountedTwice() throws {
        var before = try evaluator(downRule)
        evaluate(&before, at: 0, down: true)
        evaluate(&before, at: 10, down: true)
        let once = try restart(before, at: 15)
        #expect(once.savedAlerts.rules.first?.stateTime == 15 * minute)
        let twice = try restart(once, at: 20)
        #expect(onlyAlert(twice)?.activeAt == 10 * minute)
    }

    @Test func missingFileIsEmptyState() throws {
        #expect(try AlertStateFile(storagePath: scratchDirectory()).load() == .empty)
    }

    @Test(arguments: [
        ("{\"version\":1,\"groups\":[", "invalid JSON: offset 23: expected a value"),
        ("{\"version\":2,\"groups\":[]}", "unsupported version (expected 1)"),
        (
            "{\"version\":1,\"groups\":[{\"file\":\"a\",\"name\":\"g\",\"rules\":[{\"alert\":\"A\",\"expr\":\"1\","
                + "\"ordinal\":0,\"stateTime\":0,\"alerts\":[{\"labels\":{},\"annotations\":{},\"state\":\"firing\","
                + "\"value\":\"1\"}]}]}]}",
            "group 0 rule 0 alert 0: missing activeAt"
        ),
        (
            "{\"version\":1,\"groups\":[{\"file\":\"a\",\"name\":\"g\",\"rules\":[{\"alert\":\"A\",\"expr\":\"1\","
                + "\"ordinal\":0,\"stateTime\":0,\"alerts\":[{\"labels\":{},\"annotations\":{},\"state\":\"on\","
                + "\"value\":\"1\",\"activeAt\":0}]}]}]}",
            "group 0 rule 0 alert 0: state is not inactive, pending or firing"
        ),
    ])
    func corruptFileIsReportedWithTheFileAndTheProblem(contents: String, message: String) throws {
        let file = AlertStateFile(storagePath: scratchDirectory())
        try AtomicFile.write(Array(contents.utf8), to: file.path)
        #expect(throws: StateFileError(path: file.path, message: message)) { try file.load() }
        var evaluator = try evaluator(downRule)
        let saved = (try? file.load()) ?? .empty
        #expect(evaluator.restore(from: saved, groupKey: key, now: 0) == 0)
    }

    @Test func unreadableFileIsReported() throws {
        let file = AlertStateFile(path: scratchDirectory())
        #expect(throws: StateFileError(path: file.path, message: "\(file.path): read: Is a directory")) {
            try file.load()
        }
    }

    @Test func encodingIsStableAndRoundTripsNonFiniteValues() throws {
        var alert = Alert(
            labels: ["job": "a<b", "alertname": "X"], annotations: ["summary": "s"], value: .infinity,
            activeAt: 1_700_000_000_000)
        alert.state = .firing
        alert.firedAt = 1_700_000_060_000
        let state = SavedAlertState(groups: [
            key: SavedRuleGroup(rules: [
                SavedAlertingRule(name: "X", query: "up", ordinal: 0, stateTime: 1_700_000_060_000, alerts: [alert])
            ])
        ])
        let text = String(decoding: state.encoded, as: UTF8.self)
        #expect(
            text == "{\"version\":1,\"groups\":[{\"file\":\"rules/node.yml\",\"name\":\"node\",\"rules\":[{\"alert\":"
                + "\"X\",\"expr\":\"up\",\"ordinal\":0,\"stateTime\":1700000060000,\"alerts\":[{\"labels\":"
                + "{\"alertname\":\"X\",\"job\":\"a\\u003cb\"},\"annotations\":{\"summary\":\"s\"},\"state\":\"firing\","
                + "\"value\":\"inf\",\"activeAt\":1700000000000,\"firedAt\":1700000060000}]}]}]}")
        var expected = alert
        expected.labels = alert.labels.sorted()
        let decoded = try SavedAlertState.decode(state.encoded)
        #expect(decoded.groups[key]?.rules.first?.alerts == [expected])
    }

    @Test func savingOneGroupKeepsTheOthersAndRetainDropsRemovedGroups() throws {
        let file = AlertStateFile(storagePath: scratchDirectory())
        var group = try evaluator(downRule)
        evaluate(&group, at: 0, down: true)
        let other = RuleGroupKey(file: "rules/other.yml", name: "other")
        file.record(group.savedAlerts, for: other)
        try file.save(group.savedAlerts, for: key)
        #expect(Set(try file.load().groups.keys) == [key, other])
        file.retainGroups([key])
        try file.save(group.savedAlerts, for: key)
        #expect(Set(try file.load().groups.keys) == [key])
    }
}
