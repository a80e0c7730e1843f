/// The Events API v2 JSON Alertmanager POSTs for a `pagerduty_configs` entry with a `routing_key`: `trigger`
/// while any alert fires, `resolve` after, the `dedup_key` being the SHA-256 of the group key so PagerDuty
/// folds every notification of a group into one incident.
public enum PagerDutyPayload {
    /// The body for `notification` sent through `configuration`.
    public static func body(
        for notification: Notification,
        configuration: PagerDutyConfiguration,
        externalURL: String
    ) -> [UInt8] {
        let data = NotificationTemplateData(
            notification: notification, alerts: notification.alerts, externalURL: externalURL)
        let client = configuration.client ?? DefaultNotificationTemplates.alertmanager
        let clientURL = configuration.clientURL ?? DefaultNotificationTemplates.alertmanagerURL(data)
        let summary = SlackPayload.truncated(
            configuration.description ?? DefaultNotificationTemplates.subject(data), runes: 1024)
        let details =
            configuration.details ?? [
                "firing": DefaultNotificationTemplates.textAlertList(data.firing),
                "resolved": DefaultNotificationTemplates.textAlertList(data.resolved),
                "num_firing": String(data.firing.count),
                "num_resolved": String(data.resolved.count),
            ]
        var payload: [(String, JSONValue)] = [
            ("summary", .string(summary)),
            ("source", .string(configuration.source ?? client)),
            ("severity", .string(configuration.severity)),
        ]
        for (key, value) in [
            ("class", configuration.eventClass), ("component", configuration.component), ("group", configuration.group),
        ] where !value.isEmpty {
            payload.append((key, .string(value)))
        }
        if !details.isEmpty {
            payload.append(("custom_details", .object(sortingKeys: details.mapValues { .string($0) })))
        }
        var message: [(String, JSONValue)] = [
            ("routing_key", .string(configuration.routingKey)),
            ("dedup_key", .string(dedupKey(groupKey: notification.groupKey))),
            ("event_action", .string(data.status == .firing ? "trigger" : "resolve")),
            ("payload", .object(payload)),
        ]
        if !client.isEmpty { message.append(("client", .string(client))) }
        if !clientURL.isEmpty { message.append(("client_url", .string(clientURL))) }
        return JSONValue.object(message).encoded + [0x0A]
    }

    /// `notify.Key.Hash()`: the SHA-256 of the group key as 64 hex digits.
    public static func dedupKey(groupKey: String) -> String {
        SHA256.hexDigest(groupKey)
    }
}
