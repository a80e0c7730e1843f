import Dispatch
import Glibc
import Synchronization

/// A small HTTP/1.1 server on POSIX sockets: one event-loop thread, a bounded handler pool, no dependencies.
///
/// ```swift
/// var router = Router()
/// router.register("/metrics") { _ in .text("up 1") }
/// let server = HTTPServer(configuration: HTTPServerConfiguration(host: "0.0.0.0", port: 9100), router: router)
/// try server.start()
/// // ...
/// server.shutdown(gracePeriod: .seconds(10))
/// ```
///
/// The server speaks keep-alive HTTP/1.1 (and 1.0), answers `HEAD` like `GET` without the body, gzips textual
/// responses for clients that accept it, and protects itself with connection, size and time limits (see
/// ``HTTPServerConfiguration``). Handlers are synchronous closures run off the event loop, at most
/// ``HTTPServerConfiguration/handlerConcurrency`` at a time. `SIGPIPE` is ignored process-wide on ``start()``
/// and every send uses `MSG_NOSIGNAL`.
///
/// Design: one thread runs ``HTTPEventLoop`` (`poll(2)` over the listener, a wake pipe and every non-blocking
/// connection socket) and owns all sockets; each connection's protocol state is a pure
/// ``HTTPConnectionStateMachine`` fed by that loop, and request parsing is the pure ``HTTPRequestParser``.
/// Complete requests go, in arrival order, to a fixed set of serial Dispatch queues (one thread each while
/// busy), which route, run the handler, gzip, count and serialize, then post the bytes back to the loop. Thus a
/// flood of idle or slow connections costs the loop only a `pollfd` each, and a slow handler occupies one
/// handler queue, never the loop. Requests on one connection are handled one at a time (pipelining is
/// answered in order); no input is read from a connection while its handler runs.
public final class HTTPServer: Sendable {
    private enum State {
        case created
        case running(port: Int, mailbox: HTTPEventLoopMailbox, finished: DispatchSemaphore)
        case stopped
    }

    /// The configuration the server was created with.
    public let configuration: HTTPServerConfiguration
    private let router: Router
    private let state = Mutex(State.created)

    /// Creates a server that answers with `router`; nothing is opened until ``start()``.
    public init(configuration: HTTPServerConfiguration, router: Router) {
        self.configuration = configuration
        self.router = router
    }

    /// The bound port while the server runs (useful with port 0), otherwise `nil`.
    public var port: Int? {
        state.withLock { state in
            if case .running(let port, _, _) = state { return port }
            return nil
        }
    }

    /// Binds the listener and starts serving on a background thread; returns the bound port.
    ///
    /// Throws when the address is invalid or the port is taken. Calling it on a started server is a programming
    /// error.
    @discardableResult
    public func start() throws(HTTPServerError) -> Int {
        signal(SIGPIPE, SIG_IGN)
        let mailbox = try HTTPEventLoopMailbox()
        let (listener, port) = try Socket.listen(
            host: configuration.host, port: configuration.port, backlog: configuration.listenBacklog)
        let loop = HTTPEventLoop(listener: listener, configuration: configuration, router: router, mailbox: mailbox)
        let finished = DispatchSemaphore(value: 0)
        state.withLock { state in
            guard case .created = state else { preconditionFailure("HTTPServer.start() called twice") }
            state = .running(port: port, mailbox: mailbox, finished: finished)
        }
        DispatchQueue(label: "tocsin.http.event-loop").async {
            loop.run()
            finished.signal()
        }
        return port
    }

    /// Stops the server and waits until it has stopped.
    ///
    /// The listener closes at once (new connections are refused), idle keep-alive connections are closed,
    /// requests already arriving or being handled finish and get `Connection: close`. After `gracePeriod` every
    /// remaining connection is closed regardless. Returns when the event loop has exited; later calls return
    /// immediately.
    public func shutdown(gracePeriod: Duration) {
        let running: (HTTPEventLoopMailbox, DispatchSemaphore)? = state.withLock { state in
            guard case .running(_, let mailbox, let finished) = state else { return nil }
            state = .stopped
            return (mailbox, finished)
        }
        guard let (mailbox, finished) = running else { return }
        mailbox.isDraining.store(true, ordering: .relaxed)
        mailbox.post(.shutdown(deadline: .now + gracePeriod))
        finished.wait()
    }
}
