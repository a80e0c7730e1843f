/// The Events API v2 JSON Alertmanager POSTs for a `pagerduty_configs` entry with a `routing_key`: `trigger`
/// while any alert fires, `resolve` after, the `dedup_key` being the SHA-256 of the group key so PagerDuty
/// folds every notification of a group into one incident.
public enum PagerDutyPayload {
    /// The body for `notification` sent through `configuration`; configured fields (the details' values included)
    /// are notification templates, and the error of one is thrown.
    public static func body(
        for notification: Notification,
        configuration: PagerDutyConfiguration,
        externalURL: String
    ) throws(TemplateError) -> [UInt8] {
        let data = NotificationTemplateData(
            notification: notification, alerts: notification.alerts, externalURL: externalURL)
        func expand(_ text: String) throws(TemplateError) -> String {
            try NotificationTemplate.expand(text, data: data, now: notification.flushedAt)
        }
        func expand(_ text: String?, default defaultText: @autoclosure () -> String) throws(TemplateError)
            -> String
        {
            guard let text else { return defaultText() }
            return try expand(text)
        }
        let client = try expand(configuration.client, default: DefaultNotificationTemplates.alertmanager)
        let clientURL = try expand(configuration.clientURL, default: DefaultNotificationTemplates.alertmanagerURL(data))
        let summary = SlackPayload.truncated(
            try expand(configuration.description, default: DefaultNotificationTemplates.subject(data)), runes: 1024)
        // config.PagerdutyConfig adds the default details that are not configured.
        var details = [
            "firing": DefaultNotificationTemplates.textAlertList(data.firing),
            "resolved": DefaultNotificationTemplates.textAlertList(data.resolved),
            "num_firing": String(data.firing.count),
            "num_resolved": String(data.resolved.count),
        ]
        for (key, text) in configuration.details ?? [:] { details[key] = try expand(text) }
        let source = try expand(configuration.source, default: client)
        let severity = try expand(configuration.severity)
        let (eventClass, component, group) = (
            try expand(configuration.eventClass), try expand(configuration.component), try expand(configuration.group)
        )
        var payload: [(String, JSONValue)] = [
            ("summary", .string(summary)),
            ("source", .string(source)),
            ("severity", .string(severity)),
        ]
        for (key, value) in [
            ("class", eventClass), ("component", component), ("group", group),
        ] where !value.isEmpty {
            payload.append((key, .string(value)))
        }
        payload.append(("custom_details", .object(sortingKeys: details.mapValues { .string($0) })))
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

    /// `body` with its `routing_key` replaced by `routingKey` (read from `routing_key_file` when sending).
    static func replacingRoutingKey(in body: [UInt8], with routingKey: String) -> [UInt8] {
        guard case .object(let pairs)? = try? JSONParser.parse(body) else { return body }
        let replaced = pairs.map { key, value in (key, key == "routing_key" ? JSONValue.string(routingKey) : value) }
        return JSONValue.object(replaced).encoded + [0x0A]
    }

    /// `notify.Key.Hash()`: the SHA-256 of the group key as 64 hex digits.
    public static func dedupKey(groupKey: String) -> String {
        SHA256.hexDigest(groupKey)
    }
}
