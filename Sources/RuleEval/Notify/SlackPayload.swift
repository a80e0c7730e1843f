/// The JSON Alertmanager POSTs to a Slack incoming webhook for a `slack_configs` entry: one attachment, fields
/// left unset filled from the default templates (title `[FIRING:n] ...`, link to Alertmanager, color `danger`
/// when firing and `good` when resolved), as `json.Encoder` writes the `request` struct. Configured fields are
/// notification templates (``NotificationTemplate``).
public enum SlackPayload {
    /// The body for `notification` sent through `configuration`; throws the error of a field's template.
    public static func body(
        for notification: Notification,
        configuration: SlackConfiguration,
        externalURL: String
    ) throws(TemplateError) -> [UInt8] {
        let data = NotificationTemplateData(
            notification: notification, alerts: notification.alerts, externalURL: externalURL)
        func expand(_ text: String?, default defaultText: @autoclosure () -> String) throws(TemplateError)
            -> String
        {
            guard let text else { return defaultText() }
            return try NotificationTemplate.expand(text, data: data, now: notification.flushedAt)
        }
        let title = try expand(configuration.title, default: DefaultNotificationTemplates.subject(data))
        let titleLink = try expand(
            configuration.titleLink, default: DefaultNotificationTemplates.alertmanagerURL(data))
        var attachment: [(String, JSONValue)] = []
        func addIfNotEmpty(_ key: String, _ value: String) {
            if !value.isEmpty { attachment.append((key, .string(value))) }
        }
        addIfNotEmpty("title", truncated(title, runes: 1024))
        addIfNotEmpty("title_link", titleLink)
        addIfNotEmpty("pretext", try expand(configuration.pretext, default: ""))
        attachment.append(("text", .string(try expand(configuration.text, default: ""))))
        attachment.append(("fallback", .string(try expand(configuration.fallback, default: "\(title) | \(titleLink)"))))
        attachment.append(("callback_id", .string("")))
        attachment.append(("footer", .string("")))
        addIfNotEmpty("color", try expand(configuration.color, default: data.status == .firing ? "danger" : "good"))
        attachment.append(("mrkdwn_in", .array(["fallback", "pretext", "text"].map { .string($0) })))
        var request: [(String, JSONValue)] = []
        func addIfNotEmpty(_ key: String, _ text: String?, default defaultText: String = "") throws(TemplateError) {
            let value = try expand(text, default: defaultText)
            if !value.isEmpty { request.append((key, .string(value))) }
        }
        try addIfNotEmpty("channel", configuration.channel)
        try addIfNotEmpty("username", configuration.username, default: DefaultNotificationTemplates.alertmanager)
        try addIfNotEmpty("icon_emoji", configuration.iconEmoji)
        try addIfNotEmpty("icon_url", configuration.iconURL)
        request.append(("attachments", .array([.object(attachment)])))
        return JSONValue.object(request).encoded + [0x0A]
    }

    /// `notify.TruncateInRunes`: at most `runes` runes, the last replaced by `…` when cut.
    static func truncated(_ text: String, runes: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > runes else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(runes - 1))) + "…"
    }
}
