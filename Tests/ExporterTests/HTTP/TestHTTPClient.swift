import Glibc

@testable import Exporter

/// A response as read off the wire by ``TestHTTPConnection``.
struct TestHTTPResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A blocking client socket for server tests, with a receive timeout so no test can hang.
final class TestHTTPConnection {
    let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to `127.0.0.1:port`; `nil` if the connection is refused.
    init?(port: Int, receiveTimeout: Duration = .seconds(10)) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: Int(receiveTimeout.components.seconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            close(fd)
            return nil
        }
    }

    deinit { close(fd) }

    /// Sends all of `text`; `false` if the server closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        send(Array(text.utf8))
    }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// Reads one response; `nil` on end of input, reset or timeout before a complete response.
    func readResponse(bodyExpected: Bool = true) -> TestHTTPResponse? {
        guard let headEnd = fill(until: { $0.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound }) else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeSubrange(..<headEnd)
        var lines = head.split(separator: "\r\n")
        guard !lines.isEmpty else { return nil }
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        var headers = HTTPHeaders()
        for line in lines {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers.add(
                name: String(parts[0]), value: String(parts.count > 1 ? parts[1].drop(while: { $0 == " " }) : ""))
        }
        let length = bodyExpected ? Int(headers["Content-Length"] ?? "0") ?? 0 : 0
        guard fill(until: { $0.count >= length ? length : nil }) != nil else { return nil }
        let body = Array(buffer[..<length])
        buffer.removeSubrange(..<length)
        return TestHTTPResponse(status: status, headers: headers, body: body)
    }

    /// Whether the server closed the connection (end of input or reset) before the receive timeout.
    func isClosedByServer() -> Bool {
        var scratch = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
    }

    /// Receives until `complete` finds what it needs in the buffer; `nil` on end of input or timeout.
    private func fill(until complete: ([UInt8]) -> Int?) -> Int? {
        var scratch = [UInt8](repeating: 0, count: 65536)
        while true {
            if let result = complete(buffer) { return result }
            let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            buffer += scratch[..<count]
        }
    }
}

/// Starts a server on an ephemeral port for one test and always shuts it down.
func withTestServer<Result>(
    configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
    router: Router,
    _ body: (HTTPServer, Int) throws -> Result
) throws -> Result {
    let server = HTTPServer(configuration: configuration, router: router)
    let port = try server.start()
    defer { server.shutdown(gracePeriod: .seconds(2)) }
    return try body(server, port)
}
