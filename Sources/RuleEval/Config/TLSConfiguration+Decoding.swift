extension TLSConfiguration {
    /// The `tls_config` fields Prometheus has and Tocsin does not (inline PEM, secret references, versions).
    static let unsupportedFields: Set<String> = [
        "ca", "ca_ref", "cert", "cert_ref", "key", "key_ref", "min_version", "max_version",
    ]

    /// Reads a `tls_config` mapping and validates it as `config.TLSConfig.Validate` does; file paths are
    /// resolved against `directory`.
    static func decode(_ node: YAMLNode, with decoder: YAMLDecoder, directory: String) throws(YAMLError)
        -> TLSConfiguration
    {
        let fields = try decoder.fields(
            of: node, type: "config.TLSConfig",
            known: ["ca_file", "cert_file", "key_file", "server_name", "insecure_skip_verify"],
            unsupported: unsupportedFields)
        var configuration = TLSConfiguration()
        if let value = fields["ca_file"] { configuration.caFile = joinDirectory(directory, try decoder.string(value)) }
        if let value = fields["cert_file"] {
            configuration.certFile = joinDirectory(directory, try decoder.string(value))
        }
        if let value = fields["key_file"] {
            configuration.keyFile = joinDirectory(directory, try decoder.string(value))
        }
        if let value = fields["server_name"] { configuration.serverName = try decoder.string(value) }
        if let value = fields["insecure_skip_verify"] { configuration.insecureSkipVerify = try decoder.bool(value) }
        if !configuration.certFile.isEmpty && configuration.keyFile.isEmpty {
            throw decoder.error(
                "exactly one of key or key_file must be configured when a client certificate is configured",
                at: node.position)
        }
        if configuration.certFile.isEmpty && !configuration.keyFile.isEmpty {
            throw decoder.error(
                "exactly one of cert or cert_file must be configured when a client key is configured",
                at: node.position)
        }
        return configuration
    }
}
