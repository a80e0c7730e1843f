/// The parts of `alertmanager.yml` that drive dispatch, field by field, with Alertmanager's defaults.
///
/// Template strings are not expanded here: a receiver field left `nil` gets the output of Alertmanager's default
/// template for it, a field that is set is used as written.
public struct NotifyConfiguration: Sendable, Hashable {
    /// `global:`.
    public var global: NotifyGlobalConfiguration
    /// `route:`, the root of the routing tree.
    public var route: RouteConfiguration
    /// `receivers:`.
    public var receivers: [ReceiverConfiguration]
    /// `inhibit_rules:`.
    public var inhibitRules: [InhibitRuleConfiguration]

    /// Creates a configuration.
    public init(
        global: NotifyGlobalConfiguration = NotifyGlobalConfiguration(),
        route: RouteConfiguration,
        receivers: [ReceiverConfiguration],
        inhibitRules: [InhibitRuleConfiguration] = []
    ) {
        self.global = global
        self.route = route
        self.receivers = receivers
        self.inhibitRules = inhibitRules
    }
}

/// `global:` settings used by dispatch and the receivers.
public struct NotifyGlobalConfiguration: Sendable, Hashable {
    /// `resolve_timeout` (5m): the `endsAt` given to an alert received without one.
    public var resolveTimeout: Duration = .seconds(300)
    /// `slack_api_url`.
    public var slackAPIURL: String?
    /// `slack_api_url_file`: a file holding the Slack URL, read for every delivery attempt.
    public var slackAPIURLFile: String?
    /// `pagerduty_url` (`https://events.pagerduty.com/v2/enqueue`).
    public var pagerdutyURL = "https://events.pagerduty.com/v2/enqueue"
    /// The `--web.external-url` Alertmanager would advertise, used in payloads as `externalURL`.
    public var externalURL = ""

    /// Creates the defaults.
    public init() {}
}

/// One `route:` node of `alertmanager.yml`; `nil` fields inherit from the parent (the root from the defaults).
public struct RouteConfiguration: Sendable, Hashable {
    /// `receiver`.
    public var receiver: String?
    /// `group_by`: label names, or `["..."]` to group by all labels; `nil` (or an empty list) inherits.
    public var groupBy: [String]?
    /// `continue`: keep matching siblings after this route matched.
    public var continueMatching = false
    /// `match` (deprecated equality matchers).
    public var match: [String: String] = [:]
    /// `match_re` (deprecated regex matchers).
    public var matchRE: [String: String] = [:]
    /// `matchers`: each string in Alertmanager's matcher syntax (one string may hold several matchers).
    public var matchers: [String] = []
    /// `group_wait` (30s at the root).
    public var groupWait: Duration?
    /// `group_interval` (5m at the root); must not be zero.
    public var groupInterval: Duration?
    /// `repeat_interval` (4h at the root).
    public var repeatInterval: Duration?
    /// `routes`: child routes, tried in order.
    public var routes: [RouteConfiguration] = []

    /// Creates a route.
    public init(
        receiver: String? = nil,
        groupBy: [String]? = nil,
        continueMatching: Bool = false,
        matchers: [String] = [],
        groupWait: Duration? = nil,
        groupInterval: Duration? = nil,
        repeatInterval: Duration? = nil,
        routes: [RouteConfiguration] = []
    ) {
        self.receiver = receiver
        self.groupBy = groupBy
        self.continueMatching = continueMatching
        self.matchers = matchers
        self.groupWait = groupWait
        self.groupInterval = groupInterval
        self.repeatInterval = repeatInterval
        self.routes = routes
    }
}

/// One `receivers:` entry: a name and the integrations that deliver its notifications.
public struct ReceiverConfiguration: Sendable, Hashable {
    /// `name`.
    public var name: String
    /// `webhook_configs`.
    public var webhookConfigs: [WebhookConfiguration] = []
    /// `slack_configs`.
    public var slackConfigs: [SlackConfiguration] = []
    /// `pagerduty_configs`.
    public var pagerdutyConfigs: [PagerDutyConfiguration] = []
    /// `email_configs`, with the `global.smtp_*` defaults already applied.
    public var emailConfigs: [EmailConfiguration] = []

    /// Creates a receiver.
    public init(
        name: String,
        webhookConfigs: [WebhookConfiguration] = [],
        slackConfigs: [SlackConfiguration] = [],
        pagerdutyConfigs: [PagerDutyConfiguration] = [],
        emailConfigs: [EmailConfiguration] = []
    ) {
        self.name = name
        self.webhookConfigs = webhookConfigs
        self.slackConfigs = slackConfigs
        self.pagerdutyConfigs = pagerdutyConfigs
        self.emailConfigs = emailConfigs
    }
}

/// `webhook_configs` entry.
public struct WebhookConfiguration: Sendable, Hashable {
    /// `send_resolved` (true).
    public var sendResolved = true
    /// `url`; empty when `url_file` is used.
    public var url: String
    /// `url_file`: a file holding the URL, read for every delivery attempt (so a rotated secret is used).
    public var urlFile: String?
    /// `max_alerts` (0 = all): alerts beyond it are dropped and counted in `truncatedAlerts`.
    public var maxAlerts: UInt64 = 0
    /// `http_config.tls_config` (or the global one), used for an `https` URL.
    public var tlsConfig = TLSConfiguration()

    /// Creates a webhook integration.
    public init(url: String, sendResolved: Bool = true, maxAlerts: UInt64 = 0) {
        self.url = url
        self.sendResolved = sendResolved
        self.maxAlerts = maxAlerts
    }
}

/// `slack_configs` entry (incoming-webhook attachments); `nil` text fields get Alertmanager's default template
/// output.
public struct SlackConfiguration: Sendable, Hashable {
    /// `send_resolved` (false).
    public var sendResolved = false
    /// `api_url` (falls back to `global.slack_api_url`).
    public var apiURL: String?
    /// `api_url_file`: a file holding the webhook URL, read for every delivery attempt (falls back to
    /// `global.slack_api_url_file` when neither `api_url` nor `api_url_file` is set).
    public var apiURLFile: String?
    /// `channel`.
    public var channel: String?
    /// `username`; `nil` is `slack.default.username` (`Alertmanager`).
    public var username: String?
    /// `icon_emoji`, `icon_url` (omitted when empty).
    public var iconEmoji: String?, iconURL: String?
    /// `color`; `nil` is Alertmanager's default: `danger` when firing, `good` when resolved.
    public var color: String?
    /// `title`; `nil` is `slack.default.title` (`[FIRING:n] ...`).
    public var title: String?
    /// `title_link`; `nil` is `slack.default.titlelink` (the Alertmanager UI for the receiver).
    public var titleLink: String?
    /// `pretext`; `nil` is empty.
    public var pretext: String?
    /// `text`; `nil` is `slack.default.text` (empty).
    public var text: String?
    /// `fallback`; `nil` is `slack.default.fallback` (`title | title_link`).
    public var fallback: String?
    /// `http_config.tls_config` (or the global one), used for an `https` URL.
    public var tlsConfig = TLSConfiguration()

    /// Creates a Slack integration.
    public init(apiURL: String? = nil, channel: String? = nil, sendResolved: Bool = false) {
        self.apiURL = apiURL
        self.channel = channel
        self.sendResolved = sendResolved
    }
}

/// `pagerduty_configs` entry (Events API v2).
public struct PagerDutyConfiguration: Sendable, Hashable {
    /// `send_resolved` (true).
    public var sendResolved = true
    /// `routing_key`; empty when `routing_key_file` is used.
    public var routingKey: String
    /// `routing_key_file`: a file holding the routing key, read for every delivery attempt.
    public var routingKeyFile: String?
    /// `url` (falls back to `global.pagerduty_url`).
    public var url: String?
    /// `client`; `nil` is `pagerduty.default.client` (`Alertmanager`).
    public var client: String?
    /// `client_url`; `nil` is `pagerduty.default.clientURL`.
    public var clientURL: String?
    /// `description`, sent as `payload.summary`; `nil` is `pagerduty.default.description`.
    public var description: String?
    /// `severity` (`error`).
    public var severity = "error"
    /// `source`; `nil` falls back to `client`.
    public var source: String?
    /// `class`, `component`, `group` (omitted when empty).
    public var eventClass = "", component = "", group = ""
    /// `details`, added to (or replacing) Alertmanager's default details (`firing`, `resolved`, `num_firing`,
    /// `num_resolved`).
    public var details: [String: String]?
    /// `http_config.tls_config` (or the global one), used for an `https` URL.
    public var tlsConfig = TLSConfiguration()

    /// Creates a PagerDuty integration.
    public init(routingKey: String, sendResolved: Bool = true) {
        self.routingKey = routingKey
        self.sendResolved = sendResolved
    }
}

/// `inhibit_rules` entry.
public struct InhibitRuleConfiguration: Sendable, Hashable {
    /// `source_matchers`, in matcher syntax.
    public var sourceMatchers: [String]
    /// `target_matchers`, in matcher syntax.
    public var targetMatchers: [String]
    /// `source_match` / `target_match` (deprecated equality matchers).
    public var sourceMatch: [String: String] = [:], targetMatch: [String: String] = [:]
    /// `source_match_re` / `target_match_re` (deprecated regex matchers).
    public var sourceMatchRE: [String: String] = [:], targetMatchRE: [String: String] = [:]
    /// `equal`: labels that must have equal values (both absent counts as equal) in source and target.
    public var equal: [String]

    /// Creates a rule.
    public init(sourceMatchers: [String], targetMatchers: [String], equal: [String] = []) {
        self.sourceMatchers = sourceMatchers
        self.targetMatchers = targetMatchers
        self.equal = equal
    }
}
