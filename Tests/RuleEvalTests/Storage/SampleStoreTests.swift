import PromText
import Testing

@testable import RuleEval

@Suite struct SampleStoreTests {
    private func makeStore() throws -> SampleStore {
        let store = SampleStore()
        let series: [Labels] = [
            ["__name__": "http_requests_total", "job": "api", "code": "200"],
            ["__name__": "http_requests_total", "job": "api", "code": "500"],
            ["__name__": "http_requests_total", "job": "web", "code": "200"],
            ["__name__": "up", "job": "api"],
            ["__name__": "up", "job": "web", "env": "prod"],
        ]
        for labels in series {
            for step in 1...3 { try store.append(labels, timestamp: Int64(step) * 15_000, value: Double(step)) }
        }
        return store
    }

    private func names(_ result: [SeriesSamples]) -> [String] {
        result.map { $0.labels.map { "\($0.name)=\($0.value)" }.joined(separator: ",") }.sorted()
    }

    private func regex(_ name: String, _ pattern: String, negated: Bool = false) throws -> LabelMatcher {
        try LabelMatcher(name: name, type: negated ? .regexNoMatch : .regexMatch, value: pattern)
    }

    private func equal(_ name: String, _ value: String) throws -> LabelMatcher {
        try LabelMatcher(name: name, type: .equal, value: value)
    }

    private func notEqual(_ name: String, _ value: String) throws -> LabelMatcher {
        try LabelMatcher(name: name, type: .notEqual, value: value)
    }

    @Test func equalityAndInequalityMatchers() throws {
        let store = try makeStore()
        let result = store.select(
            [
                try equal("__name__", "http_requests_total"),
                try notEqual("code", "500"),
            ],
            after: 0, through: 60_000)
        #expect(
            names(result) == [
                "__name__=http_requests_total,code=200,job=api", "__name__=http_requests_total,code=200,job=web",
            ])
    }

    @Test func absentLabelsReadAsEmpty() throws {
        let store = try makeStore()
        let withoutEnv = store.select(
            [
                try equal("__name__", "up"),
                try equal("env", ""),
            ],
            after: 0, through: 60_000)
        #expect(names(withoutEnv) == ["__name__=up,job=api"])
        let notProd = store.select(
            [
                try equal("__name__", "up"),
                try notEqual("env", "prod"),
            ],
            after: 0, through: 60_000)
        #expect(names(notProd) == ["__name__=up,job=api"])
    }

    @Test func regexMatchersAreAnchoredAndUseTheIndex() throws {
        let store = try makeStore()
        #expect(store.select([try regex("job", "ap")], after: 0, through: 60_000).isEmpty)
        #expect(store.select([try regex("job", "api|web")], after: 0, through: 60_000).count == 5)
        let notFive = store.select(
            [try regex("__name__", "http_.*"), try regex("code", "5..", negated: true)], after: 0, through: 60_000)
        #expect(notFive.count == 2)
    }

    @Test func windowsAreLeftOpenAndRightClosed() throws {
        let store = try makeStore()
        let result = store.select(
            [
                try equal("job", "web"),
                try equal("__name__", "up"),
            ], after: 15_000, through: 45_000)
        #expect(result.first?.timestamps == [30_000, 45_000])
        #expect(result.first?.values == [2, 3])
        #expect(
            store.select([try equal("job", "web")], after: 45_000, through: 90_000)
                .isEmpty)
    }

    @Test func outOfOrderAndConflictingDuplicatesAreRejected() throws {
        let store = SampleStore()
        let labels: Labels = ["__name__": "x"]
        try store.append(labels, timestamp: 2_000, value: 1)
        #expect(throws: AppendError.outOfOrder) { try store.append(labels, timestamp: 1_000, value: 1) }
        #expect(throws: AppendError.duplicateTimestamp) { try store.append(labels, timestamp: 2_000, value: 2) }
        try store.append(labels, timestamp: 2_000, value: 1)
        #expect(store.statistics().samples == 1)
    }

    @Test func invalidLabelSetsAreRejected() {
        let store = SampleStore()
        #expect(throws: AppendError.self) { try store.append(["job": "x"], timestamp: 1, value: 1) }
        #expect(throws: AppendError.self) {
            try store.append(
                Labels([Label("__name__", "x"), Label("a", "1"), Label("a", "2")]), timestamp: 1, value: 1)
        }
    }

    @Test func staleMarkersAreStoredBitExactly() throws {
        let store = SampleStore()
        try store.append(["__name__": "x"], timestamp: 1, value: 1)
        try store.append(["__name__": "x"], timestamp: 2, value: StaleMarker.value)
        let values = store.select([try equal("__name__", "x")], after: 0, through: 2)
            .first?.values
        #expect(values.map { StaleMarker.isStale($0[1]) } == true)
        #expect(!StaleMarker.isStale(.nan))
    }

    @Test func trimDropsOldChunksAndEmptySeries() throws {
        let store = SampleStore()
        for step in 0..<250 { try store.append(["__name__": "long"], timestamp: Int64(step) * 1_000, value: 1) }
        try store.append(["__name__": "short", "job": "gone"], timestamp: 1_000, value: 1)
        store.trim(through: 130_000)
        #expect(store.statistics().series == 1)
        #expect(store.statistics().samples == 130)
        #expect(store.labelValues("job").isEmpty)
        #expect(store.labelNames() == ["__name__"])
    }
}
