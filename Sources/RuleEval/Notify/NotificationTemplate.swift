import PromText

/// A receiver field such as a Slack `title` or an email `subject`, expanded as Alertmanager's
/// `ExecuteTextString` does: a Go template named `""` with `missingkey=zero`, run over
/// ``NotificationTemplateData`` with Alertmanager's functions. `{{ template "name" . }}` runs one of
/// Alertmanager's default templates (``defaultTemplateNames``); Tocsin loads no `templates:` files.
///
/// ```swift
/// try NotificationTemplate.check("[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}")  // at load
/// let title = try NotificationTemplate.expand(text, data: data, now: flushedAt)            // "[FIRING] Down"
/// ```
public enum NotificationTemplate {
    /// The templates of Alertmanager's `default.tmpl` that `{{ template }}` can run.
    public static let defaultTemplateNames: Set<String> = Set(namedTemplates(for: nil).keys)

    /// Throws Go's parse error for `text` (`template: :1: unexpected "}" in operand`), or an error naming a
    /// `{{ template }}` that is not one of ``defaultTemplateNames``; `position` is within `text`.
    public static func check(_ text: String) throws(TemplateError) {
        let nodes = try parse(text)
        if let call = firstUndefinedCall(in: nodes) {
            throw TemplateError(
                phase: .parsing,
                message: "template: :\(SourcePosition(offset: call.position, in: text.utf8).line): template "
                    + "\(GoString.quoted(call.name)) not defined (tocsin has Alertmanager's default templates only)",
                position: SourcePosition(offset: call.position, in: text.utf8))
        }
    }

    /// Expands `text` over `data`; an empty text expands to the empty string without parsing, as in
    /// Alertmanager. Throws the parse or execution error.
    ///
    /// - Parameters:
    ///   - now: Unix milliseconds, the current time for `since`.
    ///   - html: escape what actions print as `html/template` escapes text between tags (Alertmanager's
    ///     `ExecuteHTMLString`, for email `html`); attribute and URL contexts are not distinguished.
    public static func expand(_ text: String, data: NotificationTemplateData, now: Int64, html: Bool = false)
        throws(TemplateError) -> String
    {
        guard !text.isEmpty else { return "" }
        let environment = TemplateEnvironment(
            query: nil, externalURL: data.externalURL, evaluationTime: Double(now) / 1000,
            functions: AlertmanagerTemplateFunctions.all, escapesHTML: html, namedTemplates: namedTemplates(for: data))
        return try TemplateExecutor.execute(
            try parse(text), text: text, name: "", data: data.templateValue, environment: environment)
    }

    private static func parse(_ text: String) throws(TemplateError) -> [TemplateNode] {
        try TemplateParser.parse(
            text, name: "", functions: Set(AlertmanagerTemplateFunctions.all.keys), allowsTemplateCalls: true)
    }

    private static func firstUndefinedCall(in nodes: [TemplateNode]) -> TemplateCall? {
        for node in nodes {
            switch node {
            case .templateCall(let call) where !defaultTemplateNames.contains(call.name):
                return call
            case .ifBlock(let branch), .rangeBlock(let branch), .withBlock(let branch):
                if let call = firstUndefinedCall(in: branch.list + (branch.elseList ?? [])) { return call }
            default:
                continue
            }
        }
        return nil
    }

    /// The output of Alertmanager's default templates (`template/default.tmpl`) for `data`. Templates of the
    /// whole notification render `data` whatever their dot; the alert lists render the alerts they are given.
    private static func namedTemplates(for data: NotificationTemplateData?) -> [String:
        @Sendable (TemplateValue) ->
        String]
    {
        let subject = data.map(DefaultNotificationTemplates.subject) ?? ""
        let link = data.map(DefaultNotificationTemplates.alertmanagerURL) ?? ""
        let alertmanager = DefaultNotificationTemplates.alertmanager
        let alertList: @Sendable (TemplateValue) -> String = { dot in
            DefaultNotificationTemplates.textAlertList(alerts(in: dot, of: data))
        }
        var templates: [String: @Sendable (TemplateValue) -> String] = [
            "__alertmanager": { _ in alertmanager }, "__alertmanagerURL": { _ in link },
            "__subject": { _ in subject }, "__description": { _ in "" }, "__text_alert_list": alertList,
            "slack.default.title": { _ in subject }, "slack.default.username": { _ in alertmanager },
            "slack.default.fallback": { _ in "\(subject) | \(link)" }, "slack.default.titlelink": { _ in link },
            "pagerduty.default.description": { _ in subject }, "pagerduty.default.client": { _ in alertmanager },
            "pagerduty.default.clientURL": { _ in link }, "pagerduty.default.instances": alertList,
            "email.default.subject": { _ in subject },
        ]
        for empty in [
            "slack.default.callbackid", "slack.default.pretext", "slack.default.iconemoji", "slack.default.iconurl",
            "slack.default.text", "slack.default.footer",
        ] {
            templates[empty] = { _ in "" }
        }
        return templates
    }

    /// The notification's alerts that `dot` (a list of template alerts) names, by fingerprint.
    private static func alerts(in dot: TemplateValue, of data: NotificationTemplateData?) -> [NotifierAlert] {
        guard case .list(let list) = dot, let data else { return [] }
        return list.elements.compactMap { element in
            guard case .object(let alert) = element, let fingerprint = alert.field("Fingerprint")?.stringKindValue
            else { return nil }
            return data.alerts.first { $0.alert.fingerprint.description == fingerprint }?.alert
        }
    }
}
