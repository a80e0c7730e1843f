import Exporter
import Synchronization

/// A clock that only moves when a test moves it.
final class ManualScrapeClock: ScrapeClock {
    private let current = Mutex<Duration>(.zero)

    func now() -> Duration { current.withLock { $0 } }

    func advance(by duration: Duration) {
        current.withLock { $0 += duration }
    }
}
