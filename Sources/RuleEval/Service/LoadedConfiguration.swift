import PromText

/// A `prometheus.yml` and every rule file it names, loaded and validated together: a reload either takes all of
/// it or none.
public struct LoadedConfiguration: Sendable {
    /// One rule group ready to run.
    public struct Group: Sendable {
        /// The rule file it came from.
        public var file: String
        /// The group as written, with the global `rule_query_offset` filled in where the group sets none.
        public var definition: RuleFile.Group
        /// The evaluation interval in milliseconds (the group's, else the global one).
        public var interval: Int64

        /// The group's identity across reloads, `file;name` as Prometheus's `GroupKey`.
        public var key: String { "\(file);\(definition.name)" }
    }

    /// The main configuration.
    public var prometheus: PrometheusConfiguration
    /// Every rule group of every rule file, in file order.
    public var groups: [Group]
    /// The direct-dispatch configuration (`--notifier.config.file`), `nil` when there is none.
    public var notifier: NotifyConfiguration?

    /// Loads the configuration at `path`, its rule files and, when given, the Alertmanager-format file at
    /// `notifierPath`.
    ///
    /// - Throws: ``ConfigurationLoadError`` naming the file, line and column of the first problem.
    public static func load(
        fileAt path: String, notifierFileAt notifierPath: String? = nil
    ) throws(ConfigurationLoadError) -> LoadedConfiguration {
        let prometheus: PrometheusConfiguration
        do {
            prometheus = try PrometheusConfiguration.load(fileAt: path)
        } catch {
            throw ConfigurationLoadError(message: "\(error)")
        }
        var groups: [Group] = []
        for file in prometheus.resolvedRuleFiles() {
            let rules: RuleFile
            do {
                rules = try RuleFile.load(fileAt: file, checks: .promtool)
            } catch {
                throw ConfigurationLoadError(message: "\(error)")
            }
            for var group in rules.groups {
                group.queryOffset = group.queryOffset ?? prometheus.global.ruleQueryOffset
                let interval = (group.interval ?? prometheus.global.evaluationInterval).milliseconds
                groups.append(Group(file: file, definition: group, interval: interval))
            }
        }
        var notifier: NotifyConfiguration?
        if let notifierPath {
            do {
                notifier = try NotifyConfiguration.load(fileAt: notifierPath)
            } catch {
                throw ConfigurationLoadError(message: "\(error)")
            }
        }
        return LoadedConfiguration(prometheus: prometheus, groups: groups, notifier: notifier)
    }
}

/// Why a configuration could not be loaded: the parser's `file:line:col: message` lines.
public struct ConfigurationLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message, already naming file, line and column.
    public var message: String
    /// The message.
    public var description: String { message }
}
