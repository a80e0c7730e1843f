import Exporter
import PromText

extension StatusPage {
    /// Appends the targets section: one table per job (in the order jobs first appear), a row per target.
    func appendTargets(_ targets: [ScrapeTargetStatus], now: Int64, to writer: inout HTMLWriter) {
        writer.markup("<section id=\"targets\"><h2>Targets</h2>\n")
        if targets.isEmpty { Self.appendEmpty("No scrape targets are configured.", to: &writer) }
        var jobOrder: [String] = []
        var targetsByJob: [String: [ScrapeTargetStatus]] = [:]
        for target in targets {
            if targetsByJob[target.jobName] == nil { jobOrder.append(target.jobName) }
            targetsByJob[target.jobName, default: []].append(target)
        }
        for job in jobOrder {
            let jobTargets = targetsByJob[job] ?? []
            let upCount = jobTargets.count(where: { $0.health == .up })
            let downCount = jobTargets.count(where: { $0.health == .down })
            writer.markup("<h3>")
            writer.text(job)
            writer.markup(
                " <span class=\"count \(Self.tone(up: upCount, down: downCount, of: jobTargets.count))\">"
                    + "\(upCount)/\(jobTargets.count) up</span></h3>\n")
            writer.markup(
                "<div class=\"scroll\"><table class=\"targets\"><colgroup><col class=\"column-endpoint\"><col class=\"column-state\">"
                    + "<col class=\"column-labels\"><col class=\"column-age\"><col class=\"column-duration\"><col class=\"column-error\"></colgroup>"
                    + "<thead><tr><th>Endpoint</th><th>State</th>"
                    + "<th>Labels</th><th>Last scrape</th><th>Duration</th><th>Error</th></tr></thead><tbody>\n")
            for target in jobTargets { appendTargetRow(target, now: now, to: &writer) }
            writer.markup("</tbody></table></div>\n")
        }
        writer.markup("</section>\n")
    }

    private func appendTargetRow(_ target: ScrapeTargetStatus, now: Int64, to writer: inout HTMLWriter) {
        let url = target.target.url
        writer.markup("<tr class=\"\(target.health.rawValue)\"><td class=\"endpoint\">")
        // Only web URLs become links: relabeling can set `__scheme__` to anything, `javascript` included.
        if ["http", "https"].contains(target.target.scheme) {
            writer.markup("<a href=\"")
            writer.text(url)
            writer.markup("\">")
            writer.text(url)
            writer.markup("</a>")
        } else {
            writer.text(url)
        }
        writer.markup("</td><td>")
        Self.appendBadge(target.health.rawValue, to: &writer)
        writer.markup("</td><td>")
        Self.appendLabels(target.target.labels, to: &writer)
        writer.markup("</td><td class=\"number\">")
        if target.lastScrape > 0 {
            writer.markup("<time title=\"\(StatusPageFormat.timestamp(target.lastScrape))\">")
            writer.text(StatusPageFormat.age(of: target.lastScrape, now: now))
            writer.markup("</time></td><td class=\"number\">")
            writer.text(StatusPageFormat.duration(target.lastScrapeDuration))
        } else {
            writer.markup("never</td><td class=\"number\">–")
        }
        writer.markup("</td><td class=\"error\">")
        writer.text(target.lastError)
        writer.markup("</td></tr>\n")
    }
}
