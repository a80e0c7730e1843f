import Glibc
import PromText

/// The RFC 5322 message Tocsin sends for an `email_configs` notification, a simplified Alertmanager email.
///
/// Headers: `From`, `To` and `Subject` default to the configuration's `from`, `to` and Alertmanager's
/// `email.default.subject` (`[FIRING:2] group label values (common label values)`); configured `headers` override
/// them. `Date`, `MIME-Version` and a `Message-Id` derived from the notification's idempotency key (so a
/// re-delivery after a crash carries the same id) are added. Body: a configured `text` and/or `html` (both:
/// `multipart/alternative`), otherwise a plain-text summary: the subject, a link to the Alertmanager UI
/// when an external URL is set, and the labels, annotations and source of the firing and resolved alerts (the
/// content of `email.default.html`, without its HTML layout). `to`, `from`, header values, `text` and `html` are
/// notification templates (``NotificationTemplate``; `html` escapes printed values as text between tags).
enum EmailMessage {
    /// The message bytes (CRLF line ends) for `notification` sent through `configuration`, dated `now`
    /// (milliseconds since the epoch).
    static func render(
        _ notification: Notification, configuration: EmailConfiguration, externalURL: String, now: Int64
    ) throws(TemplateError) -> [UInt8] {
        let data = NotificationTemplateData(
            notification: notification, alerts: notification.alerts, externalURL: externalURL)
        func expand(_ text: String) throws(TemplateError) -> String {
            try NotificationTemplate.expand(text, data: data, now: now)
        }
        func expandIfSet(_ text: String?, html: Bool = false) throws(TemplateError) -> String? {
            guard let text else { return nil }
            return try NotificationTemplate.expand(text, data: data, now: now, html: html)
        }
        var headers: [(String, String)] = [
            ("From", try expand(configuration.from)), ("To", try expand(configuration.to)),
            ("Subject", DefaultNotificationTemplates.subject(data)),
            ("Message-Id", "<\(notification.idempotencyKey)@tocsin>"), ("Date", rfc5322Date(milliseconds: now)),
            ("MIME-Version", "1.0"),
        ]
        for (name, text) in configuration.headers.sorted(by: { $0.key < $1.key }) {
            let value = try expand(text)
            if let index = headers.firstIndex(where: { $0.0 == name }) {
                headers[index].1 = value
            } else {
                headers.append((name, value))
            }
        }
        let body: String
        switch (try expandIfSet(configuration.text), try expandIfSet(configuration.html, html: true)) {
        case (let text?, let html?):
            let boundary = "tocsin-" + notification.idempotencyKey.prefix(32)
            headers.append(("Content-Type", "multipart/alternative; boundary=\"\(boundary)\""))
            body =
                "--\(boundary)\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n\(text)\r\n"
                + "--\(boundary)\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n\(html)\r\n--\(boundary)--\r\n"
        case (nil, let html?):
            headers.append(("Content-Type", "text/html; charset=UTF-8"))
            body = html
        case (let text?, nil):
            headers.append(("Content-Type", "text/plain; charset=UTF-8"))
            body = text
        case (nil, nil):
            headers.append(("Content-Type", "text/plain; charset=UTF-8"))
            body = defaultText(data)
        }
        let head = headers.map { "\($0.0): \(singleLine($0.1))\r\n" }.joined()
        return Array((head + "\r\n" + body).utf8)
    }

    /// The plain-text body used when neither `text` nor `html` is configured.
    static func defaultText(_ data: NotificationTemplateData) -> String {
        var text = DefaultNotificationTemplates.subject(data) + "\n"
        if !data.externalURL.isEmpty {
            text += "\nView in Alertmanager: \(DefaultNotificationTemplates.alertmanagerURL(data))\n"
        }
        if !data.firing.isEmpty {
            text += "\n[\(data.firing.count)] Firing\n" + DefaultNotificationTemplates.textAlertList(data.firing)
        }
        if !data.resolved.isEmpty {
            text += "\n[\(data.resolved.count)] Resolved\n" + DefaultNotificationTemplates.textAlertList(data.resolved)
        }
        return text
    }

    /// A header value with line breaks replaced, so a label value cannot inject headers.
    private static func singleLine(_ value: String) -> String {
        String(value.map { $0 == "\r" || $0 == "\n" ? " " : $0 })
    }

    /// `Mon, 02 Jan 2006 15:04:05 +0000`.
    static func rfc5322Date(milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }
}
