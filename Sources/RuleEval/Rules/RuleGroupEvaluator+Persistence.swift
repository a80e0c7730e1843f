extension RuleGroupEvaluator {
    /// The group's alert state to persist: every alerting rule that has alerts, in file order. Cheap enough to
    /// take after every evaluation.
    public var savedAlerts: SavedRuleGroup {
        SavedRuleGroup(
            rules: alertingRuleIdentities.compactMap { index, ordinal in
                let table = rules[index].alerts
                guard let stateTime = table.stateTime, !table.alerts.isEmpty else { return nil }
                return SavedAlertingRule(
                    name: rules[index].rule.alert, query: rules[index].rule.expr, ordinal: ordinal,
                    stateTime: stateTime,
                    alerts: table.alerts.values.sorted { $0.labels.pairs.lexicographicallyPrecedes($1.labels.pairs) })
            })
    }

    /// Restores the alerts saved for this group under `groupKey`, following ``AlertRestorePolicy``; call it once,
    /// before the group's first evaluation. Rules whose name or query changed, and groups not in `saved`, start
    /// empty. Returns how many alerts were restored.
    ///
    /// - Parameters:
    ///   - saved: what ``AlertStateFile/load()`` returned (``SavedAlertState/empty`` when it failed).
    ///   - groupKey: the group's rule file and name.
    ///   - now: the restore time, in milliseconds since the epoch.
    ///   - outageTolerance: `--rules.alert.for-outage-tolerance`, in milliseconds.
    ///   - gracePeriod: `--rules.alert.for-grace-period`, in milliseconds.
    @discardableResult
    public mutating func restore(
        from saved: SavedAlertState,
        groupKey: RuleGroupKey,
        now: Int64,
        outageTolerance: Int64 = AlertRestorePolicy.defaultOutageTolerance,
        gracePeriod: Int64 = AlertRestorePolicy.defaultGracePeriod
    ) -> Int {
        guard let group = saved.groups[groupKey] else { return 0 }
        let policy = AlertRestorePolicy(outageTolerance: outageTolerance, gracePeriod: gracePeriod)
        var restoredCount = 0
        for (index, ordinal) in alertingRuleIdentities {
            let rule = rules[index].rule
            guard
                let savedRule = group.rules.first(where: {
                    $0.name == rule.alert && $0.query == rule.expr && $0.ordinal == ordinal
                })
            else { continue }
            let restored = savedRule.alerts.compactMap {
                policy.restored(
                    $0, savedAt: savedRule.stateTime, now: now, holdDuration: rules[index].alerts.holdDuration)
            }
            rules[index].alerts.restore(restored, at: now)
            restoredCount += restored.count
        }
        return restoredCount
    }

    /// The index of each alerting rule with the number of earlier alerting rules sharing its name and query.
    private var alertingRuleIdentities: [(index: Int, ordinal: Int)] {
        var seen: [String: Int] = [:]
        return rules.indices.compactMap { index in
            let rule = rules[index].rule
            guard !rule.alert.isEmpty else { return nil }
            let identity = rule.alert + "\u{0}" + rule.expr
            let ordinal = seen[identity, default: 0]
            seen[identity] = ordinal + 1
            return (index, ordinal)
        }
    }
}
