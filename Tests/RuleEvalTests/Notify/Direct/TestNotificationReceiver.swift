import Exporter
import Foundation
import Glibc
import Synchronization

/// An HTTP receiver on 127.0.0.1 for delivery tests: records every request (headers and body) and answers
/// each from a script, one answer per request in order, then `fallback`. Every connection is served on its
/// own thread, so a hanging answer does not hold up the next request. Stopped by ``close()``.
final class TestNotificationReceiver: Sendable {
    /// How to answer one request.
    enum Answer: Sendable {
        case status(Int, headers: [String: String] = [:], body: String = "")
        /// Keep the connection open without answering for this many seconds, then close it.
        case hang(seconds: Int)
        /// Close the connection without answering.
        case drop

        static let ok = Answer.status(200)
    }

    struct Request: Sendable {
        /// Header names lowercased.
        var headers: [String: String]
        var body: [UInt8]

        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
    }

    let port: UInt16
    private let listener: Int32
    private let state: Mutex<(script: [Answer], fallback: Answer, requests: [Request], closed: Bool)>

    init(script: [Answer] = [], fallback: Answer = .ok) throws {
        let opened = try LoopbackListener.open(backlog: 16)
        listener = opened.descriptor
        port = UInt16(opened.port)
        state = Mutex((script, fallback, [], false))
        Thread { [self] in acceptLoop() }.start()
    }

    var url: String { "http://127.0.0.1:\(port)/notify" }

    var requests: [Request] { state.withLock { $0.requests } }

    /// Changes the answer for every later request.
    func answerFromNowOn(_ answer: Answer) {
        state.withLock {
            $0.script = []
            $0.fallback = answer
        }
    }

    /// Polls (every 10 ms, at most `seconds`) until `count` requests have arrived; returns them.
    @discardableResult
    func waitForRequests(_ count: Int, seconds: Double = 3) -> [Request] {
        let deadline = Date().addingTimeInterval(seconds)
        while requests.count < count, Date() < deadline { usleep(10_000) }
        return requests
    }

    func close() {
        state.withLock { $0.closed = true }
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
    }

    private func acceptLoop() {
        while !state.withLock({ $0.closed }) {
            var entry = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 100) == 1 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            Thread { [self] in serve(connection) }.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { Glibc.close(connection) }
        guard let request = Self.readRequest(connection) else { return }
        let answer = state.withLock { state -> Answer in
            state.requests.append(request)
            return state.script.isEmpty ? state.fallback : state.script.removeFirst()
        }
        switch answer {
        case .status(let code, let headers, let body):
            var text = "HTTP/1.1 \(code) Test\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n"
            for (name, value) in headers { text += "\(name): \(value)\r\n" }
            let bytes = Array((text + "\r\n" + body).utf8)
            _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        case .hang(let seconds):
            var entry = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            _ = poll(&entry, 1, Int32(seconds * 1000))
        case .drop:
            break
        }
    }

    private static func readRequest(_ connection: Int32) -> Request? {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            var entry = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 3000) == 1 else { return nil }
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            received += chunk[..<count]
            guard let end = received.firstRange(of: Array("\r\n\r\n".utf8)) else { continue }
            var headers: [String: String] = [:]
            for line in String(decoding: received[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n")
                .dropFirst()
            {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                    in: .whitespaces)
            }
            let length = Int(headers["content-length"] ?? "0") ?? 0
            guard received.count >= end.upperBound + length else { continue }
            return Request(headers: headers, body: Array(received[end.upperBound..<end.upperBound + length]))
        }
    }
}
