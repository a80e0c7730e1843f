import Exporter
import PromText

/// The evaluator's human-readable status page at `/`: one server-rendered HTML document (inline CSS and SVG, no
/// script, no external assets) showing the scrape targets, the rule groups with their rules, and the active
/// alerts with a timeline of their recent states read from the `ALERTS` series.
///
/// ```swift
/// let page = StatusPage(source: service)
/// page.register(on: &router)            // GET / → text/html
/// let html = page.render(now: 1_700_000_000_000)
/// ```
///
/// Every text that comes from configuration, labels, annotations or errors is HTML-escaped. Rendering is linear in
/// the number of targets, rules and alerts.
public struct StatusPage: Sendable {
    /// The content type of the page.
    public static let contentType = "text/html; charset=utf-8"
    /// The endpoints the header links to, with what each one serves.
    static let endpoints: [(path: String, description: String)] = [
        ("/metrics", "metrics"), ("/api/v1/targets", "targets API"), ("/api/v1/rules", "rules API"),
        ("/api/v1/alerts", "alerts API"), ("/health/live", "liveness"), ("/health/ready", "readiness"),
    ]

    /// What the page shows.
    public let source: any EvaluatorStatusSource
    /// How far back each alert's timeline reaches, in milliseconds.
    public var timelineWindow: Int64
    /// The current time in milliseconds since the epoch, read once per request.
    public var clock: @Sendable () -> Int64

    /// Creates the page for `source`, with alert timelines over the last `timelineWindow` milliseconds (an hour
    /// by default) and the real-time clock unless another is given.
    public init(
        source: any EvaluatorStatusSource, timelineWindow: Int64 = 3_600_000,
        clock: @escaping @Sendable () -> Int64 = ScrapeManager.realTimeMilliseconds
    ) {
        self.source = source
        self.timelineWindow = timelineWindow
        self.clock = clock
    }

    /// Registers `GET /` (and `HEAD /`), answering with the page rendered at the clock's current time.
    public func register(on router: inout Router) {
        router.register("/") { _ in
            HTTPResponse(
                status: .ok, headers: ["Content-Type": Self.contentType], body: Array(render(now: clock()).utf8))
        }
    }

    /// The complete HTML document as of `now` (milliseconds since the epoch): a pure function of the source's
    /// current status, its store and `now`.
    public func render(now: Int64) -> String {
        let targets = source.targets()
        let groups = source.ruleGroups()
        let alerts = ActiveAlert.collect(from: groups)
        var writer = HTMLWriter(capacity: 8192 + 800 * targets.count + 1200 * alerts.count + 600 * groups.count)
        writer.markup(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>tocsin-ruleeval status</title><style>\(StatusPageStylesheet.css)</style></head><body>\n")
        appendHeader(targets: targets, groups: groups, alerts: alerts, now: now, to: &writer)
        writer.markup("<main>\n")
        let history = AlertHistory(store: source.engine.store, start: now - timelineWindow, end: now)
        appendAlerts(alerts, history: history, now: now, to: &writer)
        appendTargets(targets, now: now, to: &writer)
        appendRuleGroups(groups, now: now, to: &writer)
        writer.markup("</main>\n</body></html>\n")
        return writer.html
    }

    private func appendHeader(
        targets: [ScrapeTargetStatus], groups: [RuleGroupStatus], alerts: [ActiveAlert], now: Int64,
        to writer: inout HTMLWriter
    ) {
        writer.markup("<header><div class=\"title\"><h1>tocsin-ruleeval</h1>")
        writer.element("span", class: "version", "v" + BuildInfo.version)
        writer.markup("</div><p class=\"meta\">Started ")
        writer.element("time", StatusPageFormat.timestamp(source.startTime))
        writer.markup(" (up \(PrometheusDuration(milliseconds: max(now - source.startTime, 0) / 1000 * 1000)))")
        writer.markup(" · rendered ")
        writer.element("time", StatusPageFormat.timestamp(now))
        writer.markup("</p>")
        let externalLabels = Labels(source.externalLabels().map { Label($0.key, $0.value) }).sorted()
        if !externalLabels.isEmpty {
            writer.markup("<p class=\"meta\">External labels ")
            Self.appendLabels(externalLabels, to: &writer)
            writer.markup("</p>")
        }
        writer.markup("<nav class=\"endpoints\">")
        for endpoint in Self.endpoints {
            writer.markup("<a href=\"\(endpoint.path)\" title=\"\(endpoint.description)\">\(endpoint.path)</a>")
        }
        writer.markup("</nav>\n")
        let upCount = targets.count(where: { $0.health == .up })
        let downCount = targets.count(where: { $0.health == .down })
        let rules = groups.lazy.flatMap(\.rules)
        let ruleErrors = rules.count(where: { $0.health == .err })
        let firing = alerts.count(where: { $0.alert.state == .firing })
        writer.markup("<div class=\"tiles\">")
        Self.appendTile(
            "#alerts", "Alerts", "\(firing) firing · \(alerts.count - firing) pending", detail: nil,
            tone: firing > 0 ? "bad" : alerts.isEmpty ? "good" : "warn", to: &writer)
        Self.appendTile(
            "#targets", "Targets", "\(upCount)/\(targets.count) up",
            detail: downCount > 0 ? "\(downCount) down" : nil,
            tone: Self.tone(up: upCount, down: downCount, of: targets.count),
            to: &writer)
        Self.appendTile(
            "#rules", "Rule groups", Self.counted(groups.count, "group") + " · " + Self.counted(rules.count, "rule"),
            detail: ruleErrors > 0 ? "\(ruleErrors) failing" : nil, tone: ruleErrors > 0 ? "bad" : "good",
            to: &writer)
        writer.markup("</div></header>\n")
    }

    private static func appendTile(
        _ anchor: String, _ title: String, _ figure: String, detail: String?, tone: String, to writer: inout HTMLWriter
    ) {
        writer.markup("<a class=\"tile \(tone)\" href=\"\(anchor)\"><span class=\"tile-title\">\(title)</span>")
        writer.markup("<span class=\"tile-figure\">\(figure)</span>")
        if let detail { writer.markup("<span class=\"tile-detail\">\(detail)</span>") }
        writer.markup("</a>")
    }

    /// The colour of a count of targets: red when any is down, grey when some are not scraped yet, else green.
    static func tone(up: Int, down: Int, of total: Int) -> String {
        down > 0 ? "bad" : up < total ? "idle" : "good"
    }

    /// `1 rule`, `6 rules`.
    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Appends `labels` as a row of `name="value"` chips.
    static func appendLabels(_ labels: Labels, to writer: inout HTMLWriter) {
        writer.markup("<span class=\"labels\">")
        for label in labels {
            writer.markup("<span class=\"label\"><span class=\"label-name\">")
            writer.text(label.name)
            writer.markup("</span>=<span class=\"label-value\">")
            writer.text(label.value)
            writer.markup("</span></span>")
        }
        writer.markup("</span>")
    }

    /// Appends a coloured state word; `state` must be one of the page's fixed words (`up`, `firing`, `err`, ...).
    static func appendBadge(_ state: String, to writer: inout HTMLWriter) {
        writer.markup("<span class=\"badge \(state)\">\(state)</span>")
    }

    /// Appends an empty-section note.
    static func appendEmpty(_ message: String, to writer: inout HTMLWriter) {
        writer.markup("<p class=\"empty\">\(message)</p>\n")
    }
}
