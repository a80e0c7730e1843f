import Dispatch
import Glibc

/// The single thread that owns the listener and every connection socket, multiplexed with `poll(2)`.
///
/// `poll` rather than `epoll` because the Swift `Glibc` module does not export `<sys/epoll.h>`; with connections
/// capped at ``HTTPServerConfiguration/maxConnections`` (1024 by default) one linear pass per wake-up is cheap.
/// Complete requests wait in arrival order for one of ``HTTPServerConfiguration/handlerConcurrency`` handler
/// queues; their responses come back through the ``HTTPEventLoopMailbox``. All protocol decisions are in ``HTTPConnectionStateMachine``.
final class HTTPEventLoop: @unchecked Sendable {  // Confined to the loop thread once `run()` starts.
    private struct Connection {
        let fd: Int32
        var machine: HTTPConnectionStateMachine
    }

    private static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
    /// The most connections accepted per wake-up, so a connection flood cannot starve established ones.
    private static let acceptBatch = 64

    private let configuration: HTTPServerConfiguration
    private let timeouts: HTTPConnectionStateMachine.Timeouts
    private let responder: HTTPResponder
    private let mailbox: HTTPEventLoopMailbox
    private var listener: Int32?
    private var connections: [UInt64: Connection] = [:]
    private var nextConnectionID: UInt64 = 0
    private var waitingRequests: [(connection: UInt64, request: HTTPRequest)] = []
    /// One serial queue per concurrent handler. A queue made without attributes targets Dispatch's overcommit
    /// root queue, so each busy queue gets its own thread: a slow handler never starves the others.
    private let handlerQueues: [DispatchQueue]
    private var idleHandlerQueues: [Int]
    private var shutdownDeadline: ContinuousClock.Instant?
    private var acceptPausedUntil: ContinuousClock.Instant?
    private var readBuffer = [UInt8](repeating: 0, count: 65536)

    init(listener: Int32, configuration: HTTPServerConfiguration, router: Router, mailbox: HTTPEventLoopMailbox) {
        self.listener = listener
        self.configuration = configuration
        self.timeouts = HTTPConnectionStateMachine.Timeouts(
            idle: configuration.idleTimeout, requestHead: configuration.requestHeadTimeout,
            requestBody: configuration.requestBodyTimeout, write: configuration.writeTimeout, linger: .seconds(2))
        self.responder = HTTPResponder(
            router: router, compression: configuration.compression, metrics: configuration.metrics)
        self.mailbox = mailbox
        let handlerCount = max(1, configuration.handlerConcurrency)
        self.handlerQueues = (0..<handlerCount).map { DispatchQueue(label: "tocsin.http.handler.\($0)") }
        self.idleHandlerQueues = Array(0..<handlerCount)
    }

    /// Serves until a shutdown message arrives and the remaining connections finish or its deadline passes.
    func run() {
        while true {
            let now = ContinuousClock.now
            if let shutdownDeadline, connections.isEmpty || now >= shutdownDeadline { break }
            var pollDescriptors = [pollfd(fd: mailbox.wakeReadFD, events: Int16(POLLIN), revents: 0)]
            let pollsListener = listener != nil && acceptPausedUntil.map { now >= $0 } ?? true
            if let listener, pollsListener {
                pollDescriptors.append(pollfd(fd: listener, events: Int16(POLLIN), revents: 0))
            }
            var polledConnections: [UInt64] = []
            for (id, connection) in connections {
                let events = (connection.machine.wantsRead ? POLLIN : 0) | (connection.machine.wantsWrite ? POLLOUT : 0)
                guard events != 0 else { continue }
                pollDescriptors.append(pollfd(fd: connection.fd, events: Int16(events), revents: 0))
                polledConnections.append(id)
            }
            _ = poll(&pollDescriptors, nfds_t(pollDescriptors.count), pollTimeoutMilliseconds(now: now))
            handleEvents(pollDescriptors, pollsListener: pollsListener, polledConnections: polledConnections)
        }
        for connection in connections.values { close(connection.fd) }
        connections = [:]
        if let listener { close(listener) }
        listener = nil
    }

    /// Handles what `poll` reported: `pollDescriptors` are the wake pipe, the listener if `pollsListener`, then
    /// the sockets of `polledConnections` in order.
    private func handleEvents(_ pollDescriptors: [pollfd], pollsListener: Bool, polledConnections: [UInt64]) {
        let now = ContinuousClock.now
        for message in mailbox.takeMessages() { handle(message, now: now) }
        if pollsListener && pollDescriptors[1].revents != 0 { acceptConnections(now: now) }
        let firstConnection = pollsListener ? 2 : 1
        for (offset, id) in polledConnections.enumerated() {
            let events = Int32(pollDescriptors[firstConnection + offset].revents)
            guard events != 0, let connection = connections[id] else { continue }
            if events & (POLLIN | POLLHUP | POLLERR) != 0 && connection.machine.wantsRead {
                readFrom(id, now: now)
            } else if events & (POLLOUT | POLLERR | POLLHUP) != 0 && connection.machine.wantsWrite {
                flush(id, now: now)
            }
        }
        for id in Array(connections.keys) {
            step(id) { $0.deadlineReached(now: now) }
            if mailbox.isDraining.load(ordering: .relaxed), connections[id]?.machine.isIdle == true {
                closeConnection(id)
            }
        }
    }

    private func pollTimeoutMilliseconds(now: ContinuousClock.Instant) -> Int32 {
        var earliest = now + .seconds(1)
        for connection in connections.values {
            if let deadline = connection.machine.deadline, deadline < earliest { earliest = deadline }
        }
        if let shutdownDeadline, shutdownDeadline < earliest { earliest = shutdownDeadline }
        if let acceptPausedUntil, acceptPausedUntil > now, acceptPausedUntil < earliest { earliest = acceptPausedUntil }
        let wait = now.duration(to: earliest)
        return wait <= .zero
            ? 0 : Int32(wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000 + 1)
    }

    // MARK: Messages

    private func handle(_ message: HTTPEventLoopMailbox.Message, now: ContinuousClock.Instant) {
        switch message {
        case .response(let id, let handlerQueue, let bytes, let keepAlive):
            idleHandlerQueues.append(handlerQueue)
            step(id) { $0.responseReady(bytes, keepAlive: keepAlive, now: now) }
            startWaitingHandlers()
        case .shutdown(let deadline):
            shutdownDeadline = deadline
            if let listener { close(listener) }
            listener = nil
        }
    }

    // MARK: Connections

    private func acceptConnections(now: ContinuousClock.Instant) {
        guard let listener else { return }
        for _ in 0..<HTTPEventLoop.acceptBatch {
            guard let fd = Socket.accept(listener) else {
                if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                    // Out of descriptors or similar: back off instead of spinning on a readable listener.
                    acceptPausedUntil = now + .milliseconds(100)
                }
                return
            }
            if connections.count >= configuration.maxConnections && !evictOldestIdleConnection() {
                reject(fd)
                continue
            }
            connections[nextConnectionID] = Connection(
                fd: fd,
                machine: HTTPConnectionStateMachine(limits: configuration.requestLimits, timeouts: timeouts, now: now))
            nextConnectionID += 1
        }
    }

    /// Answers a connection over the cap with `503` and closes it, discarding what it already sent so the close
    /// is less likely to become a reset that destroys the answer.
    private func reject(_ fd: Int32) {
        let response = HTTPResponse.error(.serviceUnavailable, detail: "too many open connections")
        _ = Socket.write(
            fd, response.serialized(omittingBody: false, keepAlive: false, date: CalendarTime.now().imfFixdate)[...])
        shutdown(fd, Int32(SHUT_WR))
        _ = Socket.read(fd, into: &readBuffer)
        close(fd)
    }

    /// Closes the longest-open idle connection; `false` when every connection is busy.
    private func evictOldestIdleConnection() -> Bool {
        guard let oldest = connections.filter({ $0.value.machine.isIdle }).keys.min() else { return false }
        closeConnection(oldest)
        return true
    }

    private func readFrom(_ id: UInt64, now: ContinuousClock.Instant) {
        guard let fd = connections[id]?.fd else { return }
        switch Socket.read(fd, into: &readBuffer) {
        case .bytes(let count):
            let bytes = readBuffer[0..<count]
            step(id) { $0.received(bytes, now: now) }
        case .wouldBlock:
            break
        case .endOfInput:
            step(id) { $0.peerClosed() }
        }
    }

    private func flush(_ id: UInt64, now: ContinuousClock.Instant) {
        while let connection = connections[id], connection.machine.phase == .sending {
            guard let count = Socket.write(connection.fd, connection.machine.pendingOutput) else {
                step(id) { $0.peerClosed() }
                return
            }
            guard count > 0 else { return }
            step(id) { $0.sent(count, now: now) }
        }
    }

    /// Applies one event to a connection's state machine and carries out the resulting action.
    private func step(_ id: UInt64, _ event: (inout HTTPConnectionStateMachine) -> HTTPConnectionStateMachine.Action) {
        guard var connection = connections[id] else { return }
        let action = event(&connection.machine)
        connections[id] = connection
        switch action {
        case .none:
            break
        case .handle(let request):
            waitingRequests.append((id, request))
            startWaitingHandlers()
        case .send:
            flush(id, now: .now)
        case .sendContinue:
            _ = Socket.write(connection.fd, HTTPEventLoop.continueResponse[...])
        case .shutdownWrite:
            shutdown(connection.fd, Int32(SHUT_WR))
        case .close:
            closeConnection(id)
        }
    }

    private func closeConnection(_ id: UInt64) {
        guard let connection = connections.removeValue(forKey: id) else { return }
        close(connection.fd)
    }

    // MARK: Handlers

    private func startWaitingHandlers() {
        while !idleHandlerQueues.isEmpty, !waitingRequests.isEmpty {
            let (id, request) = waitingRequests.removeFirst()
            guard connections[id] != nil else { continue }
            let handlerQueue = idleHandlerQueues.removeLast()
            let responder = self.responder
            let mailbox = self.mailbox
            handlerQueues[handlerQueue].async {
                let (bytes, keepAlive) = responder.respond(to: request) {
                    mailbox.isDraining.load(ordering: .relaxed)
                }
                mailbox.post(.response(connection: id, handlerQueue: handlerQueue, bytes: bytes, keepAlive: keepAlive))
            }
        }
    }
}
