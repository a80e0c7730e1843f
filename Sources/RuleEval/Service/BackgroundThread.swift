import Dispatch
import Glibc

/// Starts detached POSIX threads for the service's long-running loops (rule groups, retention).
///
/// The loops block in `sleep`-like waits for most of their life; a dedicated thread each keeps them off
/// Dispatch's shared pool, which request handlers and scrapes can saturate.
enum BackgroundThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Runs `body` on a new detached thread (on a Dispatch worker when the system refuses a new thread, so a caller
    /// holding a lock never runs the loop itself).
    static func start(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread, nil,
            { context in
                let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
                body.run()
                return nil
            }, context)
        if result == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<Body>.fromOpaque(context).release()
            DispatchQueue.global().async(execute: body)
        }
    }
}
