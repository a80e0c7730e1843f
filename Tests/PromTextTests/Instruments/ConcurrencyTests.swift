import Dispatch
import Synchronization
import Testing

@testable import PromText

/// Many threads update instruments while another thread scrapes; the final totals must be exact.
@Suite struct ConcurrencyTests {
    private static let threads = 4
    private static let updatesPerThread = 20_000
    private static let totalUpdates = threads * updatesPerThread

    /// Runs `update(thread)` on `threads` threads at once while another thread calls `scrape` in a loop until the
    /// updates are done.
    private func runConcurrently(
        update: @escaping @Sendable (Int) -> Void,
        scrape: @escaping @Sendable () -> Void
    ) {
        let stop = StopFlag()
        let scraper = DispatchGroup()
        DispatchQueue.global().async(group: scraper) {
            while !stop.isSet {
                scrape()
            }
        }
        DispatchQueue.concurrentPerform(iterations: Self.threads, execute: update)
        stop.set()
        scraper.wait()
    }

    @Test func counterIncrementsAreExact() {
        let family = CounterFamily(name: "events", help: "")
        let counter = family.labels()
        runConcurrently { _ in
            for _ in 0..<Self.updatesPerThread {
                counter.increment()
                counter.increment(by: 0.5)
            }
        } scrape: {
            _ = family.collect()
        }
        #expect(counter.value == Double(Self.totalUpdates) * 1.5)
    }

    @Test func gaugeAdditionsAreExact() {
        let family = GaugeFamily(name: "level", help: "")
        let gauge = family.labels()
        runConcurrently { thread in
            for _ in 0..<Self.updatesPerThread {
                gauge.add(thread.isMultiple(of: 2) ? 0.25 : 1)
                gauge.increment()
                gauge.decrement()
            }
        } scrape: {
            _ = family.collect()
        }
        #expect(gauge.value == Double(Self.updatesPerThread) * (0.25 + 1) * Double(Self.threads / 2))
    }

    @Test func histogramObservationsAreExactAndScrapesStayConsistent() {
        let family = HistogramFamily(name: "latency", help: "", buckets: [1, 2])
        let histogram = family.labels()
        let inconsistentScrapes = Atomic<Int>(0)
        runConcurrently { thread in
            for _ in 0..<Self.updatesPerThread {
                histogram.observe(Double(thread % 3) + 0.5)
            }
        } scrape: {
            let samples = family.collect().first?.samples ?? []
            let infBucket = samples.first { $0.labels["le"] == "+Inf" }?.value
            let count = samples.first { $0.name == "latency_count" }?.value
            if infBucket != count {
                inconsistentScrapes.add(1, ordering: .relaxed)
            }
        }
        // Threads 0 and 3 observe 0.5, thread 1 observes 1.5, thread 2 observes 2.5.
        let perThread = UInt64(Self.updatesPerThread)
        #expect(histogram.cumulativeBucketCounts == [2 * perThread, 3 * perThread, 4 * perThread])
        #expect(histogram.sum == Double(Self.updatesPerThread) * (0.5 + 1.5 + 2.5 + 0.5))
        #expect(inconsistentScrapes.load(ordering: .relaxed) == 0)
    }

    @Test func summaryCountsAndSumsAreExact() {
        let family = SummaryFamily(name: "size", help: "", objectives: [0.5: 0.05], clock: ManualWallClock())
        let summary = family.labels()
        runConcurrently { _ in
            for _ in 0..<Self.updatesPerThread {
                summary.observe(2)
            }
        } scrape: {
            _ = family.collect()
        }
        #expect(summary.count == UInt64(Self.totalUpdates))
        #expect(summary.sum == Double(Self.totalUpdates) * 2)
        #expect(summary.quantileValues == [2])
    }

    @Test func concurrentLookupsShareOneChildPerLabelValues() {
        let registry = Registry()
        let family = CounterFamily(name: "requests", help: "", labelNames: ["code"])
        #expect(throws: Never.self) { try registry.register(family) }
        runConcurrently { thread in
            for index in 0..<Self.updatesPerThread {
                family.labels(index.isMultiple(of: 2) ? "200" : "500").increment()
                if index.isMultiple(of: 1_000) {
                    family.labels("thread-\(thread)").increment()
                }
            }
        } scrape: {
            _ = registry.collect()
        }
        let samples = registry.collect().first?.samples ?? []
        let totals = Dictionary(uniqueKeysWithValues: samples.map { ($0.labels["code"] ?? "", $0.value) })
        #expect(totals["200"] == Double(Self.totalUpdates / 2))
        #expect(totals["500"] == Double(Self.totalUpdates / 2))
        #expect(totals["thread-0"] == Double(Self.updatesPerThread / 1_000))
        #expect(samples.count == 2 + Self.threads)
    }
}

/// A one-way flag one thread sets and another polls.
private final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    var isSet: Bool { flag.load(ordering: .acquiring) }

    func set() { flag.store(true, ordering: .releasing) }
}
