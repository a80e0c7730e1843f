import Testing

@testable import Exporter

@Suite struct HTTPConnectionStateMachineTests {
    let start = ContinuousClock.now
    let timeouts = HTTPConnectionStateMachine.Timeouts(
        idle: .seconds(60), requestHead: .seconds(10), requestBody: .seconds(30), write: .seconds(20),
        linger: .seconds(2))

    func machine() -> HTTPConnectionStateMachine {
        HTTPConnectionStateMachine(limits: HTTPRequestLimits(), timeouts: timeouts, now: start)
    }

    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func keepAliveCycleReturnsToIdle() {
        var connection = machine()
        #expect(connection.phase == .idle)
        #expect(connection.deadline == start + .seconds(60))
        #expect(connection.received(bytes("GET / HTTP/1.1\r\n"), now: start + .seconds(1)) == .none)
        #expect(connection.phase == .receiving)
        #expect(connection.deadline == start + .seconds(11))
        guard case .handle(let request) = connection.received(bytes("Host: h\r\n\r\n"), now: start + .seconds(2)) else {
            Issue.record("expected a request to handle")
            return
        }
        #expect(request.path == "/")
        #expect(connection.phase == .handling)
        #expect(connection.deadline == nil)
        #expect(!connection.wantsRead)
        #expect(
            connection.responseReady(bytes("HTTP/1.1 200 OK\r\n\r\n"), keepAlive: true, now: start + .seconds(3))
                == .send)
        #expect(connection.wantsWrite)
        #expect(connection.sent(5, now: start + .seconds(3)) == .none)
        #expect(connection.pendingOutput.count == 14)
        #expect(connection.sent(14, now: start + .seconds(4)) == .none)
        #expect(connection.phase == .idle)
        #expect(connection.isIdle)
        #expect(connection.deadline == start + .seconds(64))
    }

    @Test func pipelinedRequestIsHandledRightAfterTheResponse() {
        var connection = machine()
        let two = "GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n"
        guard case .handle = connection.received(bytes(two), now: start) else {
            Issue.record("expected the first request")
            return
        }
        _ = connection.responseReady(bytes("x"), keepAlive: true, now: start)
        guard case .handle(let second) = connection.sent(1, now: start) else {
            Issue.record("expected the second request")
            return
        }
        #expect(second.path == "/b")
    }

    @Test func closingResponseLingersThenCloses() {
        var connection = machine()
        _ = connection.received(bytes("GET / HTTP/1.0\r\n\r\n"), now: start)
        _ = connection.responseReady(bytes("x"), keepAlive: false, now: start)
        #expect(connection.sent(1, now: start) == .shutdownWrite)
        #expect(connection.phase == .lingering)
        #expect(connection.received(bytes("ignored"), now: start) == .none)
        #expect(connection.deadlineReached(now: start + .seconds(1)) == .none)
        #expect(connection.deadlineReached(now: start + .seconds(2)) == .close)
    }

    @Test func slowRequestHeadGets408FromItsFirstByteNotItsLast() {
        var connection = machine()
        _ = connection.received(bytes("GET / HTTP/1.1\r\n"), now: start)
        for second in 1...9 {
            _ = connection.received(bytes("X-\(second): y\r\n"), now: start + .seconds(second))
        }
        #expect(connection.deadlineReached(now: start + .seconds(9)) == .none)
        #expect(connection.deadlineReached(now: start + .seconds(10)) == .send)
        #expect(String(decoding: connection.pendingOutput, as: UTF8.self).hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
    }

    @Test func bodyGetsItsOwnDeadlineOnceTheHeadIsComplete() {
        var connection = machine()
        _ = connection.received(
            bytes("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 9\r\n\r\nabc"), now: start + .seconds(5))
        #expect(connection.deadline == start + .seconds(35))
    }

    @Test func idleTimeoutClosesSilently() {
        var connection = machine()
        #expect(connection.deadlineReached(now: start + .seconds(60)) == .close)
        #expect(connection.phase == .closed)
    }

    @Test func malformedRequestIsAnsweredAndTheConnectionEnds() {
        var connection = machine()
        #expect(connection.received(bytes("BAD\r\n"), now: start) == .send)
        let response = String(decoding: connection.pendingOutput, as: UTF8.self)
        #expect(response.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(response.contains("Connection: close\r\n"))
        #expect(response.hasSuffix("Bad Request: 1:1: expected request line 'METHOD target HTTP/1.1', found 'BAD'\n"))
        #expect(connection.sent(connection.pendingOutput.count, now: start) == .shutdownWrite)
    }

    @Test func handlerKeepsNoDeadlineAndPeerCloseEndsIt() {
        var connection = machine()
        _ = connection.received(bytes("GET / HTTP/1.1\r\nHost: h\r\n\r\n"), now: start)
        #expect(connection.deadlineReached(now: start + .seconds(3600)) == .none)
        #expect(connection.peerClosed() == .close)
        #expect(connection.responseReady(bytes("late"), keepAlive: true, now: start) == .none)
    }
}
