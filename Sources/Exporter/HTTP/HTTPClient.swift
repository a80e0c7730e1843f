import Glibc

/// A small blocking HTTP/1.1 client for scraping targets and posting notifications: one request per connection
/// (`Connection: close`), an overall deadline covering connect, send and receive, a body size limit, and gzip
/// decoding. Every call is independent, so it is safe from any thread.
public struct HTTPClient: Sendable {
    /// The whole exchange must finish within this time.
    public var timeout: Duration
    /// The largest body accepted, before and after decompression.
    public var maximumBodySize: Int

    /// Creates a client.
    public init(timeout: Duration = .seconds(10), maximumBodySize: Int = 64 << 20) {
        self.timeout = timeout
        self.maximumBodySize = maximumBodySize
    }

    /// Sends `method target` with `headers` and `body` to `host:port` and returns the response.
    ///
    /// `Host`, `Content-Length` (when there is a body) and `Connection: close` are added; the caller adds
    /// `Accept`, `Accept-Encoding: gzip`, authorization and the like.
    public func send(
        _ method: HTTPMethod, host: String, port: Int, target: String, headers: HTTPHeaders = [:], body: [UInt8] = []
    ) throws(HTTPClientError) -> HTTPClientResponse {
        let deadline = ContinuousClock.now + timeout
        let descriptor = try connect(host: host, port: port, deadline: deadline)
        defer { close(descriptor) }
        var request = "\(method.rawValue) \(target) HTTP/1.1\r\nHost: \(Self.hostHeader(host, port))\r\n"
        for field in headers { request += "\(field.name): \(field.value)\r\n" }
        if !body.isEmpty || method == .post || method == .put { request += "Content-Length: \(body.count)\r\n" }
        request += "Connection: close\r\n\r\n"
        try sendAll(Array(request.utf8) + body, to: descriptor, deadline: deadline)

        var parser = HTTPResponseParser(maximumBodySize: maximumBodySize)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            try wait(for: Int16(POLLIN), on: descriptor, deadline: deadline)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                if try parser.append(chunk[..<count]) { return try parser.finish() }
            } else if count == 0 {
                return try parser.finish()
            } else if errno != EINTR && errno != EAGAIN {
                throw .connectionClosed
            }
        }
    }

    private func connect(host: String, port: Int, deadline: ContinuousClock.Instant) throws(HTTPClientError) -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &results) == 0, let first = results else {
            throw .unresolvable(host: host)
        }
        defer { freeaddrinfo(results) }
        let address = Self.hostHeader(host, port)
        let descriptor = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .connectionFailed(address: address, errno: errno) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        if Glibc.connect(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 {
            guard errno == EINPROGRESS else {
                let failure = errno
                close(descriptor)
                throw .connectionFailed(address: address, errno: failure)
            }
            do {
                try wait(for: Int16(POLLOUT), on: descriptor, deadline: deadline)
            } catch {
                close(descriptor)
                throw error
            }
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &length)
            guard failure == 0 else {
                close(descriptor)
                throw .connectionFailed(address: address, errno: failure)
            }
        }
        return descriptor
    }

    private func sendAll(_ bytes: [UInt8], to descriptor: Int32, deadline: ContinuousClock.Instant)
        throws(HTTPClientError)
    {
        var offset = 0
        while offset < bytes.count {
            try wait(for: Int16(POLLOUT), on: descriptor, deadline: deadline)
            let written = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno != EINTR && errno != EAGAIN {
                throw .connectionClosed
            }
        }
    }

    /// Waits until `descriptor` is ready for `events` or the deadline passes.
    private func wait(for events: Int16, on descriptor: Int32, deadline: ContinuousClock.Instant)
        throws(HTTPClientError)
    {
        while true {
            let remaining = deadline - .now
            guard remaining > .zero else { throw .timedOut(seconds: Self.seconds(timeout)) }
            let milliseconds = Int32(min(Self.seconds(remaining) * 1000 + 1, 60_000))
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw .connectionClosed }
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `host:port` with brackets around an IPv6 literal.
    static func hostHeader(_ host: String, _ port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
