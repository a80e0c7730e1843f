import PromText
import Testing

@testable import RuleEval

@Suite struct SilenceStoreTests {
    private let minute: Int64 = 60_000

    private func silence(
        _ matchers: [Silence.Matcher] = [Silence.Matcher(name: "alertname", value: "Down")],
        startsAt: Int64 = 0,
        endsAt: Int64 = 60 * 60_000
    ) -> Silence {
        Silence(matchers: matchers, startsAt: startsAt, endsAt: endsAt, createdBy: "ops", comment: "maintenance")
    }

    @Test(
        arguments: [
            ([], 0, 10, "at least one matcher required"),
            ([Silence.Matcher(name: "a", value: "")], 0, 10, "at least one matcher must not match the empty string"),
            (
                [Silence.Matcher(name: "a", value: ".*", isRegex: true)], 0, 10,
                "at least one matcher must not match the empty string"
            ),
            (
                [Silence.Matcher(name: "a", value: "(", isRegex: true)], 0, 10,
                "invalid label matcher 0: invalid regular expression \"(\""
            ),
            ([Silence.Matcher(name: "a", value: "b")], 10, 10, "start time must be before end time"),
            ([Silence.Matcher(name: "a", value: "b")], -20, -10, "end time can't be in the past"),
        ] as [([Silence.Matcher], Int64, Int64, String)])
    func rejectsInvalidSilences(matchers: [Silence.Matcher], startsAt: Int64, endsAt: Int64, message: String) {
        var store = SilenceStore()
        var generator = SplitMix(seed: 7)
        #expect(throws: SilenceError(message)) {
            try store.set(self.silence(matchers, startsAt: startsAt, endsAt: endsAt), now: 0, using: &generator)
        }
    }

    @Test func silenceIsPendingThenActiveThenExpired() throws {
        var store = SilenceStore()
        var generator = SplitMix(seed: 7)
        let id = try store.set(silence(startsAt: 10 * minute, endsAt: 20 * minute), now: 0, using: &generator)
        #expect(id.count == 36)
        #expect(Array(id)[14] == "4")
        let labels: Labels = ["alertname": "Down", "job": "api"]
        #expect(store.query(state: .pending, now: 0).map(\.id) == [id])
        #expect(!store.isSilenced(labels, now: 5 * minute))
        #expect(store.isSilenced(labels, now: 10 * minute))
        #expect(!store.isSilenced(["alertname": "Up"], now: 10 * minute))
        #expect(!store.isSilenced(labels, now: 20 * minute))
        #expect(store.silence(id: id)?.state(at: 20 * minute) == .expired)
        store.collectGarbage(now: 20 * minute + store.retention)
        #expect(store.silence(id: id) != nil)
        store.collectGarbage(now: 20 * minute + store.retention + 1)
        #expect(store.all.isEmpty)
    }

    @Test func newSilenceStartingInThePastStartsNow() throws {
        var store = SilenceStore()
        var generator = SplitMix(seed: 7)
        let id = try store.set(silence(startsAt: 0), now: 5 * minute, using: &generator)
        #expect(store.silence(id: id)?.startsAt == 5 * minute)
        #expect(store.silence(id: id)?.updatedAt == 5 * minute)
    }

    @Test func extendingAnActiveSilenceKeepsItsID() throws {
        var store = SilenceStore()
        var generator = SplitMix(seed: 7)
        let id = try store.set(silence(), now: 0, using: &generator)
        var extended = try #require(store.silence(id: id))
        extended.endsAt = 120 * minute
        #expect(try store.set(extended, now: minute, using: &generator) == id)
        #expect(store.silence(id: id)?.endsAt == 120 * minute)
    }

    @Test func changingMatchersExpiresTheOldSilenceAndCreatesANewOne() throws {
        var store = SilenceStore()
        var generator = SplitMix(seed: 7)
        let id = try store.set(silence(), now: 0, using: &generator)
        var changed = try #require(store.silence(id: id))
        changed.matchers = [Silence.Matcher(name: "alertname", value: "Other")]
        let newID = try store.set(changed, now: minute, using: &generator)
        #expect(newID != id)
        #expect(store.silence(id: id)?.endsAt == minute)
        #expect(store.silence(id: newID)?.state(at: minute) == .active)
    }

    @Test func expiringFollowsTheState() throws {
        var store = SilenceStore()
        var generator = SplitMix(seed: 7)
        let active = try store.set(silence(), now: 0, using: &generator)
        let pending = try store.set(silence(startsAt: 30 * minute), now: 0, using: &generator)
        try store.expire(id: active, now: minute)
        try store.expire(id: pending, now: minute)
        #expect(store.silence(id: active).map { ($0.startsAt, $0.endsAt) } ?? (-1, -1) == (0, minute))
        #expect(store.silence(id: pending).map { ($0.startsAt, $0.endsAt) } ?? (-1, -1) == (minute, minute))
        #expect(throws: SilenceError("silence \(active) already expired")) {
            try store.expire(id: active, now: 2 * minute)
        }
        #expect(throws: SilenceError("not found", isNotFound: true)) { try store.expire(id: "nope", now: 0) }
    }

    @Test func persistsAsAPIv2JSON() throws {
        var store = SilenceStore()
        store.load([
            Silence(
                id: "a1",
                matchers: [
                    Silence.Matcher(name: "job", value: "api|web", isRegex: true, isEqual: false),
                    Silence.Matcher(name: "alertname", value: "Down"),
                ],
                startsAt: 1_700_000_000_000, endsAt: 1_700_003_600_000, updatedAt: 1_700_000_000_000,
                createdBy: "ops", comment: "deploy <window>")
        ])
        let text = String(decoding: store.encoded(now: 1_700_000_060_000), as: UTF8.self)
        #expect(
            text
                == #"[{"id":"a1","status":{"state":"active"},"updatedAt":"2023-11-14T22:13:20.000Z","comment":"deploy \u003cwindow\u003e","createdBy":"ops","endsAt":"2023-11-14T23:13:20.000Z","matchers":[{"isEqual":false,"isRegex":true,"name":"job","value":"api|web"},{"isEqual":true,"isRegex":false,"name":"alertname","value":"Down"}],"startsAt":"2023-11-14T22:13:20.000Z"}]"#
        )
        #expect(try SilenceStore.decode(Array(text.utf8)) == store.all)
        #expect(throws: SilenceError.self) { try SilenceStore.decode(Array("[{\"id\":1}]".utf8)) }
    }
}

@Suite struct InhibitorTests {
    private func inhibitor(_ rule: InhibitRuleConfiguration) throws -> Inhibitor { try Inhibitor([rule]) }

    @Test func firingSourceWithEqualLabelsInhibitsTheTarget() throws {
        var inhibitor = try inhibitor(
            InhibitRuleConfiguration(
                sourceMatchers: ["severity=critical"], targetMatchers: ["severity=warning"], equal: ["cluster", "zone"])
        )
        inhibitor.observe(NotifierAlert(labels: ["severity": "critical", "cluster": "a"], startsAt: 0, endsAt: 100))
        // `zone` is absent on both sides: equal.
        #expect(inhibitor.isInhibited(["severity": "warning", "cluster": "a"], now: 50))
        #expect(!inhibitor.isInhibited(["severity": "warning", "cluster": "b"], now: 50))
        #expect(!inhibitor.isInhibited(["severity": "warning", "cluster": "a", "zone": "z1"], now: 50))
        #expect(!inhibitor.isInhibited(["severity": "info", "cluster": "a"], now: 50))
        // A resolved source inhibits nothing.
        #expect(!inhibitor.isInhibited(["severity": "warning", "cluster": "a"], now: 100))
    }

    @Test func alertMatchingBothSidesDoesNotInhibitItself() throws {
        var inhibitor = try inhibitor(
            InhibitRuleConfiguration(sourceMatchers: ["severity=critical"], targetMatchers: ["alertname=Down"]))
        let both: Labels = ["alertname": "Down", "severity": "critical"]
        inhibitor.observe(NotifierAlert(labels: both, startsAt: 0, endsAt: 100))
        #expect(!inhibitor.isInhibited(both, now: 50))
        #expect(
            inhibitor.inhibitor(of: ["alertname": "Down", "severity": "warning"], now: 50)
                == LabelSetFingerprint(of: both))
    }

    @Test func deprecatedSourceMatchIsHonoured() throws {
        var rule = InhibitRuleConfiguration(sourceMatchers: [], targetMatchers: ["severity=warning"])
        rule.sourceMatchRE = ["severity": "crit.*"]
        var inhibitor = try inhibitor(rule)
        inhibitor.observe(NotifierAlert(labels: ["severity": "critical"], startsAt: 0, endsAt: 100))
        #expect(inhibitor.isInhibited(["severity": "warning"], now: 1))
    }
}
