import Glibc

/// A non-blocking TCP connection whose every wait ends at one deadline; the socket closes when it is released.
/// Other transports (TLS) run over its ``descriptor`` and wait with ``wait(for:)``.
public final class TCPStream: HTTPByteStream {
    /// The connected, non-blocking socket.
    public let descriptor: Int32
    /// When every wait on this connection gives up.
    public let deadline: ContinuousClock.Instant
    /// The client's whole budget, reported in ``HTTPClientError/timedOut(seconds:)``.
    public let timeout: Duration

    /// Connects to the first address `host` resolves to, waiting no later than `deadline`.
    public init(host: String, port: Int, deadline: ContinuousClock.Instant, timeout: Duration)
        throws(HTTPClientError)
    {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &results) == 0, let first = results else {
            throw .unresolvable(host: host)
        }
        defer { freeaddrinfo(results) }
        let address = HTTPClient.hostHeader(host, port)
        let descriptor = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .connectionFailed(address: address, errno: errno) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        self.descriptor = descriptor
        self.deadline = deadline
        self.timeout = timeout
        if Glibc.connect(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 {
            guard errno == EINPROGRESS else { throw .connectionFailed(address: address, errno: errno) }
            try wait(for: Int16(POLLOUT))
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &length)
            guard failure == 0 else { throw .connectionFailed(address: address, errno: failure) }
        }
    }

    deinit { close(descriptor) }

    public func write(_ bytes: ArraySlice<UInt8>) throws(HTTPClientError) -> Int {
        while true {
            try wait(for: Int16(POLLOUT))
            let written = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written > 0 { return written }
            if written < 0 && errno != EINTR && errno != EAGAIN { throw .connectionClosed }
        }
    }

    public func read(into buffer: inout [UInt8]) throws(HTTPClientError) -> Int {
        while true {
            try wait(for: Int16(POLLIN))
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count >= 0 { return count }
            if errno != EINTR && errno != EAGAIN { throw .connectionClosed }
        }
    }

    /// Waits until the socket is ready for `events` (`POLLIN`, `POLLOUT`) or the deadline passes.
    public func wait(for events: Int16) throws(HTTPClientError) {
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
}
