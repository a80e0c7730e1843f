import Dispatch
import Synchronization

/// Lets identical requests that arrive while a scrape for them is running share that scrape's result instead of
/// collecting the system again.
///
/// The first request for a key leads: it runs `produce` while later requests for the same key wait for its
/// result, as long as the scrape they would join started at most ``window`` before they arrived. A request
/// arriving later than that, or after the scrape has finished, leads a new scrape: no response holds data read
/// more than ``window`` before its request arrived, nor comes from a scrape that finished before it arrived.
/// node_exporter does not coalesce; Prometheus servers scraping the same target at the same instant (an HA pair)
/// simply get the same sample values.
final class ScrapeCoalescer<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// How long after a scrape started a new request may still join it; zero turns coalescing off.
    let window: Duration
    private let clock: any ScrapeClock
    private let running = Mutex<[Key: SharedScrape<Value>]>([:])

    /// Creates a coalescer that lets requests join scrapes started at most `window` earlier.
    init(window: Duration, clock: any ScrapeClock = MonotonicScrapeClock()) {
        self.window = window
        self.clock = clock
    }

    /// The result of a scrape for `key`: one this call runs with `produce`, or a running one it joins.
    func value(for key: Key, produce: () -> Value) -> Value {
        guard window > .zero else { return produce() }
        let now = clock.now()
        let (shared, leads) = running.withLock { running in
            if let shared = running[key], now - shared.started <= window {
                return (shared, false)
            }
            let shared = SharedScrape<Value>(started: now)
            running[key] = shared
            return (shared, true)
        }
        guard leads else { return shared.wait() }
        let value = produce()
        running.withLock { running in
            if running[key] === shared { running[key] = nil }
        }
        shared.publish(value)
        return value
    }
}

/// One running scrape that other requests wait for.
private final class SharedScrape<Value: Sendable>: Sendable {
    /// When the scrape started, on the coalescer's clock.
    let started: Duration
    private let finished = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    init(started: Duration) {
        self.started = started
        finished.enter()
    }

    /// Hands the result to every waiter, present and future.
    func publish(_ value: Value) {
        result.withLock { $0 = value }
        finished.leave()
    }

    /// Blocks until the leader publishes, then returns its result.
    func wait() -> Value {
        finished.wait()
        guard let value = result.withLock({ $0 }) else { preconditionFailure("scrape finished without a result") }
        return value
    }
}
