import Glibc
import Synchronization

/// How other threads talk to the event loop: a locked message queue plus a self-pipe that wakes `poll`.
///
/// The pipe lives as long as this object, which every handler closure retains, so a late handler never writes
/// to a descriptor number that was closed and reused.
final class HTTPEventLoopMailbox: Sendable {
    /// A message for the loop thread.
    enum Message: Sendable {
        /// The handler on queue number `handlerQueue` finished the request of connection `connection`.
        case response(connection: UInt64, handlerQueue: Int, bytes: [UInt8], keepAlive: Bool)
        /// Stop accepting, close idle connections and exit once the rest finish or `deadline` passes.
        case shutdown(deadline: ContinuousClock.Instant)
    }

    /// The read end of the wake pipe, polled by the loop.
    let wakeReadFD: Int32
    private let wakeWriteFD: Int32
    private let messages = Mutex<[Message]>([])
    /// Set when shutdown begins: responses from then on carry `Connection: close`.
    let isDraining = Atomic<Bool>(false)

    /// Creates the mailbox and its non-blocking wake pipe.
    init() throws(HTTPServerError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw HTTPServerError(operation: "pipe", errorNumber: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeReadFD = ends[0]
        wakeWriteFD = ends[1]
    }

    deinit {
        close(wakeReadFD)
        close(wakeWriteFD)
    }

    /// Queues `message` and wakes the loop.
    func post(_ message: Message) {
        messages.withLock { $0.append(message) }
        var byte: UInt8 = 1
        _ = write(wakeWriteFD, &byte, 1)  // A full pipe already guarantees a wake-up.
    }

    /// Empties the wake pipe and takes every queued message (on the loop thread).
    func takeMessages() -> [Message] {
        var scratch = [UInt8](repeating: 0, count: 256)
        while scratch.withUnsafeMutableBytes({ read(wakeReadFD, $0.baseAddress, $0.count) }) > 0 {}
        return messages.withLock { messages in
            defer { messages = [] }
            return messages
        }
    }
}
