/// Prometheus's `tls_config` (the fields Tocsin supports): which CAs to trust, the client certificate, the name
/// to expect and whether to verify at all. Used for `https` scrapes, Alertmanagers and notification receivers.
public struct TLSConfiguration: Sendable, Hashable {
    /// `ca_file`: the CA certificates (PEM) to trust instead of the system's; empty for the system store.
    public var caFile: String
    /// `cert_file`: the client certificate chain (PEM) presented to the server; empty for none.
    public var certFile: String
    /// `key_file`: the private key (PEM) of ``certFile``.
    public var keyFile: String
    /// `server_name`: the name sent as SNI and checked against the certificate; empty for the URL's host.
    public var serverName: String
    /// `insecure_skip_verify`: accept any certificate (neither the chain nor the name is checked).
    public var insecureSkipVerify: Bool

    /// Creates settings; the defaults verify the server against the system CAs.
    public init(
        caFile: String = "", certFile: String = "", keyFile: String = "", serverName: String = "",
        insecureSkipVerify: Bool = false
    ) {
        self.caFile = caFile
        self.certFile = certFile
        self.keyFile = keyFile
        self.serverName = serverName
        self.insecureSkipVerify = insecureSkipVerify
    }
}
