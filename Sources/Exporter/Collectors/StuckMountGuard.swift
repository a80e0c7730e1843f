import Dispatch
import Synchronization

/// Runs `statfs` calls on a separate thread with a timeout each and remembers mount points whose call did not
/// return in time ("stuck", typically a hard NFS mount whose server is gone).
///
/// A stuck mount point is not queried again until its hung call finally returns; meanwhile the filesystem
/// collector reports `node_filesystem_device_error 1` for it. This mirrors node_exporter's
/// `--collector.filesystem.mount-timeout` (default 5 s), except that the scrape does not wait for the hung call.
public final class StuckMountGuard: Sendable {
    /// How long one `statfs` may take before its mount point is marked stuck.
    public let timeout: Duration
    private let stuck = Mutex<Set<String>>([])

    /// Creates a guard with node_exporter's default timeout of five seconds, or another.
    public init(timeout: Duration = .seconds(5)) {
        self.timeout = timeout
    }

    /// Whether `mountPoint` has a `statfs` call still hanging from an earlier scrape.
    public func isStuck(_ mountPoint: String) -> Bool {
        stuck.withLock { $0.contains(mountPoint) }
    }

    /// Runs `query` for each of `mountPoints`, one after another on one other thread; returns their results in
    /// order, `nil` for a call that did not return within ``timeout`` (its mount point is then stuck until the
    /// call returns, and the calls after it go on on a fresh thread).
    ///
    /// One thread for all calls rather than one per call saves a thread hand-off per mount point on every scrape.
    public func run<Value: Sendable>(
        _ mountPoints: [String],
        _ query: @escaping @Sendable (String) -> Value
    ) -> [Value?] {
        let calls = PendingCalls<Value>(count: mountPoints.count)
        var results: [Value?] = []
        var started = false
        while results.count < mountPoints.count {
            let index = results.count
            if !started {
                started = true
                BlockingWorkQueue.run("statvfs") {
                    for position in index..<mountPoints.count {
                        let value = query(mountPoints[position])
                        let abandoned = self.stuck.withLock { stuck in
                            stuck.remove(mountPoints[position])
                            return calls.record(value, at: position)
                        }
                        if abandoned { return }
                    }
                }
            }
            if calls.wait(for: index, timeout: timeout) {
                results.append(calls.result(at: index))
                continue
            }
            let value = stuck.withLock { stuck in
                let value = calls.result(at: index)
                if value == nil {
                    stuck.insert(mountPoints[index])
                    calls.abandon(index)
                    started = false
                }
                return value
            }
            results.append(value)
        }
        return results
    }
}

/// The shared state of one batch of `statfs` calls: each call's result once it returns, a signal per call for
/// the waiting scrape, and which calls the scrape gave up on (their thread stops after them).
private final class PendingCalls<Value: Sendable>: Sendable {
    private let state: Mutex<(results: [Value?], abandoned: [Bool])>
    private let done: [DispatchSemaphore]

    init(count: Int) {
        state = Mutex((Array(repeating: nil, count: count), Array(repeating: false, count: count)))
        done = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    /// Stores a call's result and wakes the scrape; returns whether the scrape already gave up on the call.
    func record(_ value: Value, at index: Int) -> Bool {
        let abandoned = state.withLock { state in
            state.results[index] = value
            return state.abandoned[index]
        }
        done[index].signal()
        return abandoned
    }

    func wait(for index: Int, timeout: Duration) -> Bool {
        done[index].wait(timeout: timeout.dispatchDeadline) == .success
    }

    func result(at index: Int) -> Value? {
        state.withLock { $0.results[index] }
    }

    func abandon(_ index: Int) {
        state.withLock { $0.abandoned[index] = true }
    }
}
