import PromText

/// One alert as Prometheus's notifier posts it to Alertmanager's API v2 (`models.PostableAlert`).
///
/// Built from a rule's ``Alert`` as Prometheus's `rules.SendAlerts` does: `startsAt` is when it fired, `endsAt`
/// is when it resolved or else the `validUntil` set when it was last sent, `generatorURL` is the external URL plus
/// the expression's graph-table link. Times are milliseconds since the epoch.
public struct AlertmanagerAlert: Sendable, Hashable {
    /// The identifying labels.
    public var labels: Labels
    /// The annotations.
    public var annotations: Labels
    /// When the alert started firing.
    public var startsAt: Int64
    /// When it resolved, or until when it is valid without being re-sent; 0 is Go's zero time.
    public var endsAt: Int64
    /// A link back to the expression in the Prometheus-style UI; empty for none.
    public var generatorURL: String

    /// Creates an alert with these fields.
    public init(labels: Labels, annotations: Labels, startsAt: Int64, endsAt: Int64, generatorURL: String) {
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.generatorURL = generatorURL
    }

    /// Converts a rule's alert (`rules.SendAlerts`): `startsAt` = `firedAt` (`activeAt` for an alert that never
    /// fired), `endsAt` = `resolvedAt` when resolved, else `validUntil`.
    public init(_ alert: Alert, expression: String, externalURL: String) {
        self.init(
            labels: alert.labels, annotations: alert.annotations, startsAt: alert.firedAt ?? alert.activeAt,
            endsAt: alert.resolvedAt ?? alert.validUntil ?? 0,
            generatorURL: externalURL + Self.tableLink(forExpression: expression))
    }

    /// Prometheus's `validUntil` for an alert sent at `now`: four times the larger of the evaluation interval and
    /// the resend delay, so two failed evaluations or sends do not resolve it in Alertmanager.
    public static func validUntil(now: Int64, evaluationInterval: Int64, resendDelay: Int64) -> Int64 {
        now + 4 * max(evaluationInterval, resendDelay)
    }

    /// The alerts of `table` that need sending at `now` (`AlertingRule.sendAlerts`), marked sent in `table`.
    public static func alertsToSend(
        from table: inout AlertTable, expression: String, externalURL: String, at now: Int64, resendDelay: Int64,
        evaluationInterval: Int64
    ) -> [AlertmanagerAlert] {
        let validUntil = validUntil(now: now, evaluationInterval: evaluationInterval, resendDelay: resendDelay)
        var result: [AlertmanagerAlert] = []
        for var alert in table.alerts.values.sorted(by: { $0.labels.lexicographicallyPrecedes($1.labels) })
        where alert.needsSending(at: now, resendDelay: resendDelay) {
            table.markSent(alert.labels, at: now, validUntil: validUntil)
            alert.lastSentAt = now
            alert.validUntil = validUntil
            result.append(AlertmanagerAlert(alert, expression: expression, externalURL: externalURL))
        }
        return result
    }

    /// The alert with `externalLabels` added where the alert has no such label (or an empty one) and then
    /// `relabelConfigs` applied; `nil` when relabeling drops it or leaves no labels (`notifier.relabelAlerts`).
    public func prepared(externalLabels: Labels, relabelConfigs: [RelabelConfiguration]) -> AlertmanagerAlert? {
        var combined = labels
        for label in externalLabels where (combined[label.name] ?? "").isEmpty {
            combined = Labels(combined.filter { $0.name != label.name } + [label])
        }
        guard let relabeled = Relabeling.apply(relabelConfigs, to: combined.sorted()), !relabeled.isEmpty else {
            return nil
        }
        var copy = self
        copy.labels = relabeled
        return copy
    }

    /// The JSON object Prometheus posts: go-swagger's `PostableAlert` writes `annotations` (omitted when empty),
    /// `endsAt`, `startsAt` (three fractional digits), then `generatorURL` (omitted when empty) and `labels`.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = []
        if !annotations.isEmpty { members.append(("annotations", annotations.jsonObject)) }
        members.append(("endsAt", .string(Self.dateTime(endsAt))))
        members.append(("startsAt", .string(Self.dateTime(startsAt))))
        if !generatorURL.isEmpty { members.append(("generatorURL", .string(generatorURL))) }
        members.append(("labels", labels.jsonObject))
        return .object(members)
    }

    /// The request body for `POST <path_prefix>/api/v2/alerts`: a JSON array of the alerts.
    public static func requestBody(_ alerts: [AlertmanagerAlert]) -> [UInt8] {
        JSONValue.array(alerts.map(\.jsonValue)).encoded
    }

    /// `strfmt.DateTime` text; the zero value is Go's zero time.
    private static func dateTime(_ milliseconds: Int64) -> String {
        milliseconds == 0 ? "0001-01-01T00:00:00.000Z" : RFC3339Time.rfc3339Millis(milliseconds: milliseconds)
    }

    /// `strutil.TableLinkForExpression`: `/graph?g0.expr=<url.QueryEscape(expr)>&g0.tab=1`.
    static func tableLink(forExpression expression: String) -> String {
        "/graph?g0.expr=" + GoString.queryEscaped(expression) + "&g0.tab=1"
    }
}
