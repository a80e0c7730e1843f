import PromText

/// Decodes the sections of `alertmanager.yml` into ``NotifyConfiguration`` with positions in every error, and
/// runs the checks of Alertmanager's `config.Load` that need them (receivers, matchers, group_by, URLs).
struct AlertmanagerConfigurationDecoder {
    let decoder: YAMLDecoder

    /// The directory relative `tls_config` file paths are resolved against: the configuration file's.
    private var directory: String {
        guard let slash = decoder.fileName.lastIndex(of: "/") else { return "" }
        return String(decoder.fileName[..<slash])
    }

    /// The `global.smtp_*` values email configurations inherit.
    private struct SMTPDefaults {
        var from = "", hello = "localhost", smarthost = "", authUsername = "", authPassword = "", authIdentity = ""
        var authPasswordFile: String?
        var requireTLS = true
    }

    /// A receiver name a route refers to, for "undefined receiver" errors.
    private struct ReceiverReference {
        var name: String
        var position: SourcePosition
    }

    func decode(_ root: YAMLNode) throws(YAMLError) -> NotifyConfiguration {
        let fields = try self.fields(
            of: root, type: "config.Config", known: ["global", "route", "inhibit_rules", "receivers", "templates"],
            unsupported: ["time_intervals", "mute_time_intervals", "tracing"])
        var smtp = SMTPDefaults()
        var global = NotifyGlobalConfiguration()
        var defaultTLS = TLSConfiguration()
        if let node = fields["global"] { try decodeGlobal(node, into: &global, smtp: &smtp, tls: &defaultTLS) }
        if let templates = fields["templates"], !(try decoder.sequence(templates)).isEmpty {
            throw decoder.error(
                "field templates is not supported by tocsin (no template engine: fields are sent as written); "
                    + "remove the template files", at: fields.keyPosition("templates") ?? templates.position)
        }
        guard let routeNode = fields["route"] else {
            throw decoder.error("no routes provided", at: fields.keyPosition("route") ?? root.position)
        }
        var references: [ReceiverReference] = []
        let route = try decodeRoute(routeNode, isRoot: true, references: &references)
        var receivers: [ReceiverConfiguration] = []
        var names = Set<String>()
        for item in try fields["receivers"].map(decoder.sequence) ?? [] {
            let receiver = try decodeReceiver(item, global: global, smtp: smtp, defaultTLS: defaultTLS)
            guard names.insert(receiver.name).inserted else {
                throw decoder.error(
                    "notification config name \(GoString.quoted(receiver.name)) is not unique", at: item.position)
            }
            receivers.append(receiver)
        }
        for reference in references where !names.contains(reference.name) {
            throw decoder.error(
                "undefined receiver \(GoString.quoted(reference.name)) used in route", at: reference.position)
        }
        var inhibitRules: [InhibitRuleConfiguration] = []
        for item in try fields["inhibit_rules"].map(decoder.sequence) ?? [] {
            inhibitRules.append(try decodeInhibitRule(item))
        }
        let configuration = NotifyConfiguration(
            global: global, route: route, receivers: receivers, inhibitRules: inhibitRules)
        do {
            _ = try Dispatcher(configuration: configuration)
        } catch {
            throw decoder.error(error.message, at: root.position)
        }
        return configuration
    }

    // MARK: - Sections

    private func decodeGlobal(
        _ node: YAMLNode, into global: inout NotifyGlobalConfiguration, smtp: inout SMTPDefaults,
        tls: inout TLSConfiguration
    ) throws(YAMLError) {
        let fields = try self.fields(
            of: node, type: "config.GlobalConfig",
            known: [
                "resolve_timeout", "slack_api_url", "pagerduty_url", "smtp_from", "smtp_hello", "smtp_smarthost",
                "smtp_auth_username", "smtp_auth_password", "smtp_auth_identity", "smtp_require_tls",
                "slack_api_url_file", "smtp_auth_password_file", "http_config",
            ],
            unsupported: [
                "smtp_auth_secret", "smtp_auth_secret_file", "smtp_tls_config", "slack_app_token",
                "slack_app_token_file", "slack_app_url",
                "opsgenie_api_key", "opsgenie_api_key_file", "opsgenie_api_url", "wechat_api_url",
                "wechat_api_secret", "wechat_api_corp_id", "victorops_api_url", "victorops_api_key",
                "victorops_api_key_file", "telegram_api_url", "telegram_bot_token", "webex_api_url",
                "rocketchat_api_url", "rocketchat_token", "rocketchat_token_file", "rocketchat_token_id",
                "rocketchat_token_id_file", "jira_api_url",
            ])
        if let value = fields["resolve_timeout"] { global.resolveTimeout = try decoder.duration(value).duration }
        if let value = fields["slack_api_url"] { global.slackAPIURL = try decoder.string(value) }
        if let value = fields["pagerduty_url"] { global.pagerdutyURL = try decoder.string(value) }
        if let value = fields["smtp_from"] { smtp.from = try decoder.string(value) }
        if let value = fields["smtp_hello"] { smtp.hello = try decoder.string(value) }
        if let value = fields["smtp_smarthost"] { smtp.smarthost = try decoder.string(value) }
        if let value = fields["smtp_auth_username"] { smtp.authUsername = try decoder.string(value) }
        if let value = fields["smtp_auth_password"] { smtp.authPassword = try decoder.string(value) }
        if let value = fields["smtp_auth_identity"] { smtp.authIdentity = try decoder.string(value) }
        if let value = fields["smtp_require_tls"] { smtp.requireTLS = try decoder.bool(value) }
        if let value = fields["http_config"] { tls = try decodeHTTPConfig(value) }
        global.slackAPIURLFile = try secretFile(
            fields, "slack_api_url_file", exclusiveWith: "slack_api_url", inline: global.slackAPIURL ?? "")
        smtp.authPasswordFile = try secretFile(
            fields, "smtp_auth_password_file", exclusiveWith: "smtp_auth_password", inline: smtp.authPassword)
    }

    private func decodeRoute(
        _ node: YAMLNode, isRoot: Bool, references: inout [ReceiverReference]
    ) throws(YAMLError) -> RouteConfiguration {
        let fields = try self.fields(
            of: node, type: "config.Route",
            known: [
                "receiver", "group_by", "continue", "match", "match_re", "matchers", "group_wait", "group_interval",
                "repeat_interval", "routes",
            ],
            unsupported: ["mute_time_intervals", "active_time_intervals"])
        var route = RouteConfiguration()
        if let value = fields["receiver"] {
            let name = try decoder.string(value)
            route.receiver = name
            if !name.isEmpty { references.append(ReceiverReference(name: name, position: value.position)) }
        }
        if isRoot, (route.receiver ?? "").isEmpty {
            throw decoder.error("root route must specify a default receiver", at: node.position)
        }
        if let value = fields["group_by"] { route.groupBy = try decodeGroupBy(value) }
        if let value = fields["continue"] { route.continueMatching = try decoder.bool(value) }
        if let value = fields["match"] { route.match = try equalityMatchers(value) }
        if let value = fields["match_re"] { route.matchRE = try regexMatchers(value) }
        if let value = fields["matchers"] { route.matchers = try matcherTexts(value) }
        if isRoot, !route.match.isEmpty || !route.matchRE.isEmpty || !route.matchers.isEmpty {
            throw decoder.error("root route must not have any matchers", at: node.position)
        }
        if isRoot, route.continueMatching {
            throw decoder.error(
                "cannot have continue in root route", at: fields.keyPosition("continue") ?? node.position)
        }
        route.groupWait = try fields["group_wait"].map(decoder.duration)?.duration
        route.groupInterval = try nonZeroDuration(fields["group_interval"], name: "group_interval")
        route.repeatInterval = try nonZeroDuration(fields["repeat_interval"], name: "repeat_interval")
        for child in try fields["routes"].map(decoder.sequence) ?? [] {
            route.routes.append(try decodeRoute(child, isRoot: false, references: &references))
        }
        return route
    }

    private func decodeReceiver(
        _ node: YAMLNode, global: NotifyGlobalConfiguration, smtp: SMTPDefaults, defaultTLS: TLSConfiguration
    ) throws(YAMLError) -> ReceiverConfiguration {
        let fields = try self.fields(
            of: node, type: "config.Receiver",
            known: ["name", "webhook_configs", "slack_configs", "pagerduty_configs", "email_configs"],
            unsupported: [
                "opsgenie_configs", "wechat_configs", "pushover_configs", "victorops_configs", "sns_configs",
                "telegram_configs", "webex_configs", "msteams_configs", "msteamsv2_configs", "discord_configs",
                "rocketchat_configs", "jira_configs", "incidentio_configs",
            ])
        let name = try fields["name"].map(decoder.string) ?? ""
        guard !name.isEmpty else { throw decoder.error("missing name in receiver", at: node.position) }
        var receiver = ReceiverConfiguration(name: name)
        for item in try fields["webhook_configs"].map(decoder.sequence) ?? [] {
            receiver.webhookConfigs.append(try decodeWebhook(item, defaultTLS: defaultTLS))
        }
        for item in try fields["slack_configs"].map(decoder.sequence) ?? [] {
            receiver.slackConfigs.append(try decodeSlack(item, global: global, defaultTLS: defaultTLS))
        }
        for item in try fields["pagerduty_configs"].map(decoder.sequence) ?? [] {
            receiver.pagerdutyConfigs.append(try decodePagerDuty(item, global: global, defaultTLS: defaultTLS))
        }
        for item in try fields["email_configs"].map(decoder.sequence) ?? [] {
            receiver.emailConfigs.append(try decodeEmail(item, smtp: smtp))
        }
        return receiver
    }

    private func decodeInhibitRule(_ node: YAMLNode) throws(YAMLError) -> InhibitRuleConfiguration {
        let fields = try self.fields(
            of: node, type: "config.InhibitRule",
            known: [
                "source_matchers", "target_matchers", "source_match", "source_match_re", "target_match",
                "target_match_re", "equal",
            ])
        var rule = InhibitRuleConfiguration(
            sourceMatchers: try fields["source_matchers"].map(matcherTexts) ?? [],
            targetMatchers: try fields["target_matchers"].map(matcherTexts) ?? [],
            equal: try fields["equal"].map(decoder.strings) ?? [])
        rule.sourceMatch = try fields["source_match"].map(equalityMatchers) ?? [:]
        rule.sourceMatchRE = try fields["source_match_re"].map(regexMatchers) ?? [:]
        rule.targetMatch = try fields["target_match"].map(equalityMatchers) ?? [:]
        rule.targetMatchRE = try fields["target_match_re"].map(regexMatchers) ?? [:]
        return rule
    }

    // MARK: - Integrations

    private func decodeWebhook(_ node: YAMLNode, defaultTLS: TLSConfiguration) throws(YAMLError)
        -> WebhookConfiguration
    {
        let fields = try self.fields(
            of: node, type: "config.WebhookConfig",
            known: ["send_resolved", "url", "url_file", "max_alerts", "http_config"],
            unsupported: ["timeout"])
        let url = try fields["url"].map { node throws(YAMLError) in try httpURL(node, field: "url") } ?? ""
        let urlFile = try secretFile(fields, "url_file", exclusiveWith: "url", inline: url)
        guard !url.isEmpty || urlFile != nil else {
            throw decoder.error("one of url or url_file must be configured", at: node.position)
        }
        var webhook = WebhookConfiguration(url: url)
        webhook.urlFile = urlFile
        webhook.tlsConfig = try fields["http_config"].map(decodeHTTPConfig) ?? defaultTLS
        if let value = fields["send_resolved"] { webhook.sendResolved = try decoder.bool(value) }
        if let value = fields["max_alerts"] { webhook.maxAlerts = try decoder.uint(value) }
        return webhook
    }

    private func decodeSlack(_ node: YAMLNode, global: NotifyGlobalConfiguration, defaultTLS: TLSConfiguration)
        throws(YAMLError) -> SlackConfiguration
    {
        let fields = try self.fields(
            of: node, type: "config.SlackConfig",
            known: [
                "send_resolved", "api_url", "api_url_file", "channel", "username", "color", "title", "title_link",
                "pretext", "text", "fallback", "icon_emoji", "icon_url", "http_config",
            ],
            unsupported: [
                "fields", "short_fields", "footer", "callback_id", "image_url",
                "thumb_url", "link_names", "mrkdwn_in", "actions", "update_message", "app_token", "app_token_file",
                "app_url", "message_text", "timeout",
            ])
        var slack = SlackConfiguration()
        if let value = fields["api_url"] { slack.apiURL = try httpURL(value, field: "api_url") }
        slack.apiURLFile = try secretFile(fields, "api_url_file", exclusiveWith: "api_url", inline: slack.apiURL ?? "")
        if slack.apiURL != nil || slack.apiURLFile != nil || global.slackAPIURLFile != nil {
            // A URL read from a file is checked when it is read.
        } else if let url = global.slackAPIURL, !url.isEmpty {
            try requireHTTPURL(url, field: "global slack_api_url", at: node.position)
        } else {
            throw decoder.error("no global Slack API URL set either inline or in a file", at: node.position)
        }
        slack.tlsConfig = try fields["http_config"].map(decodeHTTPConfig) ?? defaultTLS
        if let value = fields["send_resolved"] { slack.sendResolved = try decoder.bool(value) }
        slack.channel = try fields["channel"].map(templateString)
        slack.username = try fields["username"].map(templateString)
        slack.color = try fields["color"].map(templateString)
        slack.title = try fields["title"].map(templateString)
        slack.titleLink = try fields["title_link"].map(templateString)
        slack.pretext = try fields["pretext"].map(templateString)
        slack.text = try fields["text"].map(templateString)
        slack.fallback = try fields["fallback"].map(templateString)
        slack.iconEmoji = try fields["icon_emoji"].map(templateString)
        slack.iconURL = try fields["icon_url"].map(templateString)
        return slack
    }

    private func decodePagerDuty(_ node: YAMLNode, global: NotifyGlobalConfiguration, defaultTLS: TLSConfiguration)
        throws(YAMLError) -> PagerDutyConfiguration
    {
        let fields = try self.fields(
            of: node, type: "config.PagerdutyConfig",
            known: [
                "send_resolved", "routing_key", "routing_key_file", "url", "client", "client_url", "description",
                "details", "source", "severity", "class", "component", "group", "http_config",
            ],
            unsupported: [
                "service_key", "service_key_file", "images", "links", "timeout",
            ])
        let routingKey = try fields["routing_key"].map(decoder.string) ?? ""
        let routingKeyFile = try secretFile(
            fields, "routing_key_file", exclusiveWith: "routing_key", inline: routingKey)
        guard !routingKey.isEmpty || routingKeyFile != nil else {
            throw decoder.error("missing service or routing key in PagerDuty config", at: node.position)
        }
        var pagerduty = PagerDutyConfiguration(routingKey: routingKey)
        pagerduty.routingKeyFile = routingKeyFile
        if let value = fields["url"] {
            pagerduty.url = try httpURL(value, field: "url")
        } else {
            try requireHTTPURL(global.pagerdutyURL, field: "global pagerduty_url", at: node.position)
        }
        pagerduty.tlsConfig = try fields["http_config"].map(decodeHTTPConfig) ?? defaultTLS
        if let value = fields["send_resolved"] { pagerduty.sendResolved = try decoder.bool(value) }
        pagerduty.client = try fields["client"].map(templateString)
        pagerduty.clientURL = try fields["client_url"].map(templateString)
        pagerduty.description = try fields["description"].map(templateString)
        pagerduty.source = try fields["source"].map(templateString)
        if let value = fields["severity"] { pagerduty.severity = try templateString(value) }
        if let value = fields["class"] { pagerduty.eventClass = try templateString(value) }
        if let value = fields["component"] { pagerduty.component = try templateString(value) }
        if let value = fields["group"] { pagerduty.group = try templateString(value) }
        if let value = fields["details"] {
            var details: [String: String] = [:]
            for entry in try decoder.stringMap(value) {
                try checkTemplate(entry.value, at: entry.valuePosition)
                details[entry.key] = entry.value
            }
            pagerduty.details = details
        }
        return pagerduty
    }

    private func decodeEmail(_ node: YAMLNode, smtp: SMTPDefaults) throws(YAMLError) -> EmailConfiguration {
        let fields = try self.fields(
            of: node, type: "config.EmailConfig",
            known: [
                "send_resolved", "to", "from", "hello", "smarthost", "auth_username", "auth_password",
                "auth_identity", "headers", "html", "text", "require_tls", "auth_password_file",
            ],
            unsupported: ["tls_config", "auth_secret", "auth_secret_file", "threading"])
        let to = try fields["to"].map(templateString) ?? ""
        guard !to.isEmpty else { throw decoder.error("missing to address in email config", at: node.position) }
        let from = try fields["from"].map(templateString) ?? smtp.from
        guard !from.isEmpty else { throw decoder.error("no global mail from address set", at: node.position) }
        let smarthostNode = fields["smarthost"]
        let smarthost = try smarthostNode.map(decoder.string) ?? smtp.smarthost
        guard !smarthost.isEmpty else { throw decoder.error("no global SMTP smarthost set", at: node.position) }
        guard SMTPClient.Address(smarthost) != nil else {
            throw decoder.error(
                "invalid smarthost \(GoString.quoted(smarthost)): expected host:port",
                at: smarthostNode?.position ?? node.position)
        }
        let requireTLS = try fields["require_tls"].map(decoder.bool) ?? smtp.requireTLS
        if requireTLS {
            throw decoder.error(
                "require_tls: true (Alertmanager's default, from global smtp_require_tls) is not supported by "
                    + "tocsin: its email has no TLS; set require_tls: false (or global smtp_require_tls: false) to send "
                    + "over plain TCP", at: fields.keyPosition("require_tls") ?? node.position)
        }
        var email = EmailConfiguration(to: to, from: from, smarthost: smarthost)
        if let value = fields["send_resolved"] { email.sendResolved = try decoder.bool(value) }
        email.hello = try fields["hello"].map(decoder.string) ?? smtp.hello
        email.authUsername = try fields["auth_username"].map(decoder.string) ?? smtp.authUsername
        email.authPassword = try fields["auth_password"].map(decoder.string) ?? ""
        email.authPasswordFile = try secretFile(
            fields, "auth_password_file", exclusiveWith: "auth_password", inline: email.authPassword)
        if email.authPassword.isEmpty && email.authPasswordFile == nil {
            (email.authPassword, email.authPasswordFile) = (smtp.authPassword, smtp.authPasswordFile)
        }
        email.authIdentity = try fields["auth_identity"].map(decoder.string) ?? smtp.authIdentity
        for entry in try fields["headers"].map(decoder.stringMap) ?? [] {
            let name = SMTPClient.canonicalHeaderName(entry.key)
            guard email.headers[name] == nil else {
                throw decoder.error("duplicate header \(GoString.quoted(name)) in email config", at: entry.keyPosition)
            }
            try checkTemplate(entry.value, at: entry.valuePosition)
            email.headers[name] = entry.value
        }
        email.html = try fields["html"].map(templateString)
        email.text = try fields["text"].map(templateString)
        return email
    }

    // MARK: - Values

    /// Checks the keys of a mapping: `known` ones are read, `unsupported` ones (Alertmanager has them, Tocsin
    /// does not) and unknown ones are errors listing what is supported.
    private func fields(
        of node: YAMLNode, type typeName: String, known: [String], unsupported: Set<String> = []
    ) throws(YAMLError) -> YAMLFields {
        let supported = "(supported: " + known.joined(separator: ", ") + ")"
        if node.isNull { return YAMLFields(mapping: YAMLMapping(), position: node.position) }
        guard case .mapping(let mapping) = node.content else {
            throw decoder.error("expected a mapping (\(typeName)), found \(node.kindDescription)", at: node.position)
        }
        var seen = Set<String>()
        for entry in mapping.entries {
            guard known.contains(entry.key) else {
                let problem =
                    unsupported.contains(entry.key)
                    ? "field \(entry.key) is not supported by tocsin"
                    : "field \(entry.key) not found in type \(typeName), and is not supported by tocsin"
                throw decoder.error(problem + " " + supported, at: entry.keyPosition)
            }
            guard seen.insert(entry.key).inserted else {
                throw decoder.error("field \(entry.key) already set in type \(typeName)", at: entry.keyPosition)
            }
        }
        return YAMLFields(mapping: mapping, position: node.position)
    }

    private func nonZeroDuration(_ node: YAMLNode?, name: String) throws(YAMLError) -> Duration? {
        guard let node else { return nil }
        let value = try decoder.duration(node)
        guard value.milliseconds != 0 else { throw decoder.error("\(name) cannot be zero", at: node.position) }
        return value.duration
    }

    private func decodeGroupBy(_ node: YAMLNode) throws(YAMLError) -> [String] {
        var names: [String] = []
        let items = try decoder.sequence(node)
        for item in items {
            let name = try decoder.string(item)
            if name == "..." {
                guard items.count == 1 else {
                    throw decoder.error(
                        "cannot have wildcard group_by (`...`) and other other labels at the same time",
                        at: item.position)
                }
            } else if !MetricName.isValidLegacyLabelName(name) {
                throw decoder.error("invalid label name \(GoString.quoted(name)) in group_by list", at: item.position)
            } else if names.contains(name) {
                throw decoder.error("duplicated label \(GoString.quoted(name)) in group_by", at: item.position)
            }
            names.append(name)
        }
        return names
    }

    /// `matchers:`: a list of strings in matcher syntax, each checked where it is written.
    private func matcherTexts(_ node: YAMLNode) throws(YAMLError) -> [String] {
        var texts: [String] = []
        for item in try decoder.sequence(node) {
            let text = try decoder.string(item)
            do {
                _ = try AlertMatcherParser.parse(text)
            } catch {
                throw decoder.error("invalid matcher \(GoString.quoted(text)): \(error.message)", at: item.position)
            }
            texts.append(text)
        }
        return texts
    }

    /// `match:` (deprecated): label name to value.
    private func equalityMatchers(_ node: YAMLNode) throws(YAMLError) -> [String: String] {
        var matchers: [String: String] = [:]
        for entry in try decoder.stringMap(node) {
            guard MetricName.isValidLegacyLabelName(entry.key) else {
                throw decoder.error("invalid label name \(GoString.quoted(entry.key))", at: entry.keyPosition)
            }
            matchers[entry.key] = entry.value
        }
        return matchers
    }

    /// `match_re:` (deprecated): label name to an anchored regular expression.
    private func regexMatchers(_ node: YAMLNode) throws(YAMLError) -> [String: String] {
        let matchers = try equalityMatchers(node)
        for entry in try decoder.stringMap(node) {
            do {
                _ = try AlertMatcher(name: entry.key, type: .regexMatch, value: "^(?:" + entry.value + ")$")
            } catch {
                throw decoder.error(error.message, at: entry.valuePosition)
            }
        }
        return matchers
    }

    /// The path of a `*_file` secret field (`nil` when absent or empty), which Alertmanager forbids together with
    /// its inline field; the file is read when a notification is sent.
    private func secretFile(_ fields: YAMLFields, _ name: String, exclusiveWith inlineName: String, inline: String)
        throws(YAMLError) -> String?
    {
        guard let node = fields[name] else { return nil }
        let path = try decoder.string(node)
        guard !path.isEmpty else { return nil }
        guard inline.isEmpty else {
            throw decoder.error(
                "at most one of \(inlineName) & \(name) must be configured",
                at: fields.keyPosition(name) ?? node.position)
        }
        return path
    }

    /// A receiver field that is a notification template, checked to parse.
    private func templateString(_ node: YAMLNode) throws(YAMLError) -> String {
        let text = try decoder.string(node)
        try checkTemplate(text, at: node.position, style: node.scalar?.style)
        return text
    }

    /// Fails with Go's parse error when `text` is not a valid template: at the error itself when the value is a
    /// one-line plain or single-quoted scalar (whose text maps byte for byte onto the file), else at the value.
    private func checkTemplate(_ text: String, at position: SourcePosition, style: YAMLScalarStyle? = nil)
        throws(YAMLError)
    {
        do {
            try NotificationTemplate.check(text)
        } catch {
            var at = position
            let verbatim = style == .plain || (style == .singleQuoted && !text.contains("'"))
            if verbatim && !text.contains("\n") && text.utf8.count == text.count {
                let skipped = error.position.offset + (style == .singleQuoted ? 1 : 0)
                at = SourcePosition(
                    offset: position.offset + skipped, line: position.line, column: position.column + skipped)
            }
            throw decoder.error("invalid template: \(error.message)", at: at)
        }
    }

    private func httpURL(_ node: YAMLNode, field: String) throws(YAMLError) -> String {
        let url = try decoder.string(node)
        try requireHTTPURL(url, field: field, at: node.position)
        return url
    }

    private func requireHTTPURL(_ url: String, field: String, at position: SourcePosition) throws(YAMLError) {
        guard HTTPURL(url) == nil else { return }
        throw decoder.error(
            "\(field) \(GoString.quoted(url)): expected an absolute http:// or https:// URL", at: position)
    }

    /// `http_config` of a receiver or of `global`: only its `tls_config` is supported.
    private func decodeHTTPConfig(_ node: YAMLNode) throws(YAMLError) -> TLSConfiguration {
        let fields = try self.fields(
            of: node, type: "config.HTTPClientConfig", known: ["tls_config"],
            unsupported: HTTPClientSettings.fields.union(HTTPClientSettings.unsupportedFields))
        guard let tls = fields["tls_config"] else { return TLSConfiguration() }
        return try TLSConfiguration.decode(tls, with: decoder, directory: directory)
    }
}
