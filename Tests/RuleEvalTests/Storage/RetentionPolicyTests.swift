import PromText
import Testing

@testable import RuleEval

@Suite struct RetentionPolicyTests {
    private let policy = RetentionPolicy(lookbackDelta: 300_000, upperBound: 86_400_000, queryWindow: 600_000)

    private func window(_ expressions: [String], queryOffset: Int64 = 0) throws -> Int64 {
        try policy.window(for: expressions.map { (try PromQLParser.parse($0), queryOffset) })
    }

    @Test func rulesSetTheWindowAboveTheQueryWindow() throws {
        #expect(try window([]) == 600_000)
        #expect(try window(["up == 0"]) == 600_000)
        #expect(try window(["rate(x[30m])"]) == 1_800_000)
        #expect(try window(["rate(x[5m] offset 1h)"]) == 3_900_000)
        #expect(try window(["max_over_time(rate(x[5m])[1h:1m])"]) == 3_900_000)
        #expect(try window(["sum(rate(a[10m])) / sum(rate(b[20m]))"]) == 1_200_000)
        #expect(try window(["rate(x[30m])"], queryOffset: 60_000) == 1_860_000)
    }

    @Test func atModifiersAndHugeRangesAreBoundedByRetention() throws {
        #expect(try window(["x @ 1609746000"]) == 86_400_000)
        #expect(try window(["rate(x[30d])"]) == 86_400_000)
    }

    @Test func applyingTheWindowTrimsOldChunks() throws {
        let store = SampleStore()
        for minute in 0..<240 { try store.append(["__name__": "x"], timestamp: Int64(minute) * 60_000, value: 1) }
        policy.apply(to: store, expressions: [(try PromQLParser.parse("rate(x[30m])"), 0)], now: 239 * 60_000)
        let kept = store.statistics().samples
        #expect(kept < 240 && kept >= 30)
    }
}
