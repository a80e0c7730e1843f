import PromText
import Testing

@testable import RuleEval

/// A store filled from series notation: each series' values are spaced by `interval` milliseconds from 0.
private func makeEngine(_ series: [(String, String)], interval: Int64 = 60_000) throws -> QueryEngine {
    let store = SampleStore()
    for (labelText, valuesText) in series {
        let labels = try RuleTestFile.parseLabelSet(labelText)
        for (index, slot) in try SeriesNotation.expand(valuesText).enumerated() {
            guard case .value(let value) = slot else { continue }
            try store.append(labels, timestamp: Int64(index) * interval, value: value)
        }
    }
    return QueryEngine(store: store)
}

/// The engine's error messages, which Prometheus users search for; values are covered by `Fixtures/`.
@Suite struct QueryEngineErrorTests {
    private let series = [
        ("l{job=\"a\", i=\"1\"}", "1"), ("l{job=\"a\", i=\"2\"}", "2"), ("r{job=\"a\"}", "10"),
    ]

    @Test func manyToManyIsAnError() throws {
        let engine = try makeEngine(series)
        #expect(
            throws: EvaluationError(
                "found duplicate series for the match group {job=\"a\"} on the right hand-side of the operation: [{__name__=\"l\", i=\"2\", job=\"a\"}, {__name__=\"l\", i=\"1\", job=\"a\"}];many-to-many matching not allowed: matching labels must be unique on one side"
            )
        ) {
            try engine.evaluate("r + on(job) l", at: 0)
        }
        #expect(
            throws: EvaluationError(
                "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
        ) {
            try engine.evaluate("l + on(job) r", at: 0)
        }
    }

    @Test func labelReplaceRejectsDuplicateLabelSets() throws {
        let engine = try makeEngine([("h{le=\"1\"}", "2"), ("h{le=\"2\"}", "4")])
        #expect(throws: EvaluationError("vector cannot contain metrics with the same labelset")) {
            try engine.evaluate("label_replace(h, \"le\", \"x\", \"le\", \".*\")", at: 0)
        }
    }

    @Test(arguments: ["{__name__=~\"l|r\"} * 2", "abs({__name__=~\"l|r\"})"])
    func droppingTheNameMustNotMergeSeries(query: String) throws {
        let engine = try makeEngine([("l{job=\"a\"}", "1"), ("r{job=\"a\"}", "2")])
        #expect(throws: EvaluationError("vector cannot contain metrics with the same labelset")) {
            try engine.evaluate(query, at: 0)
        }
    }

    @Test func hugeSubqueriesFailInsteadOfRunningForever() throws {
        let engine = try makeEngine([])
        #expect(throws: EvaluationError("subquery 1y with step 1ms exceeds 1000000 steps")) {
            try engine.evaluate("max_over_time(vector(1)[1y:1ms])", at: 0)
        }
    }
}
