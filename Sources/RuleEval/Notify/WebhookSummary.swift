/// A few readable lines for one notification POSTed to a webhook, for `tocsin-webhook-printer` (the local receiver
/// of `scripts/run.sh`): Alertmanager webhook messages (version 4) and Alertmanager API v2 alert lists are summarised
/// alert by alert, other bodies (Slack, PagerDuty) are printed as they came.
public enum WebhookSummary {
    /// The summary of a POST to `path` carrying `body`, with the `Idempotency-Key` header when there was one.
    public static func lines(path: String, body: [UInt8], idempotencyKey: String?) -> [String] {
        let key = idempotencyKey.map { " key=\($0)" } ?? ""
        if case .array(let alerts)? = try? JSONParser.parse(body) {
            return ["POST \(path) [\(alerts.count) alerts for an Alertmanager]\(key)"]
                + alerts.map { alert in
                    "  \(labelText(alert["labels"])) startsAt=\(alert["startsAt"]?.stringValue ?? "?") "
                        + "endsAt=\(alert["endsAt"]?.stringValue ?? "?")"
                }
        }
        guard let message = try? JSONParser.parse(body), message["version"]?.stringValue == "4",
            case .array(let alerts)? = message["alerts"]
        else {
            return ["POST \(path)\(key) " + String(decoding: body, as: UTF8.self).trimmingTrailingNewlines]
        }
        let status = message["status"]?.stringValue ?? "?"
        let receiver = message["receiver"]?.stringValue ?? "?"
        var lines = [
            "POST \(path) receiver=\(receiver) [\(status.uppercased()):\(alerts.count)] "
                + "group=\(labelText(message["groupLabels"]))\(key)"
        ]
        for alert in alerts {
            let summary = alert["annotations"]?["summary"]?.stringValue.map { " — \($0)" } ?? ""
            lines.append(
                "  \(alert["status"]?.stringValue ?? "?") \(labelText(alert["labels"])) "
                    + "since \(alert["startsAt"]?.stringValue ?? "?")\(summary)")
        }
        return lines
    }

    private static func labelText(_ value: JSONValue?) -> String {
        guard case .object(let members)? = value else { return "{}" }
        return "{" + members.map { "\($0.0)=\($0.1.stringValue ?? "")" }.joined(separator: ", ") + "}"
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
