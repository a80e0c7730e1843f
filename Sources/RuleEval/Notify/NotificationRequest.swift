/// The HTTP request that delivers a notification: where to POST which JSON body, and the key that identifies
/// the delivery across retries.
public struct NotificationRequest: Sendable, Hashable {
    /// The URL to POST to; empty when ``urlFile`` names it.
    public var url: String
    /// A file holding the URL, read when the request is sent (`url_file`, `api_url_file`).
    public var urlFile: String?
    /// A file holding the PagerDuty routing key that replaces the body's `routing_key` when the request is sent.
    public var routingKeyFile: String?
    /// The JSON body (`Content-Type: application/json`).
    public var body: [UInt8]
    /// ``Notification/idempotencyKey`` of the notification.
    public var idempotencyKey: String
}

extension Dispatcher {
    /// The request delivering `notification` through its receiver's integration, with the URL and body
    /// Alertmanager would use (Slack and PagerDuty fall back to the `global` URLs); `nil` when the receiver or
    /// integration is not configured, has no URL, or is not delivered over HTTP (email). Throws the error of a
    /// receiver field's template, which fails the notification as in Alertmanager.
    public func request(for notification: Notification) throws(TemplateError) -> NotificationRequest? {
        guard let receiver = receiver(named: notification.receiver) else { return nil }
        let index = notification.integration.index
        let url: String?
        var urlFile: String?
        var routingKeyFile: String?
        let body: [UInt8]
        switch notification.integration.kind {
        case .webhook:
            guard receiver.webhookConfigs.indices.contains(index) else { return nil }
            let configuration = receiver.webhookConfigs[index]
            url = configuration.url
            urlFile = configuration.urlFile
            body = WebhookPayload.body(
                for: notification, externalURL: global.externalURL, maxAlerts: configuration.maxAlerts)
        case .slack:
            guard receiver.slackConfigs.indices.contains(index) else { return nil }
            let configuration = receiver.slackConfigs[index]
            if configuration.apiURL == nil && configuration.apiURLFile == nil {
                (url, urlFile) = (global.slackAPIURL, global.slackAPIURLFile)
            } else {
                (url, urlFile) = (configuration.apiURL, configuration.apiURLFile)
            }
            body = try SlackPayload.body(
                for: notification, configuration: configuration, externalURL: global.externalURL)
        case .pagerduty:
            guard receiver.pagerdutyConfigs.indices.contains(index) else { return nil }
            let configuration = receiver.pagerdutyConfigs[index]
            url = configuration.url ?? global.pagerdutyURL
            routingKeyFile = configuration.routingKeyFile
            body = try PagerDutyPayload.body(
                for: notification, configuration: configuration, externalURL: global.externalURL)
        case .email:
            return nil
        }
        guard urlFile != nil || !(url ?? "").isEmpty else { return nil }
        return NotificationRequest(
            url: urlFile == nil ? url ?? "" : "", urlFile: urlFile, routingKeyFile: routingKeyFile, body: body,
            idempotencyKey: notification.idempotencyKey)
    }
}
