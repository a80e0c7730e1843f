import Testing

@testable import PromText

@Suite struct SummaryTests {
    /// 1...n in a fixed pseudo-random order, so stream compression sees unsorted input.
    private func shuffledValues(count: Int) -> [Double] {
        var values = (1...count).map(Double.init)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for index in values.indices.reversed() {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.swapAt(index, Int(state >> 33) % (index + 1))
        }
        return values
    }

    @Test func withoutObjectivesExposesOnlySumAndCount() {
        let family = SummaryFamily(name: "payload_bytes", help: "Payload sizes.")
        family.labels().observe(100)
        family.labels().observe(50)
        #expect(
            family.collect().first?.samples == [
                Sample(name: "payload_bytes_sum", value: 150),
                Sample(name: "payload_bytes_count", value: 2),
            ]
        )
    }

    @Test func smallSamplesGiveExactQuantiles() {
        let summary = Summary(objectives: [0.99: 0.001, 0.5: 0.05, 0.9: 0.01], clock: ManualWallClock())
        for value in shuffledValues(count: 100) {
            summary.observe(value)
        }
        #expect(summary.objectives.map(\.quantile) == [0.5, 0.9, 0.99])
        #expect(summary.quantileValues == [50, 90, 99])
        #expect(summary.count == 100)
        #expect(summary.sum == 5050)
    }

    @Test func largeSamplesStayWithinTheAllowedRankError() {
        let objectives = [0.5: 0.05, 0.9: 0.01, 0.99: 0.001]
        let summary = Summary(objectives: objectives, clock: ManualWallClock())
        let count = 20_000
        for value in shuffledValues(count: count) {
            summary.observe(value)
        }
        for (objective, estimate) in zip(summary.objectives, summary.quantileValues) {
            // Value v has rank v, so the rank error is |estimate - q·n| and must stay within ε·n.
            let allowed = objective.allowedError * Double(count)
            #expect(abs(estimate - objective.quantile * Double(count)) <= allowed, "quantile \(objective.quantile)")
        }
    }

    @Test func emptyWindowReportsNaN() {
        let summary = Summary(objectives: [0.5: 0.05], clock: ManualWallClock())
        #expect(summary.quantileValues.count == 1)
        #expect(summary.quantileValues.allSatisfy { $0.isNaN })
    }

    @Test func observationsLeaveTheWindowAfterMaxAge() {
        let clock = ManualWallClock()
        // Five streams of 10 s each: an observation is reported for at least 40 s and at most 50 s.
        let summary = Summary(objectives: [0.5: 0.05], maxAge: .seconds(50), ageBuckets: 5, clock: clock)
        summary.observe(1)
        clock.advance(bySeconds: 25)
        summary.observe(100)
        summary.observe(100)
        #expect(summary.quantileValues == [100])
        clock.advance(bySeconds: 24)  // t = 49: the first observation is still in the head stream
        #expect(summary.quantileValues == [100])
        clock.advance(bySeconds: 2)  // t = 51: the head stream that held it was cleared
        #expect(summary.quantileValues == [100])
        summary.observe(7)
        summary.observe(7)
        summary.observe(7)
        #expect(summary.quantileValues == [7])
        clock.advance(bySeconds: 1_000_000)  // a long pause clears everything in constant time
        #expect(summary.quantileValues.allSatisfy { $0.isNaN })
        #expect(summary.count == 6)
        #expect(summary.sum == 222)
    }

    @Test func firstObservationLeavesTheWindowBetweenFortyAndFiftySeconds() {
        let clock = ManualWallClock()
        let summary = Summary(objectives: [0.5: 0.05], maxAge: .seconds(50), ageBuckets: 5, clock: clock)
        summary.observe(3)
        clock.advance(bySeconds: 50)
        #expect(summary.quantileValues == [3])
        clock.advance(bySeconds: 0.5)
        #expect(summary.quantileValues.allSatisfy { $0.isNaN })
    }

    @Test func windowKeepsMovingAfterTheClockIsSetBack() {
        let clock = ManualWallClock()
        let summary = Summary(objectives: [0.5: 0.05], maxAge: .seconds(50), ageBuckets: 5, clock: clock)
        summary.observe(3)
        clock.advance(bySeconds: -3_600)
        #expect(summary.quantileValues == [3])
        clock.advance(bySeconds: 50.5)
        #expect(summary.quantileValues.allSatisfy { $0.isNaN })
    }

    @Test func keepsNaNOutOfTheQuantilesButCountsIt() {
        let summary = Summary(objectives: [0.5: 0.05], clock: ManualWallClock())
        summary.observe(.nan)
        summary.observe(4)
        #expect(summary.quantileValues == [4])
        #expect(summary.count == 2)
        #expect(summary.sum.isNaN)
    }

    @Test func exposesQuantileSamplesThenSumAndCount() {
        let family = SummaryFamily(
            name: "rpc_seconds",
            help: "RPC latency.",
            labelNames: ["service"],
            objectives: [0.5: 0.05, 0.99: 0.001],
            clock: ManualWallClock()
        )
        family.labels("auth").observe(2)
        let labels: Labels = ["service": "auth"]
        #expect(
            family.collect().first?.samples == [
                Sample(name: "rpc_seconds", labels: Labels(labels.pairs + [Label("quantile", "0.5")]), value: 2),
                Sample(name: "rpc_seconds", labels: Labels(labels.pairs + [Label("quantile", "0.99")]), value: 2),
                Sample(name: "rpc_seconds_sum", labels: labels, value: 2),
                Sample(name: "rpc_seconds_count", labels: labels, value: 1),
            ]
        )
    }

    @Test func defaultsMatchClientGolang() {
        #expect(Summary.defaultMaxAge == .seconds(600))
        #expect(Summary.defaultAgeBuckets == 5)
    }

    @Test func rejectsQuantilesOutsideZeroToOne() async {
        await #expect(processExitsWith: .failure) {
            _ = Summary(objectives: [1.5: 0.01])
        }
    }

    @Test func rejectsNonPositiveMaxAge() async {
        await #expect(processExitsWith: .failure) {
            _ = SummaryFamily(name: "x", help: "", maxAge: .zero)
        }
    }

    @Test func rejectsZeroAgeBuckets() async {
        await #expect(processExitsWith: .failure) {
            _ = Summary(ageBuckets: 0)
        }
    }
}
