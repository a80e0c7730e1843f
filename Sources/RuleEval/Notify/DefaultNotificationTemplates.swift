import PromText

/// The output of Alertmanager's default templates (`template/default.tmpl`) that receivers use when a field is
/// not configured, written out in Swift so no template engine is needed for the common case.
enum DefaultNotificationTemplates {
    /// `__alertmanager`.
    static let alertmanager = "Alertmanager"

    /// `__alertmanagerURL`: `{{ .ExternalURL }}/#/alerts?receiver={{ .Receiver | urlquery }}`.
    static func alertmanagerURL(_ data: NotificationTemplateData) -> String {
        data.externalURL + "/#/alerts?receiver=" + GoString.queryEscaped(data.receiver)
    }

    /// `__subject`: `[FIRING:2] <group label values> (<other common label values>)`, with the template's
    /// trailing space when there are no other common labels.
    static func subject(_ data: NotificationTemplateData) -> String {
        var text = "[" + data.status.rawValue.uppercased()
        if data.status == .firing { text += ":\(data.firing.count)" }
        text += "] " + sortedPairs(data.groupLabels).map(\.value).joined(separator: " ") + " "
        if data.commonLabels.count > data.groupLabels.count {
            let groupNames = Set(data.groupLabels.pairs.map(\.name))
            let rest = sortedPairs(Labels(data.commonLabels.pairs.filter { !groupNames.contains($0.name) }))
            text += "(" + rest.map(\.value).joined(separator: " ") + ")"
        }
        return text
    }

    /// `__text_alert_list`: each alert's labels, annotations and source, one per line.
    static func textAlertList(_ alerts: [NotifierAlert]) -> String {
        var text = ""
        for alert in alerts {
            text += "Labels:\n"
            for pair in sortedPairs(alert.labels) { text += " - \(pair.name) = \(pair.value)\n" }
            text += "Annotations:\n"
            for pair in sortedPairs(alert.annotations) { text += " - \(pair.name) = \(pair.value)\n" }
            text += "Source: \(alert.generatorURL)\n"
        }
        return text
    }

    /// `KV.SortedPairs`: `alertname` first, the rest by name.
    static func sortedPairs(_ labels: Labels) -> [Label] {
        let sorted = labels.pairs.sorted { GoString.less($0.name, $1.name) }
        return sorted.filter { $0.name == "alertname" } + sorted.filter { $0.name != "alertname" }
    }
}
