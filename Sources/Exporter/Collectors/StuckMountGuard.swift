import Dispatch
import Synchronization

/// Runs `statfs` on a separate thread with a timeout and remembers mount points whose call did not return in
/// time ("stuck", typically a hard NFS mount whose server is gone).
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

    /// Runs `query` for `mountPoint` on another thread; returns its result, or `nil` when it did not return
    /// within ``timeout`` (the mount point is then stuck until `query` returns).
    public func run<Value: Sendable>(
        _ mountPoint: String,
        _ query: @escaping @Sendable () -> Value
    ) -> Value? {
        let call = PendingCall<Value>()
        BlockingWorkQueue.run("statvfs") {
            let value = query()
            self.stuck.withLock { stuck in
                call.result.withLock { $0 = value }
                stuck.remove(mountPoint)
            }
            call.done.signal()
        }
        if call.done.wait(timeout: timeout.dispatchDeadline) == .success {
            return call.result.withLock { $0 }
        }
        return stuck.withLock { stuck in
            let value = call.result.withLock { $0 }
            if value == nil { stuck.insert(mountPoint) }
            return value
        }
    }
}

/// The shared state of one `statfs` call: its result once it returns, and a signal for the waiting scrape.
private final class PendingCall<Value: Sendable>: Sendable {
    let result = Mutex<Value?>(nil)
    let done = DispatchSemaphore(value: 0)
}
