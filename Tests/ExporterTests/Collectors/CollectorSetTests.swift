import Dispatch
import Glibc
import PromText
import Synchronization
import Testing

@testable import Exporter

/// A collector that returns one gauge, optionally after advancing a manual clock or waiting for a gate.
private struct FakeCollector: NodeCollector {
    let name: String
    var clock: ManualScrapeClock?
    var gate: DispatchSemaphore?
    var error: CollectorError?
    var blocks = false

    var mayBlock: Bool { blocks }

    func update() throws -> [MetricFamily] {
        clock?.advance(by: .milliseconds(250))
        if let gate {
            gate.wait()
            gate.signal()
        }
        if let error { throw error }
        return [
            .single("fake_\(name)", .gauge, help: "Fake.", value: 1),
            MetricFamily(name: "fake_\(name)_empty", type: .gauge, help: "Never emitted: no samples."),
        ]
    }
}

@Suite struct CollectorSetTests {
    private func success(_ scrape: CollectorScrape, _ name: String) -> Double? {
        scrape.families.value("node_scrape_collector_success", ["collector": name])
    }

    @Test func aFailingCollectorReportsZeroAndTheOthersAreServed() throws {
        let set = CollectorSet([
            FakeCollector(name: "good"), FakeCollector(name: "bad", error: .noData("fake")),
        ])
        let scrape = try set.scrape()
        #expect(success(scrape, "good") == 1)
        #expect(success(scrape, "bad") == 0)
        #expect(scrape.families.family("fake_good") != nil)
        #expect(scrape.families.family("fake_bad") == nil)
        #expect(scrape.failures.map(\.collector) == ["bad"])
        #expect(scrape.failures.first?.reason == "no data: fake")
        #expect(scrape.families.family("node_scrape_collector_duration_seconds")?.samples.count == 2)
        #expect(
            scrape.families.family("node_scrape_collector_success")?.help
                == "node_exporter: Whether a collector succeeded.")
    }

    @Test func familiesWithoutSamplesAreDropped() throws {
        let scrape = try CollectorSet([FakeCollector(name: "good")]).scrape()
        #expect(scrape.families.family("fake_good_empty") == nil)
    }

    @Test(.timeLimit(.minutes(1))) func aCollectorOverrunningTheDeadlineIsAbandoned() throws {
        let gate = DispatchSemaphore(value: 0)
        defer { gate.signal() }
        let set = CollectorSet(
            [FakeCollector(name: "fast"), FakeCollector(name: "slow", gate: gate)], deadline: .seconds(1))
        let started = MonotonicScrapeClock().now()
        let scrape = try set.scrape()
        #expect(MonotonicScrapeClock().now() - started < .seconds(5))
        #expect(success(scrape, "fast") == 1)
        #expect(success(scrape, "slow") == 0)
        #expect(scrape.families.family("fake_slow") == nil)
        #expect(scrape.failures.first?.reason == "deadline exceeded")
        let duration = try #require(
            scrape.families.value("node_scrape_collector_duration_seconds", ["collector": "slow"]))
        #expect(duration >= 1)

        // While its update is still hung it is not started again; the scrape does not wait for it.
        let meanwhile = try set.scrape(collect: ["slow"], deadline: .seconds(10))
        #expect(success(meanwhile, "slow") == 0)
        #expect(meanwhile.failures.first?.reason == "the previous slow update has not returned yet")

        // Once it returns, a later scrape serves it.
        gate.signal()
        var next = try set.scrape(collect: ["slow"], deadline: .seconds(10))
        for _ in 0..<100 where success(next, "slow") == 0 {
            usleep(10_000)
            next = try set.scrape(collect: ["slow"], deadline: .seconds(10))
        }
        #expect(success(next, "slow") == 1)
        #expect(next.families.family("fake_slow") != nil)
    }

    @Test(.timeLimit(.minutes(1))) func aCollectorThatMayBlockDoesNotHoldUpTheSharedWorker() throws {
        let gate = DispatchSemaphore(value: 0)
        defer { gate.signal() }
        let set = CollectorSet(
            [FakeCollector(name: "a", gate: gate, blocks: true), FakeCollector(name: "b"), FakeCollector(name: "c")],
            deadline: .milliseconds(500))
        let scrape = try set.scrape()
        #expect(success(scrape, "a") == 0)
        #expect(success(scrape, "b") == 1)
        #expect(success(scrape, "c") == 1)
    }

    @Test(.timeLimit(.minutes(1))) func sharedCollectorsAfterAHungOneAreReportedAndRunNextTime() throws {
        let gate = DispatchSemaphore(value: 0)
        defer { gate.signal() }
        let set = CollectorSet(
            [FakeCollector(name: "a"), FakeCollector(name: "b", gate: gate), FakeCollector(name: "c")],
            deadline: .milliseconds(500))
        let scrape = try set.scrape()
        #expect(success(scrape, "a") == 1)
        #expect(success(scrape, "b") == 0)
        #expect(success(scrape, "c") == 0)
        #expect(scrape.failures.map(\.reason) == ["deadline exceeded", "deadline exceeded"])

        // Only the hung collector is still running: the one behind it was never started, so it runs now.
        let next = try set.scrape(collect: ["b", "c"])
        #expect(success(next, "c") == 1)
        #expect(next.failures.map(\.reason) == ["the previous b update has not returned yet"])
    }

    @Test func durationsComeFromTheInjectedClock() throws {
        let clock = ManualScrapeClock()
        let scrape = try CollectorSet([FakeCollector(name: "timed", clock: clock)], clock: clock).scrape()
        #expect(scrape.families.value("node_scrape_collector_duration_seconds", ["collector": "timed"]) == 0.25)
    }

    @Test func selection() throws {
        let set = CollectorSet(["a", "b", "c"].map { FakeCollector(name: $0) })
        #expect(try set.select() == ["a", "b", "c"])
        #expect(try set.select(collect: ["c", "a", "c"]) == ["a", "c"])
        #expect(try set.select(exclude: ["b"]) == ["a", "c"])
        let missing = #expect(throws: CollectorSelectionError.self) { try set.select(collect: ["nope"]) }
        #expect(missing?.description == "missing collector: nope")
        #expect(missing?.statusCode == 400)
        #expect(throws: CollectorSelectionError.combinedCollectAndExclude) {
            try set.select(collect: ["a"], exclude: ["b"])
        }
        let scrape = try set.scrape(exclude: ["a", "b"])
        #expect(
            scrape.families.family("node_scrape_collector_success")?.samples.map { $0.labels["collector"] } == ["c"])
    }

    @Test func theAsyncScrapeMatchesTheBlockingOne() async throws {
        let set = CollectorSet([FakeCollector(name: "good"), FakeCollector(name: "bad", error: .noData("x"))])
        let scrape = try await set.scrape(collect: ["bad", "good"])
        #expect(success(scrape, "good") == 1)
        #expect(success(scrape, "bad") == 0)
    }

    @Test func defaultCollectorsAreNodeExportersDefaults() throws {
        let names = try CollectorSet.defaultCollectors().map(\.name).sorted()
        #expect(names == CollectorSet.defaultEnabledNames)
        #expect(try CollectorSet.makeCollectors(["uname", "cpu"]).map(\.name) == ["uname", "cpu"])
        #expect(throws: CollectorSelectionError.missingCollector("textfile")) {
            try CollectorSet.makeCollectors(["textfile"])
        }
    }
}
