/// The life of one HTTP/1.1 connection as a pure state machine: events in, actions out, no sockets.
///
/// `idle` (keep-alive, waiting for the first byte) → `receiving` (a request has started; the whole head must
/// arrive within the head timeout, a body within the body timeout) → `handling` (the handler runs; nothing is
/// read, so a pipelining client is back-pressured by TCP) → `sending` (within the write timeout) → `idle` again,
/// or `lingering` when the connection ends: the write side is shut and input is discarded briefly so the
/// client reads the whole response instead of a reset. Deadlines are instants the event loop compares with its
/// clock; ``deadlineReached(now:)`` turns an expired one into an action.
struct HTTPConnectionStateMachine {
    /// What the connection is doing.
    enum Phase: Sendable, Hashable {
        case idle, receiving, handling, sending, lingering, closed
    }

    /// How long each phase may last.
    struct Timeouts: Sendable, Hashable {
        var idle: Duration
        var requestHead: Duration
        var requestBody: Duration
        var write: Duration
        var linger: Duration
    }

    /// What the event loop must do next.
    enum Action: Sendable, Hashable {
        /// Nothing until the next event.
        case none
        /// Run the handler for this request, then call ``responseReady(_:keepAlive:now:)``.
        case handle(HTTPRequest)
        /// Send ``pendingOutput`` and report with ``sent(_:now:)``.
        case send
        /// Write `100 Continue` so the client sends its body.
        case sendContinue
        /// Shut the write side down; keep reading until end of input or the linger deadline.
        case shutdownWrite
        /// Close the socket.
        case close
    }

    private(set) var phase = Phase.idle
    /// When the current phase times out (`nil` while a handler runs).
    private(set) var deadline: ContinuousClock.Instant?
    private var parser: HTTPRequestParser
    private var output: [UInt8] = []
    private var sentCount = 0
    private var closeAfterSending = false
    private var receivingBody = false
    private let timeouts: Timeouts

    /// A new connection, idle from `now`.
    init(limits: HTTPRequestLimits, timeouts: Timeouts, now: ContinuousClock.Instant) {
        self.parser = HTTPRequestParser(limits: limits)
        self.timeouts = timeouts
        self.deadline = now + timeouts.idle
    }

    /// Whether the loop should wait for input.
    var wantsRead: Bool { phase == .idle || phase == .receiving || phase == .lingering }
    /// Whether the loop should wait until the socket is writable.
    var wantsWrite: Bool { phase == .sending }
    /// The bytes still to send.
    var pendingOutput: ArraySlice<UInt8> { output[sentCount...] }
    /// Whether no request is in progress, so the connection can be closed without losing anything.
    var isIdle: Bool { phase == .idle && !parser.hasPartialRequest }

    /// Bytes arrived from the client.
    mutating func received(_ bytes: some Collection<UInt8>, now: ContinuousClock.Instant) -> Action {
        guard phase == .idle || phase == .receiving else { return .none }
        parser.append(bytes)
        return advance(now: now)
    }

    /// The client closed its side (or the socket failed): there is nobody left to answer.
    mutating func peerClosed() -> Action {
        phase = .closed
        deadline = nil
        return .close
    }

    /// The handler produced the serialized response; `keepAlive` false ends the connection after it.
    mutating func responseReady(_ bytes: [UInt8], keepAlive: Bool, now: ContinuousClock.Instant) -> Action {
        guard phase == .handling else { return .none }
        return startSending(bytes, keepAlive: keepAlive, now: now)
    }

    /// `count` bytes of ``pendingOutput`` were written.
    mutating func sent(_ count: Int, now: ContinuousClock.Instant) -> Action {
        guard phase == .sending else { return .none }
        sentCount += count
        guard sentCount >= output.count else { return .none }
        output = []
        sentCount = 0
        if closeAfterSending {
            phase = .lingering
            deadline = now + timeouts.linger
            return .shutdownWrite
        }
        phase = .idle
        deadline = now + timeouts.idle
        return advance(now: now)
    }

    /// The loop's clock passed ``deadline``.
    mutating func deadlineReached(now: ContinuousClock.Instant) -> Action {
        guard let deadline, now >= deadline else { return .none }
        switch phase {
        case .receiving:
            return startSending(error: .requestTimeout, detail: "the request did not arrive in time", now: now)
        case .idle, .sending, .lingering, .closed:
            return peerClosed()
        case .handling:
            return .none
        }
    }

    /// Steps the parser over buffered bytes.
    private mutating func advance(now: ContinuousClock.Instant) -> Action {
        switch parser.next() {
        case .needMoreData:
            startReceiveDeadline(now: now)
            return .none
        case .continueExpected:
            startReceiveDeadline(now: now)
            return .sendContinue
        case .request(let request):
            phase = .handling
            deadline = nil
            receivingBody = false
            return .handle(request)
        case .failure(let error):
            return startSending(error: error.status, detail: error.description, now: now)
        }
    }

    /// Starts the head deadline at a request's first byte and the body deadline when its head is complete.
    private mutating func startReceiveDeadline(now: ContinuousClock.Instant) {
        if phase == .idle && parser.hasPartialRequest {
            phase = .receiving
            deadline = now + timeouts.requestHead
        }
        if parser.isReadingBody && !receivingBody {
            receivingBody = true
            deadline = now + timeouts.requestBody
        }
    }

    private mutating func startSending(error status: HTTPStatus, detail: String, now: ContinuousClock.Instant)
        -> Action
    {
        let response = HTTPResponse.error(status, detail: detail)
        return startSending(
            response.serialized(omittingBody: false, keepAlive: false, date: CalendarTime.now().imfFixdate),
            keepAlive: false, now: now)
    }

    private mutating func startSending(_ bytes: [UInt8], keepAlive: Bool, now: ContinuousClock.Instant) -> Action {
        phase = .sending
        output = bytes
        sentCount = 0
        closeAfterSending = !keepAlive
        deadline = now + timeouts.write
        return .send
    }
}
