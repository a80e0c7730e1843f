import COpenSSL
import Exporter
import Glibc

/// One TLS connection over a non-blocking ``Exporter/TCPStream``: OpenSSL's "want read / want write" answers
/// become polls on the socket, so the handshake, writes and reads all end at the TCP stream's deadline.
final class TLSStream: HTTPByteStream {
    private let tcp: TCPStream
    /// Kept alive as long as `ssl`, which refers to it.
    private let context: TLSContext
    private let ssl: OpaquePointer

    /// Starts TLS on `tcp`: SNI (unless `serverName` is an IP address), the expected name when `verify`, and the
    /// handshake.
    init(tcp: TCPStream, context: TLSContext, serverName: String, verify: Bool) throws(HTTPClientError) {
        guard let ssl = SSL_new(context.pointer) else { throw .tls(TLSError.lastMessage("SSL_new")) }
        self.tcp = tcp
        self.context = context
        self.ssl = ssl
        SSL_set_fd(ssl, tcp.descriptor)
        if !Self.isIPAddress(serverName) { _ = copenssl_set_server_name_indication(ssl, serverName) }
        if verify, SSL_set1_host(ssl, serverName) != 1 {
            throw .tls(TLSError.lastMessage("invalid server name \(serverName)"))
        }
        ERR_clear_error()
        while true {
            let result = SSL_connect(ssl)
            if result == 1 { return }
            try waitOrThrow(result, operation: "handshake")
        }
    }

    deinit { SSL_free(ssl) }

    func write(_ bytes: ArraySlice<UInt8>) throws(HTTPClientError) -> Int {
        ERR_clear_error()
        while true {
            var written = 0
            let result = bytes.withUnsafeBytes { SSL_write_ex(ssl, $0.baseAddress, $0.count, &written) }
            if result == 1 { return written }
            try waitOrThrow(result, operation: "write")
        }
    }

    func read(into buffer: inout [UInt8]) throws(HTTPClientError) -> Int {
        ERR_clear_error()
        while true {
            var count = 0
            let result = buffer.withUnsafeMutableBytes { SSL_read_ex(ssl, $0.baseAddress, $0.count, &count) }
            if result == 1 { return count }
            // The end of the stream, with or without close_notify (SSL_OP_IGNORE_UNEXPECTED_EOF).
            guard SSL_get_error(ssl, result) != SSL_ERROR_ZERO_RETURN else { return 0 }
            try waitOrThrow(result, operation: "read")
        }
    }

    /// Waits for the socket when OpenSSL wants it, or throws the failure of `operation`.
    private func waitOrThrow(_ result: Int32, operation: String) throws(HTTPClientError) {
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ: try tcp.wait(for: Int16(POLLIN))
        case SSL_ERROR_WANT_WRITE: try tcp.wait(for: Int16(POLLOUT))
        case SSL_ERROR_SYSCALL where ERR_peek_error() == 0:
            throw operation == "handshake"
                ? .tls("handshake failed: connection closed by the server") : .connectionClosed
        default:
            let verification = SSL_get_verify_result(ssl)
            if verification != Int(X509_V_OK) {
                let reason = String(cString: X509_verify_cert_error_string(verification))
                throw .tls("certificate verify failed: \(reason)")
            }
            throw .tls(TLSError.lastMessage("\(operation) failed"))
        }
    }

    private static func isIPAddress(_ name: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET, name, &address) == 1 || inet_pton(AF_INET6, name, &address) == 1
    }
}
