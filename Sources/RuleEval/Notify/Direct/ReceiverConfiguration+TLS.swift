extension ReceiverConfiguration {
    /// The `tls_config` of one HTTP integration (webhook, Slack, PagerDuty); `nil` for email or an index the
    /// receiver no longer has.
    func tlsConfig(of integration: Notification.Integration) -> TLSConfiguration? {
        switch integration.kind {
        case .webhook: webhookConfigs.dropFirst(integration.index).first?.tlsConfig
        case .slack: slackConfigs.dropFirst(integration.index).first?.tlsConfig
        case .pagerduty: pagerdutyConfigs.dropFirst(integration.index).first?.tlsConfig
        case .email: nil
        }
    }
}
