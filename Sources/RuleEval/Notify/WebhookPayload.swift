/// The body Alertmanager POSTs to a `webhook_configs` URL (version 4), byte for byte as `json.Encoder` writes
/// `webhook.Message`: the `template.Data` fields, then `version`, `groupKey`, `truncatedAlerts`, and a newline.
public enum WebhookPayload {
    /// The JSON body for `notification`; with `maxAlerts` > 0 only the first `maxAlerts` alerts are included and
    /// the rest counted in `truncatedAlerts`.
    public static func body(for notification: Notification, externalURL: String, maxAlerts: UInt64 = 0) -> [UInt8] {
        var alerts = notification.alerts
        var truncated: UInt64 = 0
        if maxAlerts > 0, UInt64(alerts.count) > maxAlerts {
            truncated = UInt64(alerts.count) - maxAlerts
            alerts = Array(alerts.prefix(Int(maxAlerts)))
        }
        let data = NotificationTemplateData(notification: notification, alerts: alerts, externalURL: externalURL)
        let message = JSONValue.object([
            ("receiver", .string(data.receiver)),
            ("status", .string(data.status.rawValue)),
            ("alerts", .array(data.alerts.map { alertObject($0.alert, status: $0.status) })),
            ("groupLabels", data.groupLabels.jsonObject),
            ("commonLabels", data.commonLabels.jsonObject),
            ("commonAnnotations", data.commonAnnotations.jsonObject),
            ("externalURL", .string(data.externalURL)),
            ("version", .string("4")),
            ("groupKey", .string(notification.groupKey)),
            ("truncatedAlerts", .number(Double(truncated))),
        ])
        return message.encoded + [0x0A]
    }

    /// One `template.Alert`.
    private static func alertObject(_ alert: NotifierAlert, status: NotificationStatus) -> JSONValue {
        .object([
            ("status", .string(status.rawValue)),
            ("labels", alert.labels.jsonObject),
            ("annotations", alert.annotations.jsonObject),
            ("startsAt", .string(RFC3339Time.rfc3339Nano(milliseconds: alert.startsAt))),
            (
                "endsAt",
                .string(alert.endsAt.map { RFC3339Time.rfc3339Nano(milliseconds: $0) } ?? RFC3339Time.zeroTimeText)
            ),
            ("generatorURL", .string(alert.generatorURL)),
            ("fingerprint", .string(alert.fingerprint.description)),
        ])
    }
}
