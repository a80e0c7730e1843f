import Dispatch
import Synchronization

/// The thread that delivers one receiver integration's notifications, one at a time in outbox order, so a slow
/// or failing receiver only ever delays its own notifications.
final class DeliveryWorker: Sendable {
    private struct State {
        var queue: [OutboxEntry] = []
        var stopDeadline: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    /// Signalled once when the thread has exited.
    let finished = DispatchSemaphore(value: 0)

    /// Starts the thread; `deliver` is called for each entry and may call ``sleep(until:)`` between attempts.
    init(deliver: @escaping @Sendable (OutboxEntry, DeliveryWorker) -> Void) {
        BackgroundThread.start { [self] in
            while let entry = next() { deliver(entry, self) }
            finished.signal()
        }
    }

    /// Queues `entry` behind the ones already queued.
    func enqueue(_ entry: OutboxEntry) {
        state.withLock { $0.queue.append(entry) }
        wake.signal()
    }

    /// Asks the thread to stop once the queue is empty or `deadline` has passed, whichever comes first; entries
    /// not delivered by then stay in the outbox.
    func stop(at deadline: ContinuousClock.Instant) {
        state.withLock { $0.stopDeadline = deadline }
        wake.signal()
    }

    /// Waits `milliseconds` (until a retry is due); false when the worker was stopped first.
    func sleep(forMilliseconds milliseconds: Int64) -> Bool {
        let until = ContinuousClock.now + .milliseconds(milliseconds)
        while ContinuousClock.now < until {
            if state.withLock({ $0.stopDeadline.map { ContinuousClock.now >= $0 } ?? false }) { return false }
            let remaining = (until - .now).components
            let nanoseconds = max(0, remaining.seconds * 1_000_000_000 + remaining.attoseconds / 1_000_000_000)
            _ = wake.wait(timeout: .now() + .nanoseconds(Int(min(nanoseconds, 1_000_000_000))))
        }
        return true
    }

    /// The next entry, waiting for one; `nil` when stopping.
    private func next() -> OutboxEntry? {
        while true {
            let (entry, stopping) = state.withLock { state -> (OutboxEntry?, Bool) in
                if let deadline = state.stopDeadline, state.queue.isEmpty || ContinuousClock.now >= deadline {
                    return (nil, true)
                }
                return state.queue.isEmpty ? (nil, false) : (state.queue.removeFirst(), false)
            }
            if let entry { return entry }
            if stopping { return nil }
            _ = wake.wait(timeout: .now() + .seconds(1))
        }
    }
}
