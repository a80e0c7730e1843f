import Exporter

/// One pending or firing alert as the status page lists it, with the group and rule it came from.
struct ActiveAlert {
    /// The alert.
    var alert: Alert
    /// The rule group's name.
    var groupName: String
    /// The group's evaluation interval in milliseconds, how long each `ALERTS` sample holds its state.
    var interval: Int64

    /// Every alert of `groups`: firing before pending, then by alert name, then in the groups' order.
    static func collect(from groups: [RuleGroupStatus]) -> [ActiveAlert] {
        var alerts: [(order: Int, alert: ActiveAlert)] = []
        for group in groups {
            for rule in group.rules {
                for alert in rule.alerts where alert.state != .inactive {
                    alerts.append(
                        (alerts.count, ActiveAlert(alert: alert, groupName: group.name, interval: group.interval)))
                }
            }
        }
        alerts.sort { lhs, rhs in
            if lhs.alert.alert.state != rhs.alert.alert.state { return lhs.alert.alert.state > rhs.alert.alert.state }
            let lhsName = lhs.alert.alert.labels["alertname"] ?? ""
            let rhsName = rhs.alert.alert.labels["alertname"] ?? ""
            return lhsName != rhsName ? lhsName < rhsName : lhs.order < rhs.order
        }
        return alerts.map(\.alert)
    }
}
