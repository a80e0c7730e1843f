import Dispatch
import Synchronization
import Testing

@testable import Exporter

/// The values scrapes returned, in the order they returned.
private final class ResultLog: Sendable {
    private let values = Mutex<[Int]>([])

    func append(_ value: Int) { values.withLock { $0.append(value) } }

    var all: [Int] { values.withLock { $0 } }
}

@Suite struct ScrapeCoalescerTests {
    /// Starts a scrape for `key` on another thread that produces `value` once `gate` is signalled; returns when it
    /// is running, plus a group that is left when it has returned.
    private func startBlockedScrape(
        _ coalescer: ScrapeCoalescer<String, Int>, key: String, value: Int, gate: DispatchSemaphore,
        results: ResultLog
    ) -> DispatchGroup {
        let running = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        done.enter()
        DispatchQueue(label: "leader").async {
            let result = coalescer.value(for: key) {
                running.signal()
                gate.wait()
                return value
            }
            results.append(result)
            done.leave()
        }
        running.wait()
        return done
    }

    @Test(.timeLimit(.minutes(1))) func aRequestArrivingDuringAScrapeSharesItsResult() {
        let coalescer = ScrapeCoalescer<String, Int>(window: .seconds(60))
        let gate = DispatchSemaphore(value: 0)
        let results = ResultLog()
        let leader = startBlockedScrape(coalescer, key: "text", value: 1, gate: gate, results: results)
        let produced = Atomic<Int>(0)
        let follower = DispatchGroup()
        follower.enter()
        DispatchQueue(label: "follower").async {
            let result = coalescer.value(for: "text") {
                produced.add(1, ordering: .relaxed)
                return 2
            }
            results.append(result)
            follower.leave()
        }
        // The follower only has to take the coalescer's lock; the leader stays blocked long enough for that.
        _ = follower.wait(timeout: .now() + .milliseconds(200))
        gate.signal()
        leader.wait()
        follower.wait()
        #expect(produced.load(ordering: .relaxed) == 0)
        #expect(results.all == [1, 1])
    }

    @Test(.timeLimit(.minutes(1))) func aScrapeStartedLongerThanTheWindowAgoIsNotJoined() {
        let clock = ManualScrapeClock()
        let coalescer = ScrapeCoalescer<String, Int>(window: .milliseconds(5), clock: clock)
        let gate = DispatchSemaphore(value: 0)
        let results = ResultLog()
        let leader = startBlockedScrape(coalescer, key: "text", value: 1, gate: gate, results: results)
        clock.advance(by: .milliseconds(6))
        #expect(coalescer.value(for: "text") { 2 } == 2)
        gate.signal()
        leader.wait()
        #expect(results.all == [1])
    }

    @Test(.timeLimit(.minutes(1))) func differentKeysDoNotShare() {
        let coalescer = ScrapeCoalescer<String, Int>(window: .seconds(60))
        let gate = DispatchSemaphore(value: 0)
        let results = ResultLog()
        let leader = startBlockedScrape(coalescer, key: "text", value: 1, gate: gate, results: results)
        #expect(coalescer.value(for: "openmetrics") { 2 } == 2)
        gate.signal()
        leader.wait()
    }

    @Test func aFinishedScrapeIsNeverReused() {
        let coalescer = ScrapeCoalescer<String, Int>(window: .seconds(60))
        #expect(coalescer.value(for: "text") { 1 } == 1)
        #expect(coalescer.value(for: "text") { 2 } == 2)
    }

    @Test(.timeLimit(.minutes(1))) func aZeroWindowNeverShares() {
        let coalescer = ScrapeCoalescer<String, Int>(window: .zero)
        let gate = DispatchSemaphore(value: 0)
        let results = ResultLog()
        let leader = startBlockedScrape(coalescer, key: "text", value: 1, gate: gate, results: results)
        #expect(coalescer.value(for: "text") { 2 } == 2)
        gate.signal()
        leader.wait()
    }
}
