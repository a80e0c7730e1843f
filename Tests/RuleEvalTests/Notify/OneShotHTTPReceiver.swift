import Foundation
import Glibc

/// A listening socket on 127.0.0.1 that accepts one HTTP request, answers `200 OK` and returns the request body:
/// enough to catch what the real Alertmanager POSTs to a webhook. Closed by `close()`.
struct OneShotHTTPReceiver {
    let port: UInt16
    private let socketDescriptor: Int32

    /// Listens on 127.0.0.1:`port`; throws when the port cannot be bound.
    init(port: UInt16) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ReceiverError(message: "socket failed") }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 4) == 0 else {
            Glibc.close(descriptor)
            throw ReceiverError(message: "cannot listen on 127.0.0.1:\(port)")
        }
        self.port = port
        self.socketDescriptor = descriptor
    }

    /// Waits up to `timeoutMilliseconds` for one request and returns its body, or `nil` on timeout.
    func receiveBody(timeoutMilliseconds: Int32) -> [UInt8]? {
        var pollEntry = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&pollEntry, 1, timeoutMilliseconds) == 1 else { return nil }
        let connection = accept(socketDescriptor, nil, nil)
        guard connection >= 0 else { return nil }
        defer { Glibc.close(connection) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            var connectionPoll = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            guard poll(&connectionPoll, 1, 5_000) == 1 else { return nil }
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            received += buffer[0..<count]
            if let body = Self.completeBody(received) {
                let response = Array("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
                _ = response.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, 0) }
                return body
            }
        }
    }

    /// Stops listening.
    func close() {
        Glibc.close(socketDescriptor)
    }

    /// The body once the headers and `Content-Length` bytes have arrived.
    private static func completeBody(_ bytes: [UInt8]) -> [UInt8]? {
        let separator = Array("\r\n\r\n".utf8)
        guard
            let headerEnd = (0...max(0, bytes.count - 4)).first(where: {
                bytes[$0..<min($0 + 4, bytes.count)].elementsEqual(separator)
            })
        else { return nil }
        let headers = String(decoding: bytes[..<headerEnd], as: UTF8.self).lowercased()
        let length =
            headers.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        let bodyStart = headerEnd + 4
        guard bytes.count >= bodyStart + length else { return nil }
        return Array(bytes[bodyStart..<bodyStart + length])
    }

    struct ReceiverError: Error {
        var message: String
    }
}
