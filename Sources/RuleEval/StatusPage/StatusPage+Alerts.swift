import Exporter
import PromText

extension StatusPage {
    /// Appends the alerts section: a row per pending or firing alert with its labels, annotations, value, and a
    /// timeline of its states over the page's window.
    func appendAlerts(_ alerts: [ActiveAlert], history: AlertHistory, now: Int64, to writer: inout HTMLWriter) {
        writer.markup("<section id=\"alerts\"><h2>Alerts</h2>\n")
        if alerts.isEmpty {
            Self.appendEmpty("No alerts are pending or firing.", to: &writer)
            writer.markup("</section>\n")
            return
        }
        writer.markup(
            "<div class=\"scroll\"><table class=\"alerts\"><thead><tr><th>Alert</th><th>State</th>"
                + "<th>Active since</th><th>Value</th><th>Labels</th><th>Annotations</th>"
                + "<th>Last \(PrometheusDuration(milliseconds: timelineWindow))</th></tr></thead><tbody>\n")
        for active in alerts {
            let alert = active.alert
            writer.markup("<tr class=\"\(alert.state.rawValue)\"><td class=\"alertname\">")
            writer.text(alert.labels["alertname"] ?? "")
            writer.markup("<span class=\"group-name\">")
            writer.text(active.groupName)
            writer.markup("</span></td><td>")
            Self.appendBadge(alert.state.rawValue, to: &writer)
            writer.markup("</td><td class=\"number\"><time title=\"\(StatusPageFormat.timestamp(alert.activeAt))\">")
            writer.markup(StatusPageFormat.timeOfDay(alert.activeAt))
            writer.markup("</time><span class=\"age\">\(StatusPageFormat.age(of: alert.activeAt, now: now))</span>")
            writer.markup("</td><td class=\"number\">\(StatusPageFormat.value(alert.value))</td><td>")
            Self.appendLabels(alert.labels.removing(["alertname"]), to: &writer)
            writer.markup("</td><td><dl class=\"annotations\">")
            for annotation in alert.annotations {
                writer.element("dt", annotation.name)
                writer.element("dd", annotation.value)
            }
            writer.markup("</dl></td><td>")
            history.timeline(for: alert.labels, interval: active.interval).appendSVG(to: &writer)
            writer.markup("</td></tr>\n")
        }
        writer.markup("</tbody></table></div></section>\n")
    }
}
