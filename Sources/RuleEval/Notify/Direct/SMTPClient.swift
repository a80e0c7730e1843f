import Glibc

/// A small blocking SMTP client for `email_configs`, over plain TCP only (no STARTTLS, no implicit TLS).
///
/// One ``send(_:to:)`` is one session: greeting, `EHLO` (falling back to `HELO`), `AUTH PLAIN` or `AUTH LOGIN`
/// when a username is configured and the server advertises one of them (credentials travel unencrypted), then
/// `MAIL FROM`, one `RCPT TO` per recipient, `DATA` with dot-stuffing, and `QUIT`. The whole session must finish
/// within ``timeout``.
public struct SMTPClient: Sendable {
    /// A `host:port` smarthost.
    public struct Address: Sendable, Hashable {
        /// The host name or address.
        public var host: String
        /// The port.
        public var port: Int

        /// Parses `host:port` (`[v6]:port` for IPv6); `nil` without a valid port.
        public init?(_ text: String) {
            guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
                (1...65535).contains(port)
            else { return nil }
            var host = text[..<colon]
            if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
            guard !host.isEmpty else { return nil }
            self.host = String(host)
            self.port = port
        }
    }

    /// Why a session failed; ``isPermanent`` is true for a 5xx reply, which retrying will not fix.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// What failed, with the server's reply when there was one.
        public var message: String
        /// Whether the server rejected the message permanently (5xx).
        public var isPermanent: Bool

        /// `message`.
        public var description: String { message }
    }

    /// The session must finish within this time.
    public var timeout: Duration

    /// Creates a client.
    public init(timeout: Duration = .seconds(10)) {
        self.timeout = timeout
    }

    /// Delivers `message` (headers and body, lines ending in CRLF or LF) through the smarthost of
    /// `configuration` to every address of its `to`.
    public func send(_ message: [UInt8], to configuration: EmailConfiguration) throws(Failure) {
        guard let address = Address(configuration.smarthost) else {
            throw Failure(message: "invalid smarthost \(configuration.smarthost)", isPermanent: true)
        }
        var session = try Session(address: address, deadline: .now + timeout)
        defer { session.close() }
        try session.expect(220, after: nil)
        let extensions = try? session.command("EHLO \(configuration.hello)", expecting: 250)
        if extensions == nil { _ = try session.command("HELO \(configuration.hello)", expecting: 250) }
        if !configuration.authUsername.isEmpty, let lines = extensions {
            try authenticate(&session, configuration: configuration, extensions: lines)
        }
        _ = try session.command("MAIL FROM:<\(Self.mailbox(configuration.from))>", expecting: 250)
        for recipient in configuration.to.split(separator: ",") {
            _ = try session.command("RCPT TO:<\(Self.mailbox(String(recipient)))>", expecting: 250, or: 251)
        }
        _ = try session.command("DATA", expecting: 354)
        try session.write(Self.dotStuffed(message))
        try session.expect(250, after: "DATA")
        _ = try? session.command("QUIT", expecting: 221)
    }

    private func authenticate(
        _ session: inout Session, configuration: EmailConfiguration, extensions: [String]
    ) throws(Failure) {
        let mechanisms =
            extensions.first { $0.uppercased().hasPrefix("AUTH") }?.uppercased()
            .split(whereSeparator: { $0 == " " || $0 == "=" }).dropFirst().map(String.init) ?? []
        let username = Array(configuration.authUsername.utf8), password = Array(configuration.authPassword.utf8)
        if mechanisms.contains("PLAIN") {
            let credentials = Array(configuration.authIdentity.utf8) + [0] + username + [0] + password
            _ = try session.command("AUTH PLAIN " + Base64.encode(credentials), expecting: 235, label: "AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            _ = try session.command("AUTH LOGIN", expecting: 334)
            _ = try session.command(Base64.encode(username), expecting: 334, label: "AUTH LOGIN username")
            _ = try session.command(Base64.encode(password), expecting: 235, label: "AUTH LOGIN password")
        } else if !mechanisms.isEmpty {
            throw Failure(
                message: "smarthost offers AUTH \(mechanisms.joined(separator: " ")); tocsin supports PLAIN and LOGIN",
                isPermanent: true)
        }
    }

    /// The address inside `Name <address>`, or the trimmed text.
    static func mailbox(_ text: String) -> String {
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            return String(text[text.index(after: open)..<close])
        }
        return String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// `textproto.CanonicalMIMEHeaderKey`: `content-type` becomes `Content-Type`; a name with a byte that is not
    /// an HTTP token character is returned unchanged, as Go does.
    static func canonicalHeaderName(_ name: String) -> String {
        let tokenPunctuation = Set("!#$%&'*+-.^_`|~".utf8)
        let bytes = Array(name.utf8)
        let isToken = { (byte: UInt8) -> Bool in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default: tokenPunctuation.contains(byte)
            }
        }
        guard bytes.allSatisfy(isToken) else { return name }
        var upper = true
        return String(
            decoding: bytes.map { byte in
                defer { upper = byte == UInt8(ascii: "-") }
                let isLower = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                let isUpperCase = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                if upper, isLower { return byte - 32 }
                if !upper, isUpperCase { return byte + 32 }
                return byte
            }, as: UTF8.self)
    }

    /// The message as sent after `DATA`: lines ending in CRLF, a line starting with `.` doubled, then `.` alone.
    static func dotStuffed(_ message: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + 16)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in message {
            if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") { output.append(UInt8(ascii: "\r")) }
            if atLineStart, byte == UInt8(ascii: ".") { output.append(UInt8(ascii: ".")) }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
            previous = byte
        }
        if !atLineStart { output += Array("\r\n".utf8) }
        return output + Array(".\r\n".utf8)
    }
}

/// One SMTP connection: buffered reply reading and writing with a deadline.
private struct Session {
    private let descriptor: Int32
    private let deadline: ContinuousClock.Instant
    private var buffer: [UInt8] = []

    init(address: SMTPClient.Address, deadline: ContinuousClock.Instant) throws(SMTPClient.Failure) {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(address.host, String(address.port), &hints, &results) == 0, let first = results else {
            throw SMTPClient.Failure(message: "cannot resolve \(address.host)", isPermanent: false)
        }
        defer { freeaddrinfo(results) }
        let descriptor = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SMTPClient.Failure(message: "socket failed", isPermanent: false) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        self.descriptor = descriptor
        self.deadline = deadline
        if Glibc.connect(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 {
            let failure = errno
            guard failure == EINPROGRESS else {
                Glibc.close(descriptor)
                throw SMTPClient.Failure(
                    message: "connect to \(address.host):\(address.port): \(String(cString: strerror(failure)))",
                    isPermanent: false)
            }
            do {
                try wait(for: Int16(POLLOUT))
            } catch {
                Glibc.close(descriptor)
                throw error
            }
            var socketError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &socketError, &length)
            guard socketError == 0 else {
                Glibc.close(descriptor)
                throw SMTPClient.Failure(
                    message: "connect to \(address.host):\(address.port): \(String(cString: strerror(socketError)))",
                    isPermanent: false)
            }
        }
    }

    func close() { Glibc.close(descriptor) }

    /// Sends `line` and reads the reply; returns the reply's text lines when its code is `code` or `other`.
    /// Errors name the command by its first word, or by `label` (so credentials never reach a log line).
    mutating func command(
        _ line: String, expecting code: Int, or other: Int? = nil, label: String? = nil
    ) throws(SMTPClient.Failure) -> [String] {
        try write(Array((line + "\r\n").utf8))
        return try expect(code, or: other, after: label ?? String(line.prefix { $0 != " " }))
    }

    /// Reads one (possibly multi-line) reply and checks its code.
    @discardableResult
    mutating func expect(_ code: Int, or other: Int? = nil, after command: String?) throws(SMTPClient.Failure)
        -> [String]
    {
        var lines: [String] = []
        while true {
            let line = try readLine()
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let replyCode = Int(String(decoding: bytes[0..<3], as: UTF8.self)) else {
                throw SMTPClient.Failure(message: "malformed SMTP reply \(line)", isPermanent: false)
            }
            lines.append(String(decoding: bytes.dropFirst(4), as: UTF8.self))
            if bytes.count > 3, bytes[3] == UInt8(ascii: "-") { continue }
            guard replyCode == code || replyCode == other else {
                let context = command.map { "after \($0): " } ?? "greeting: "
                throw SMTPClient.Failure(message: context + line, isPermanent: (500..<600).contains(replyCode))
            }
            return lines
        }
    }

    mutating func readLine() throws(SMTPClient.Failure) -> String {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count < 65536 else {
                throw SMTPClient.Failure(message: "SMTP reply too long", isPermanent: false)
            }
            try wait(for: Int16(POLLIN))
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                throw SMTPClient.Failure(message: "connection closed by smarthost", isPermanent: false)
            }
        }
    }

    func write(_ bytes: [UInt8]) throws(SMTPClient.Failure) {
        var offset = 0
        while offset < bytes.count {
            try wait(for: Int16(POLLOUT))
            let written = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno != EINTR && errno != EAGAIN {
                throw SMTPClient.Failure(message: "connection closed by smarthost", isPermanent: false)
            }
        }
    }

    private func wait(for events: Int16) throws(SMTPClient.Failure) {
        while true {
            let remaining = (deadline - .now).components
            let milliseconds = remaining.seconds * 1000 + remaining.attoseconds / 1_000_000_000_000_000
            guard milliseconds > 0 else {
                throw SMTPClient.Failure(message: "SMTP session timed out", isPermanent: false)
            }
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, Int32(min(milliseconds, 60_000)))
            if ready > 0 { return }
            if ready < 0 && errno != EINTR {
                throw SMTPClient.Failure(message: "poll failed", isPermanent: false)
            }
        }
    }
}
