import PromText

/// An alert as promtool compares it: labels (with `alertname`) and annotations, ordered by labels then annotations.
struct ComparedAlert: Comparable {
    var labels: Labels
    var annotations: Labels

    static func < (lhs: ComparedAlert, rhs: ComparedAlert) -> Bool {
        let byLabels = Labels.compare(lhs.labels, rhs.labels)
        if byLabels != 0 { return byLabels < 0 }
        return Labels.compare(lhs.annotations, rhs.annotations) < 0
    }

    var text: String { "Labels:" + labels.promQLText + "\nAnnotations:" + annotations.promQLText }

    /// promtool's `labelsAndAnnotations.String`.
    static func listText(_ alerts: [ComparedAlert]) -> String {
        guard !alerts.isEmpty else { return "[]" }
        var text = "[\n"
        for (index, alert) in alerts.enumerated() {
            if index > 0 { text += ",\n" }
            text += "\(index):" + TestGroupRun.indentLines("\n" + alert.text, "  ")
        }
        return text + "\n]"
    }
}
