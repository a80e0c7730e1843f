import PromText

extension NotifyConfiguration {
    /// Reads and validates an `alertmanager.yml` at `path` (see ``parse(_:fileName:)``).
    public static func load(fileAt path: String) throws(YAMLError) -> NotifyConfiguration {
        try parse(try readFile(atPath: path), fileName: path)
    }

    /// Decodes Alertmanager's configuration format strictly and validates it as `amtool check-config` does.
    ///
    /// Supported: `global` (`resolve_timeout`, `slack_api_url`, `pagerduty_url`, `http_config` with only
    /// `tls_config`, `smtp_*` without TLS),
    /// `route` (the whole tree), `inhibit_rules`, `receivers` with `webhook_configs`, `slack_configs`,
    /// `pagerduty_configs` (Events API v2), each with an optional `http_config` holding only `tls_config`, and
    /// `email_configs`, and an empty `templates` list. Anything else a real `alertmanager.yml` may hold (other
    /// integrations, `time_intervals`, `http_config.basic_auth`, ...) is an error
    /// `file:line:col: field x is not supported by tocsin (supported: ...)`, and so is an unknown field.
    /// URLs may be `http://` or `https://`; email has no TLS, so it needs `require_tls: false`.
    public static func parse(_ bytes: some Collection<UInt8>, fileName: String) throws(YAMLError)
        -> NotifyConfiguration
    {
        let root = try YAMLParser.parse(bytes, fileName: fileName)
        return try AlertmanagerConfigurationDecoder(decoder: YAMLDecoder(fileName: fileName)).decode(root)
    }

    /// Whether `bytes` look like an `alertmanager.yml` rather than a `prometheus.yml`: a top-level mapping with
    /// `route` or `receivers`. Text that does not parse is not one.
    public static func isAlertmanagerFormat(_ bytes: some Collection<UInt8>) -> Bool {
        guard let root = try? YAMLParser.parse(bytes), case .mapping(let mapping) = root.content else { return false }
        return mapping.entries.contains { $0.key == "route" || $0.key == "receivers" }
    }
}
