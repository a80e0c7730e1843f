import PromText

/// The `alerting` section of `prometheus.yml`.
public struct AlertingConfiguration: Sendable, Hashable {
    /// Relabeling applied to every alert before it is sent.
    public var alertRelabelConfigs: [RelabelConfiguration]
    /// Where alerts are sent.
    public var alertmanagers: [AlertmanagerConfiguration]

    /// Creates an alerting section.
    public init(alertRelabelConfigs: [RelabelConfiguration] = [], alertmanagers: [AlertmanagerConfiguration] = []) {
        self.alertRelabelConfigs = alertRelabelConfigs
        self.alertmanagers = alertmanagers
    }

    static func decode(_ node: YAMLNode, with decoder: YAMLDecoder, directory: String) throws(YAMLError)
        -> AlertingConfiguration
    {
        let fields = try decoder.fields(
            of: node, type: "config.AlertingConfig", known: ["alert_relabel_configs", "alertmanagers"])
        var alerting = AlertingConfiguration()
        alerting.alertRelabelConfigs = try decodeRelabelConfigs(
            fields["alert_relabel_configs"], with: decoder, nullMessage: "empty or null alert relabeling rule")
        for item in try fields["alertmanagers"].map(decoder.sequence) ?? [] {
            alerting.alertmanagers.append(
                try AlertmanagerConfiguration.decode(item, with: decoder, directory: directory))
        }
        return alerting
    }
}

/// One entry of `alerting.alertmanagers`: how to find and talk to a set of Alertmanagers.
public struct AlertmanagerConfiguration: Sendable, Hashable {
    /// `http` (default) or `https`.
    public var scheme: String
    /// Prefixed to the API path (`/api/v2/alerts`).
    public var pathPrefix: String
    /// How long sending alerts may take; default 10s.
    public var timeout: PrometheusDuration
    /// The Alertmanager API version; only `v2` exists.
    public var apiVersion: String
    /// Basic authentication, if configured.
    public var basicAuth: BasicAuthentication?
    /// An `Authorization` header, if configured.
    public var authorization: Authorization?
    /// `tls_config`, used when `scheme` is `https`.
    public var tlsConfig = TLSConfiguration()
    /// Statically listed Alertmanagers.
    public var staticConfigs: [StaticConfiguration]
    /// Alertmanagers read from files.
    public var fileSDConfigs: [FileSDConfiguration]
    /// Relabeling applied to the discovered Alertmanager targets.
    public var relabelConfigs: [RelabelConfiguration]
    /// Relabeling applied to alerts sent to these Alertmanagers.
    public var alertRelabelConfigs: [RelabelConfiguration]

    /// Creates an Alertmanager configuration with Prometheus's defaults.
    public init() {
        scheme = "http"
        pathPrefix = ""
        timeout = .seconds(10)
        apiVersion = "v2"
        staticConfigs = []
        fileSDConfigs = []
        relabelConfigs = []
        alertRelabelConfigs = []
    }

    static func decode(_ node: YAMLNode, with decoder: YAMLDecoder, directory: String) throws(YAMLError)
        -> AlertmanagerConfiguration
    {
        let fields = try decoder.fields(
            of: node, type: "config.AlertmanagerConfig",
            known: Set(["scheme", "path_prefix", "timeout", "api_version", "relabel_configs", "alert_relabel_configs"])
                .union(HTTPClientSettings.fields).union(TargetDiscovery.fields),
            unsupported: Set(["sigv4"]).union(HTTPClientSettings.unsupportedFields)
                .union(TargetDiscovery.unsupportedFields))
        var config = AlertmanagerConfiguration()
        if let value = fields["scheme"] {
            config.scheme = try decoder.string(value)
            guard config.scheme == "http" || config.scheme == "https" else {
                throw decoder.error(
                    "scheme must be \"http\" or \"https\", found \(GoString.quoted(config.scheme))", at: value.position)
            }
        }
        if let value = fields["path_prefix"] { config.pathPrefix = try decoder.string(value) }
        if let value = fields["timeout"] { config.timeout = try decoder.duration(value) }
        if let value = fields["api_version"] {
            config.apiVersion = try decoder.string(value)
            guard config.apiVersion == "v2" else {
                throw decoder.error(
                    "expected Alertmanager api version to be one of [v2] but got \(config.apiVersion)",
                    at: value.position)
            }
        }
        config.relabelConfigs = try decodeRelabelConfigs(
            fields["relabel_configs"], with: decoder, nullMessage: "empty or null Alertmanager target relabeling rule")
        config.alertRelabelConfigs = try decodeRelabelConfigs(
            fields["alert_relabel_configs"], with: decoder,
            nullMessage: "empty or null Alertmanager alert relabeling rule")
        let http = try HTTPClientSettings.decode(fields, with: decoder, directory: directory)
        config.basicAuth = http.basicAuth
        config.authorization = http.authorization
        config.tlsConfig = http.tlsConfig
        let discovery = try TargetDiscovery.decode(
            fields, with: decoder, directory: directory, names: .utf8, checkTargets: config.relabelConfigs.isEmpty)
        config.staticConfigs = discovery.staticConfigs
        config.fileSDConfigs = discovery.fileSDConfigs
        return config
    }
}
