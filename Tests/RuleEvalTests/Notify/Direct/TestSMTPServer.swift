import Exporter
import Foundation
import Glibc
import Synchronization

/// A scripted SMTP server on 127.0.0.1 that serves one session on a background thread and records the client's
/// command lines and the message it sent. Replies are fixed, except the ones given in `overrides` (by verb).
final class TestSMTPServer: Sendable {
    struct Session: Sendable {
        var commands: [String] = []
        var data: [UInt8] = []
    }

    let port: UInt16
    private let listener: Int32
    private let recorded = Mutex(Session())
    private let done = DispatchSemaphore(value: 0)

    init(extensions: [String] = ["AUTH PLAIN LOGIN"], overrides: [String: String] = [:]) throws {
        let opened = try LoopbackListener.open(backlog: 1)
        listener = opened.descriptor
        port = UInt16(opened.port)
        let thread = Thread { [self] in
            serve(extensions: extensions, overrides: overrides)
            done.signal()
        }
        thread.start()
    }

    /// Waits (at most 5 s) for the session to end and returns what the client sent.
    func session() -> Session {
        _ = done.wait(timeout: .now() + 5)
        close(listener)
        return recorded.withLock { $0 }
    }

    private func serve(extensions: [String], overrides: [String: String]) {
        var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 5000) == 1 else { return }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { close(connection) }
        var buffer: [UInt8] = []
        func reply(_ text: String) {
            let bytes = Array((text + "\r\n").utf8)
            _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        func readLine() -> String? {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                if let end = buffer.firstIndex(of: 10) {
                    let line = String(decoding: buffer[..<end].filter { $0 != 13 }, as: UTF8.self)
                    buffer.removeSubrange(...end)
                    return line
                }
                var entry = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
                guard poll(&entry, 1, 5000) == 1 else { return nil }
                let count = recv(connection, &chunk, chunk.count, 0)
                guard count > 0 else { return nil }
                buffer += chunk[..<count]
            }
        }
        reply("220 test.local ESMTP")
        var inData = false
        while let line = readLine() {
            if inData {
                if line == "." {
                    inData = false
                    reply(overrides["."] ?? "250 queued")
                } else {
                    recorded.withLock { $0.data += Array((line + "\r\n").utf8) }
                }
                continue
            }
            recorded.withLock { $0.commands.append(line) }
            let verb = String(line.prefix { $0 != " " && $0 != ":" }).uppercased()
            if let override = overrides[verb] {
                reply(override)
                continue
            }
            switch verb {
            case "EHLO":
                let lines = ["test.local"] + extensions
                for (index, text) in lines.enumerated() { reply("250\(index == lines.count - 1 ? " " : "-")\(text)") }
            case "HELO", "MAIL", "RCPT": reply("250 ok")
            case "AUTH": reply(line.uppercased() == "AUTH LOGIN" ? "334 VXNlcm5hbWU6" : "235 authenticated")
            case "DATA":
                inData = true
                reply("354 go ahead")
            case "QUIT":
                reply("221 bye")
                return
            default:
                let commands = recorded.withLock { $0.commands }
                reply(commands.dropLast().last?.uppercased() == "AUTH LOGIN" ? "334 UGFzc3dvcmQ6" : "235 ok")
            }
        }
    }
}
