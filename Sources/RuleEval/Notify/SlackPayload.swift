/// The JSON Alertmanager POSTs to a Slack incoming webhook for a `slack_configs` entry: one attachment, fields
/// left unset filled from the default templates (title `[FIRING:n] ...`, link to Alertmanager, color `danger`
/// when firing and `good` when resolved), as `json.Encoder` writes the `request` struct.
public enum SlackPayload {
    /// The body for `notification` sent through `configuration`.
    public static func body(
        for notification: Notification,
        configuration: SlackConfiguration,
        externalURL: String
    ) -> [UInt8] {
        let data = NotificationTemplateData(
            notification: notification, alerts: notification.alerts, externalURL: externalURL)
        let title = configuration.title ?? DefaultNotificationTemplates.subject(data)
        let titleLink = configuration.titleLink ?? DefaultNotificationTemplates.alertmanagerURL(data)
        var attachment: [(String, JSONValue)] = []
        func addIfNotEmpty(_ key: String, _ value: String) {
            if !value.isEmpty { attachment.append((key, .string(value))) }
        }
        addIfNotEmpty("title", truncated(title, runes: 1024))
        addIfNotEmpty("title_link", titleLink)
        addIfNotEmpty("pretext", configuration.pretext ?? "")
        attachment.append(("text", .string(configuration.text ?? "")))
        attachment.append(("fallback", .string(configuration.fallback ?? "\(title) | \(titleLink)")))
        attachment.append(("callback_id", .string("")))
        attachment.append(("footer", .string("")))
        addIfNotEmpty("color", configuration.color ?? (data.status == .firing ? "danger" : "good"))
        attachment.append(("mrkdwn_in", .array(["fallback", "pretext", "text"].map { .string($0) })))
        var request: [(String, JSONValue)] = []
        if let channel = configuration.channel, !channel.isEmpty { request.append(("channel", .string(channel))) }
        let username = configuration.username ?? DefaultNotificationTemplates.alertmanager
        if !username.isEmpty { request.append(("username", .string(username))) }
        if let emoji = configuration.iconEmoji, !emoji.isEmpty { request.append(("icon_emoji", .string(emoji))) }
        if let url = configuration.iconURL, !url.isEmpty { request.append(("icon_url", .string(url))) }
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
