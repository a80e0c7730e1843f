import Glibc

/// Thin wrappers over the POSIX socket calls the event loop needs; every descriptor is non-blocking.
enum Socket {
    /// The outcome of a non-blocking read.
    enum ReadResult {
        case bytes(Int)
        case wouldBlock
        case endOfInput
    }

    /// Opens a non-blocking TCP listener on `host` (an IPv4 or IPv6 literal) and `port` (0: ephemeral).
    /// Returns the descriptor and the bound port.
    static func listen(host: String, port: Int, backlog: Int32) throws(HTTPServerError) -> (fd: Int32, port: Int) {
        let isIPv6 = host.contains(":")
        let family = isIPv6 ? AF_INET6 : AF_INET
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw HTTPServerError(operation: "socket", errorNumber: errno) }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        let endpoint = isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
        do throws(HTTPServerError) {
            try bind(fd, host: host, port: port, isIPv6: isIPv6, description: endpoint)
            guard Glibc.listen(fd, backlog) == 0 else {
                throw HTTPServerError(operation: "listen \(endpoint)", errorNumber: errno)
            }
            setNonBlocking(fd)
            return (fd, boundPort(fd))
        } catch {
            close(fd)
            throw error
        }
    }

    private static func bind(_ fd: Int32, host: String, port: Int, isIPv6: Bool, description: String)
        throws(HTTPServerError)
    {
        guard (0...65535).contains(port) else {
            throw HTTPServerError(operation: "invalid port in \(description)", errorNumber: 0)
        }
        let status: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = UInt16(port).bigEndian
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else {
                throw HTTPServerError(operation: "invalid IPv6 address in \(description)", errorNumber: 0)
            }
            status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
                throw HTTPServerError(operation: "invalid IPv4 address in \(description)", errorNumber: 0)
            }
            status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard status == 0 else { throw HTTPServerError(operation: "bind \(description)", errorNumber: errno) }
    }

    /// The local port a bound socket listens on.
    private static func boundPort(_ fd: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return withUnsafePointer(to: &storage) { pointer in
            // sin_port and sin6_port sit at the same offset, right after the family.
            pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }

    /// Accepts one pending connection as a non-blocking socket with Nagle disabled, or `nil` if none is pending.
    static func accept(_ listener: Int32) -> Int32? {
        let fd = Glibc.accept(listener, nil, nil)
        guard fd >= 0 else { return nil }
        setNonBlocking(fd)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var noDelay: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        return fd
    }

    /// Reads what is available into `buffer`.
    static func read(_ fd: Int32, into buffer: inout [UInt8]) -> ReadResult {
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 { return .bytes(count) }
        if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return .wouldBlock }
        return .endOfInput
    }

    /// Writes as much of `bytes` as the socket takes without blocking or raising `SIGPIPE`.
    /// Returns the count written (0 when the socket is full), or `nil` when the connection is broken.
    static func write(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Int? {
        let count = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if count >= 0 { return count }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : nil
    }

    private static func setNonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }
}
