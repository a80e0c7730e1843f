import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A listener on 127.0.0.1 (a free port) that answers one HTTP request with a fixed status and remembers the
/// request line; it gives up after 10 seconds without a connection.
final class OneShotHTTPResponder: Sendable {
    /// The port it listens on.
    let port: UInt16
    private let listener: Int32
    private let requestLine = Mutex<String?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts listening and answers the first request with `status`.
    init(status: Int) throws {
        let (listener, port) = try Self.boundSocket()
        guard listen(listener, 1) == 0 else {
            close(listener)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        self.listener = listener
        self.port = port
        let response = "HTTP/1.0 \(status) Status\r\nContent-Length: 0\r\n\r\n"
        // A thread of its own: Dispatch's pools can be exhausted by parallel tests that block.
        Thread { [self] in
            defer { finished.signal() }
            var poll = pollfd(fd: self.listener, events: Int16(POLLIN), revents: 0)
            guard Glibc.poll(&poll, 1, 10_000) == 1 else { return }
            let connection = accept(self.listener, nil, nil)
            guard connection >= 0 else { return }
            defer { close(connection) }
            // Read the whole request head (a client may write it in pieces) before answering and closing.
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !received.reversed().starts(with: Array("\n\r\n\r".utf8)) {
                let count = read(connection, &buffer, buffer.count)
                guard count > 0, received.count < 65_536 else { break }
                received += buffer.prefix(count)
            }
            let request = String(decoding: received, as: UTF8.self)
            requestLine.withLock { $0 = request.split(separator: "\r\n").first.map(String.init) }
            _ = response.withCString { write(connection, $0, strlen($0)) }
        }.start()
    }

    /// Waits (at most 10 seconds) for the exchange and returns the request line it received, if any.
    func receivedRequestLine() -> String? {
        _ = finished.wait(timeout: .now() + 11)
        return requestLine.withLock { $0 }
    }

    deinit { close(listener) }

    /// A port on 127.0.0.1 that was free a moment ago and has no listener.
    static func closedPort() throws -> UInt16 {
        let (socket, port) = try boundSocket()
        close(socket)
        return port
    }

    /// A TCP socket bound to 127.0.0.1 on a port the kernel picked, and that port.
    private static func boundSocket() throws -> (Int32, UInt16) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard socket >= 0, bound else {
            close(socket)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        return (socket, UInt16(bigEndian: address.sin_port))
    }
}
