import COpenSSL
import Exporter
import Glibc

/// ``Exporter/HTTPTransport`` over TLS (system OpenSSL 3): a TCP connection, then a handshake that verifies the
/// server's chain (system CAs or ``TLSConfiguration/caFile``) and its name, all within the client's deadline.
/// Every connection builds its own OpenSSL context, so nothing OpenSSL owns is shared between threads.
/// `SIGPIPE` is ignored process-wide on the first connection, since OpenSSL writes to the socket with `write`.
public struct TLSTransport: HTTPTransport {
    /// What to trust and present.
    public var configuration: TLSConfiguration

    /// Creates a transport with `configuration`.
    public init(configuration: TLSConfiguration = TLSConfiguration()) {
        self.configuration = configuration
    }

    /// The transport for a URL `scheme`: TLS for `https`, plain TCP otherwise.
    public static func forScheme(_ scheme: String, configuration: TLSConfiguration) -> any HTTPTransport {
        scheme == "https" ? TLSTransport(configuration: configuration) : PlainTCPTransport()
    }

    public func connect(host: String, port: Int, deadline: ContinuousClock.Instant, timeout: Duration)
        throws(HTTPClientError) -> any HTTPByteStream
    {
        signal(SIGPIPE, SIG_IGN)
        let context = try TLSContext(configuration)
        let tcp = try TCPStream(host: host, port: port, deadline: deadline, timeout: timeout)
        let name = configuration.serverName.isEmpty ? host : configuration.serverName
        return try TLSStream(tcp: tcp, context: context, serverName: name, verify: !configuration.insecureSkipVerify)
    }
}

/// An `SSL_CTX` set up from a ``TLSConfiguration``, freed when released; used by one connection only.
final class TLSContext {
    let pointer: OpaquePointer

    init(_ configuration: TLSConfiguration) throws(HTTPClientError) {
        guard let pointer = SSL_CTX_new(TLS_client_method()) else { throw .tls(TLSError.lastMessage("SSL_CTX_new")) }
        self.pointer = pointer
        copenssl_configure_client_context(pointer)
        if configuration.insecureSkipVerify {
            SSL_CTX_set_verify(pointer, SSL_VERIFY_NONE, nil)
        } else {
            SSL_CTX_set_verify(pointer, SSL_VERIFY_PEER, nil)
            if configuration.caFile.isEmpty {
                guard SSL_CTX_set_default_verify_paths(pointer) == 1 else {
                    throw .tls(TLSError.lastMessage("cannot load the system CA certificates"))
                }
            } else if SSL_CTX_load_verify_locations(pointer, configuration.caFile, nil) != 1 {
                throw .tls(TLSError.lastMessage("cannot load CA file \(configuration.caFile)"))
            }
        }
        if !configuration.certFile.isEmpty || !configuration.keyFile.isEmpty {
            guard SSL_CTX_use_certificate_chain_file(pointer, configuration.certFile) == 1 else {
                throw .tls(TLSError.lastMessage("cannot load certificate file \(configuration.certFile)"))
            }
            guard SSL_CTX_use_PrivateKey_file(pointer, configuration.keyFile, SSL_FILETYPE_PEM) == 1,
                SSL_CTX_check_private_key(pointer) == 1
            else {
                throw .tls(TLSError.lastMessage("cannot load key file \(configuration.keyFile)"))
            }
        }
    }

    deinit { SSL_CTX_free(pointer) }
}
