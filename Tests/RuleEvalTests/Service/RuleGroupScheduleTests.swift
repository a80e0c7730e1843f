import Testing

@testable import RuleEval

@Suite struct RuleGroupScheduleTests {
    @Test func slotsAreAlignedToTheGroupPhaseAndStableAcrossRestarts() {
        let schedule = RuleGroupSchedule(key: "rules.yml;node", interval: 15_000)
        #expect((0..<15_000).contains(schedule.offset))
        #expect(RuleGroupSchedule(key: "rules.yml;node", interval: 15_000).offset == schedule.offset)
        let slot = schedule.slot(atOrBefore: 1_700_000_007_123)
        #expect(slot <= 1_700_000_007_123 && 1_700_000_007_123 - slot < 15_000)
        #expect((slot - schedule.offset) % 15_000 == 0)
        #expect(schedule.slot(atOrBefore: slot) == slot)
        #expect(schedule.firstEvaluation(startingAt: slot) == slot + 15_000)
    }

    @Test func differentGroupsSpreadOverTheInterval() {
        let offsets = Set((0..<20).map { RuleGroupSchedule(key: "rules.yml;group\($0)", interval: 60_000).offset })
        #expect(offsets.count > 15)
    }

    @Test(arguments: [
        // (finished after the previous slot, next evaluation relative to it, missed)
        (Int64(200), Int64(10_000), Int64(0)),  // on time: wait for the next slot
        (9_999, 10_000, 0),
        (10_000, 10_000, 0),  // overran to exactly the next slot: evaluate it at once
        (25_000, 20_000, 1),  // overran two slots: evaluate the latest passed one, one missed
        (41_000, 40_000, 3),
    ])
    func overrunEvaluationsSkipSlotsAndCountThem(finishedAfter: Int64, next: Int64, missed: Int64) {
        let schedule = RuleGroupSchedule(key: "k", interval: 10_000)
        let result = schedule.next(after: 1_000_000, finishedAt: 1_000_000 + finishedAfter)
        #expect(result.time == 1_000_000 + next)
        #expect(result.missed == missed)
    }
}
