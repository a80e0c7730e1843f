import PromText

extension NotificationTemplateData {
    /// Go's zero `time.Time` (`0001-01-01 00:00:00 +0000 UTC`) in Unix milliseconds: an unset `EndsAt`.
    static let zeroTimeMilliseconds: Int64 = -62_135_596_800_000

    /// The data as Alertmanager's `*template.Data` value, for notification templates.
    var templateValue: TemplateValue {
        let alertValues = alerts.map { alert, status in
            TemplateValue.object(
                TemplateObject(
                    goTypeName: "template.Alert",
                    fields: [
                        ("Status", .string(status.rawValue)),
                        ("Labels", Self.keyValues(alert.labels)),
                        ("Annotations", Self.keyValues(alert.annotations)),
                        ("StartsAt", .time(milliseconds: alert.startsAt)),
                        ("EndsAt", .time(milliseconds: alert.endsAt ?? Self.zeroTimeMilliseconds)),
                        ("GeneratorURL", .string(alert.generatorURL)),
                        ("Fingerprint", .string(alert.fingerprint.description)),
                    ]))
        }
        return .object(
            TemplateObject(
                goTypeName: "*template.Data",
                fields: [
                    ("Receiver", .string(receiver)),
                    ("Status", .string(status.rawValue)),
                    ("Alerts", .list(TemplateList(goTypeName: "template.Alerts", elements: alertValues))),
                    ("GroupLabels", Self.keyValues(groupLabels)),
                    ("CommonLabels", Self.keyValues(commonLabels)),
                    ("CommonAnnotations", Self.keyValues(commonAnnotations)),
                    ("ExternalURL", .string(externalURL)),
                ]))
    }

    private static func keyValues(_ labels: Labels) -> TemplateValue {
        .keyValues(Dictionary(labels.pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last }))
    }
}
