import PromText
import Synchronization

/// A wall clock that only moves when a test says so.
final class ManualWallClock: WallClock {
    private let seconds: Mutex<Double>

    init(secondsSinceEpoch: Double = 1_700_000_000) {
        seconds = Mutex(secondsSinceEpoch)
    }

    func secondsSinceEpoch() -> Double {
        seconds.withLock { $0 }
    }

    func advance(bySeconds interval: Double) {
        seconds.withLock { $0 += interval }
    }
}
