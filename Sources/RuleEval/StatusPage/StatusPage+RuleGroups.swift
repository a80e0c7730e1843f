import Exporter
import PromText

extension StatusPage {
    /// Appends the rules section: one card per group with its file, interval and last evaluation, and a row per
    /// rule with its kind, query, health, last evaluation and error.
    func appendRuleGroups(_ groups: [RuleGroupStatus], now: Int64, to writer: inout HTMLWriter) {
        writer.markup("<section id=\"rules\"><h2>Rule groups</h2>\n")
        if groups.isEmpty { Self.appendEmpty("No rule groups are loaded.", to: &writer) }
        for group in groups {
            writer.markup("<div class=\"group\"><h3>")
            writer.text(group.name)
            writer.markup("</h3><p class=\"meta\"><span class=\"file\">")
            writer.text(group.file)
            writer.markup("</span> · every \(PrometheusDuration(milliseconds: group.interval)) · ")
            appendEvaluation(at: group.lastEvaluation, took: group.evaluationDuration, now: now, to: &writer)
            writer.markup(
                "</p>\n<div class=\"scroll\"><table class=\"rules\"><colgroup><col class=\"column-rule\"><col class=\"column-state\">"
                    + "<col class=\"column-evaluation\"><col class=\"column-error\"></colgroup><thead><tr><th>Rule</th><th>Health</th>"
                    + "<th>Last evaluation</th><th>Error</th></tr></thead><tbody>\n")
            for rule in group.rules { appendRuleRow(rule, now: now, to: &writer) }
            writer.markup("</tbody></table></div></div>\n")
        }
        writer.markup("</section>\n")
    }

    private func appendRuleRow(_ rule: RuleStatus, now: Int64, to writer: inout HTMLWriter) {
        writer.markup("<tr><td class=\"rule\"><div class=\"rule-head\"><span class=\"kind\">")
        writer.markup(rule.kind == .alerting ? "alert" : "record")
        writer.markup("</span><span class=\"rule-name\">")
        writer.text(rule.name)
        writer.markup("</span>")
        if rule.kind == .alerting {
            Self.appendBadge(rule.state.rawValue, to: &writer)
            if rule.holdDuration > 0 {
                writer.markup("<span class=\"hold\">for \(PrometheusDuration(milliseconds: rule.holdDuration))</span>")
            }
        }
        writer.markup("</div><pre class=\"query\"><code>")
        writer.text(rule.query)
        writer.markup("</code></pre>")
        if !rule.labels.isEmpty { Self.appendLabels(rule.labels, to: &writer) }
        writer.markup("</td><td>")
        Self.appendBadge(rule.health.rawValue, to: &writer)
        writer.markup("</td><td class=\"number\">")
        appendEvaluation(at: rule.lastEvaluation, took: rule.evaluationDuration, now: now, to: &writer)
        writer.markup("</td><td class=\"error\">")
        writer.text(rule.lastError)
        writer.markup("</td></tr>\n")
    }

    /// Appends `12s ago, took 1.234ms`, or `not evaluated yet`.
    private func appendEvaluation(at time: Int64?, took duration: Duration, now: Int64, to writer: inout HTMLWriter) {
        guard let time else {
            writer.markup("<span class=\"never\">not evaluated yet</span>")
            return
        }
        writer.markup(
            "<time title=\"\(StatusPageFormat.timestamp(time))\">\(StatusPageFormat.age(of: time, now: now))</time>")
        writer.markup(", took \(StatusPageFormat.duration(duration))")
    }
}
