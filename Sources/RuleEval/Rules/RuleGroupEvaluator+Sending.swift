extension RuleGroupEvaluator {
    /// The alerts of every alerting rule that need sending at `now` (Prometheus's `AlertingRule.sendAlerts`:
    /// new or changed state, or `resendDelay` since the last send), marked as sent.
    public mutating func alertsToSend(
        at now: Int64, resendDelay: Int64, evaluationInterval: Int64
    ) -> [AlertmanagerAlert] {
        var result: [AlertmanagerAlert] = []
        for index in rules.indices where !rules[index].rule.alert.isEmpty {
            result += AlertmanagerAlert.alertsToSend(
                from: &rules[index].alerts, expression: rules[index].rule.expr, externalURL: externalURL, at: now,
                resendDelay: resendDelay, evaluationInterval: evaluationInterval)
        }
        return result
    }

    /// Takes over the evaluation state of `previous` (a reload of the same group): each rule inherits the alerts
    /// and written series of the first not yet matched rule of `previous` with the same name, as Prometheus's
    /// `Group.CopyState` does, so a reload neither resets `for` progress nor re-fires alerts.
    public mutating func copyState(from previous: RuleGroupEvaluator) {
        var used = Set<Int>()
        for index in rules.indices {
            guard
                let match = previous.rules.indices.first(where: {
                    !used.contains($0) && previous.rules[$0].rule.name == rules[index].rule.name
                })
            else { continue }
            used.insert(match)
            let old = previous.rules[match]
            var alerts = old.alerts
            alerts.holdDuration = rules[index].alerts.holdDuration
            alerts.keepFiringFor = rules[index].alerts.keepFiringFor
            rules[index].alerts = alerts
            rules[index].previousSeries = old.previousSeries
            rules[index].health = old.health
            rules[index].lastError = old.lastError
            rules[index].lastEvaluation = old.lastEvaluation
            rules[index].evaluationDuration = old.evaluationDuration
        }
    }
}
