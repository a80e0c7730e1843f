import PromText

/// Alertmanager's dispatch pipeline as a value: routes alerts into aggregation groups, flushes groups on their
/// timers, mutes inhibited and silenced alerts, deduplicates against the notification log, and hands back the
/// notifications to deliver. The caller delivers them and reports each outcome with ``recordDelivery(of:succeeded:now:)``.
///
/// Drive it with ``insert(_:now:)`` for every alert received and ``tick(now:)`` at ``nextDeadline``.
public struct Dispatcher: Sendable {
    /// The routing tree.
    public let routes: RouteTree
    /// The silences; change them through this property.
    public var silences = SilenceStore()
    /// The inhibition rules and their source alerts.
    public private(set) var inhibitor: Inhibitor
    /// The notification log used for deduplication.
    public internal(set) var notificationLog = NotificationLog()
    /// The aggregation groups, by route ID and group-label fingerprint.
    public private(set) var groups: [GroupID: AggregationGroup] = [:]
    private let receivers: [String: ReceiverConfiguration]
    /// The `global:` settings (external URL, default Slack and PagerDuty URLs, resolve timeout).
    public let global: NotifyGlobalConfiguration
    private var resolveTimeout: Int64 { global.resolveTimeout.notifyMilliseconds }
    private var received = ReceivedAlerts()
    private var pendingFlushes: [GroupID: PendingFlush] = [:]
    private var flushCount = 0

    /// Identifies an aggregation group.
    public struct GroupID: Sendable, Hashable {
        /// The route's ID.
        public var routeID: String
        /// The fingerprint of the group labels.
        public var fingerprint: LabelSetFingerprint
    }

    /// A flush whose notifications are out for delivery.
    private struct PendingFlush: Sendable {
        var flushID: Int
        var alerts: [NotifierAlert]
        var outstanding: Set<Notification.Integration>
        var failed = false
    }

    /// Builds the dispatcher; throws when the routes, receivers or inhibit rules are inconsistent.
    public init(configuration: NotifyConfiguration) throws(NotifyConfigurationError) {
        let routes = try RouteTree(configuration.route)
        var receivers: [String: ReceiverConfiguration] = [:]
        for receiver in configuration.receivers {
            guard receivers[receiver.name] == nil else {
                throw NotifyConfigurationError(
                    "notification config name \(GoString.quoted(receiver.name)) is not unique")
            }
            receivers[receiver.name] = receiver
        }
        for node in routes.nodes where receivers[node.receiver] == nil {
            throw NotifyConfigurationError("undefined receiver \(GoString.quoted(node.receiver)) used in route")
        }
        self.routes = routes
        self.receivers = receivers
        self.inhibitor = try Inhibitor(configuration.inhibitRules)
        self.global = configuration.global
    }

    /// Takes in an alert received at `now`: an alert without `endsAt` gets `now + resolve_timeout`, one that
    /// overlaps the alert already received with its labels is merged with it, then it goes into the group of every
    /// route it matches (creating groups as needed).
    public mutating func insert(_ alert: NotifierAlert, now: Int64) {
        let alert = received.receive(alert, now: now, resolveTimeout: resolveTimeout)
        inhibitor.observe(alert)
        for route in routes.match(alert.labels) {
            let groupLabels = route.groupLabels(of: alert.labels)
            let id = GroupID(routeID: route.id, fingerprint: LabelSetFingerprint(of: groupLabels))
            var group = groups[id] ?? AggregationGroup(route: route, labels: groupLabels, now: now)
            group.insert(alert, now: now)
            groups[id] = group
        }
    }

    /// The configured receiver called `name` (to find the integration settings of a notification).
    public func receiver(named name: String) -> ReceiverConfiguration? { receivers[name] }

    /// The earliest time a group is due to flush, or `nil` when there are no groups.
    public var nextDeadline: Int64? {
        groups.values.filter { !$0.isEmpty }.map(\.nextFlush).min()
    }

    /// Flushes every group due at `now` and returns the notifications to deliver, ordered by group key and
    /// integration. Empty groups are removed and expired log entries forgotten.
    public mutating func tick(now: Int64) -> [Notification] {
        var notifications: [Notification] = []
        let due = groups.sorted {
            $0.value.groupKey != $1.value.groupKey
                ? GoString.less($0.value.groupKey, $1.value.groupKey) : GoString.less($0.key.routeID, $1.key.routeID)
        }
        for (id, var group) in due {
            if let alerts = group.flush(now: now) {
                let produced = pipeline(group: group, alerts: alerts, now: now)
                if produced.isEmpty {
                    group.removeDelivered(alerts.filter { $0.isResolved(at: now) })
                    pendingFlushes[id] = nil
                } else {
                    pendingFlushes[id] = PendingFlush(
                        flushID: produced[0].flushID, alerts: alerts.filter { $0.isResolved(at: now) },
                        outstanding: Set(produced.map(\.integration)))
                }
                notifications += produced
            }
            groups[id] = group.isEmpty && pendingFlushes[id] == nil ? nil : group
        }
        notificationLog.collectGarbage(now: now)
        received.collectGarbage(now: now)
        inhibitor.collectGarbage(now: now)
        silences.collectGarbage(now: now)
        return notifications
    }

    /// Reports how delivering `notification` went. Success is written to the notification log; once every
    /// notification of a flush succeeded, the resolved alerts it carried leave their group.
    public mutating func recordDelivery(of notification: Notification, succeeded: Bool, now: Int64) {
        let id = GroupID(
            routeID: notification.routeID, fingerprint: LabelSetFingerprint(of: notification.groupLabels))
        if succeeded {
            notificationLog.log(
                NotificationLog.Key(
                    groupKey: notification.groupKey, receiver: notification.receiver,
                    integration: notification.integration),
                firing: notification.firing, resolved: notification.resolved,
                repeatInterval: groups[id]?.route.repeatInterval ?? 0, now: now)
        }
        guard var pending = pendingFlushes[id], pending.flushID == notification.flushID else { return }
        pending.outstanding.remove(notification.integration)
        pending.failed = pending.failed || !succeeded
        guard pending.outstanding.isEmpty else {
            pendingFlushes[id] = pending
            return
        }
        pendingFlushes[id] = nil
        guard var group = groups[id] else { return }
        if !pending.failed { group.removeDelivered(pending.alerts) }
        groups[id] = group
    }

    /// The notification pipeline for one flush: inhibition and silences, then per integration deduplication
    /// and `send_resolved` filtering. Integrations that need no message but a log entry are logged here.
    private mutating func pipeline(group: AggregationGroup, alerts: [NotifierAlert], now: Int64) -> [Notification] {
        let unmuted = alerts.filter {
            !inhibitor.isInhibited($0.labels, now: now) && !silences.isSilenced($0.labels, now: now)
        }
        guard !unmuted.isEmpty, let receiver = receivers[group.route.receiver] else { return [] }
        flushCount += 1
        let firingAlerts = unmuted.filter { !$0.isResolved(at: now) }
        let firing = Set(firingAlerts.map(\.fingerprint))
        let resolved = Set(unmuted.filter { $0.isResolved(at: now) }.map(\.fingerprint))
        var notifications: [Notification] = []
        for (integration, sendResolved) in receiver.integrations {
            let key = NotificationLog.Key(groupKey: group.groupKey, receiver: receiver.name, integration: integration)
            guard
                NotificationLog.needsUpdate(
                    entry: notificationLog.entry(for: key), firing: firing, resolved: resolved,
                    sendResolved: sendResolved, repeatInterval: group.route.repeatInterval, now: now)
            else { continue }
            if !sendResolved, firing.isEmpty {
                notificationLog.log(
                    key, firing: firing, resolved: resolved, repeatInterval: group.route.repeatInterval, now: now)
                continue
            }
            let sent = sendResolved ? unmuted : firingAlerts
            notifications.append(
                Notification(
                    receiver: receiver.name, integration: integration, routeID: group.route.id,
                    groupKey: group.groupKey, groupLabels: group.labels, alerts: sent,
                    status: sent.contains { !$0.isResolved(at: now) } ? .firing : .resolved,
                    flushedAt: now, firing: firing, resolved: resolved, flushID: flushCount))
        }
        return notifications
    }
}

extension ReceiverConfiguration {
    /// Every integration of the receiver with its `send_resolved`, in Alertmanager's build order.
    var integrations: [(Notification.Integration, Bool)] {
        webhookConfigs.enumerated().map {
            (Notification.Integration(kind: .webhook, index: $0.offset), $0.element.sendResolved)
        }
            + slackConfigs.enumerated().map {
                (Notification.Integration(kind: .slack, index: $0.offset), $0.element.sendResolved)
            }
            + pagerdutyConfigs.enumerated().map {
                (Notification.Integration(kind: .pagerduty, index: $0.offset), $0.element.sendResolved)
            }
            + emailConfigs.enumerated().map {
                (Notification.Integration(kind: .email, index: $0.offset), $0.element.sendResolved)
            }
    }
}
