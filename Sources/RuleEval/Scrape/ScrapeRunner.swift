import Dispatch
import Synchronization

/// Scrapes one target on its own serial queue at its interval and phase, and appends the results to the store.
///
/// Each target has its own queue, so a hung or slow target (bounded by its scrape timeout) never delays another.
/// Stopping cancels the timer and then, on the queue, after any scrape in flight, produces the target's stale
/// markers.
final class ScrapeRunner: Sendable {
    private struct State {
        var loop: ScrapeLoop
        var status: ScrapeTargetStatus
        var aligner: ScrapeTimestampAligner
    }

    private let queue: DispatchQueue
    /// libdispatch sources are thread-safe; the overlay just does not mark the protocol `Sendable`.
    nonisolated(unsafe) private let timer: DispatchSourceTimer
    private let state: Mutex<State>
    private let store: SampleStore
    private let scraper: TargetScraper
    private let now: @Sendable () -> Int64

    /// Creates and starts the runner; the first scrape happens at the target's phase within its interval.
    init(
        loop: ScrapeLoop, store: SampleStore, scraper: TargetScraper, now: @escaping @Sendable () -> Int64
    ) {
        let status = ScrapeTargetStatus(jobName: loop.configuration.jobName, target: loop.target)
        let aligner = ScrapeTimestampAligner(interval: loop.target.interval.milliseconds)
        self.state = Mutex(State(loop: loop, status: status, aligner: aligner))
        self.store = store
        self.scraper = scraper
        self.now = now
        self.queue = DispatchQueue(label: "tocsin.scrape.\(loop.target.url)")
        self.timer = DispatchSource.makeTimerSource(queue: queue)
        let interval = loop.target.interval.duration
        let delay = ScrapeOffset.delay(for: loop.target, interval: interval, now: now() * 1_000_000)
        timer.schedule(
            deadline: .now() + .nanoseconds(Int(delay.nanoseconds)),
            repeating: .nanoseconds(Int(interval.nanoseconds)), leeway: .milliseconds(1))
        timer.setEventHandler { [weak self] in self?.scrapeOnce() }
        timer.resume()
    }

    deinit {
        timer.cancel()
    }

    /// The target's status.
    var status: ScrapeTargetStatus { state.withLock { $0.status } }

    /// Stops scheduling scrapes; a scrape in flight finishes. Call ``finish(staleMarkers:)`` afterwards.
    func cancel() {
        timer.cancel()
    }

    /// Waits for a scrape in flight, appends stale markers for every series when `staleMarkers` is set, and
    /// returns the loop's state for a successor.
    func finish(staleMarkers: Bool) -> ScrapeLoop {
        queue.sync {
            let (loop, markers) = state.withLock { state in
                let markers = staleMarkers ? state.loop.stop(at: now()) : []
                return (state.loop, markers)
            }
            append(markers)
            return loop
        }
    }

    private func scrapeOnce() {
        let wallClock = now()
        let (target, configuration, timestamp) = state.withLock {
            ($0.loop.target, $0.loop.configuration, $0.aligner.align(wallClock))
        }
        let started = ContinuousClock.now
        let response = scraper.fetch(target, configuration: configuration)
        let duration = ContinuousClock.now - started
        let result = state.withLock { state in
            let result = state.loop.scrape(response, at: timestamp, duration: duration)
            state.status.health = result.isUp ? .up : .down
            state.status.lastError = result.error ?? ""
            state.status.lastScrape = timestamp
            state.status.lastScrapeDuration = duration
            return result
        }
        append(result.samples)
    }

    /// Appends samples; one the store refuses (out of order, duplicate) is skipped, as Prometheus skips it.
    private func append(_ samples: [ScrapedSample]) {
        for sample in samples {
            try? store.append(sample.labels, timestamp: sample.timestamp, value: sample.value)
        }
    }
}

extension Duration {
    /// The whole nanoseconds of the duration.
    fileprivate var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
