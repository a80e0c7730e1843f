import Exporter
import Glibc
import PromText

extension PrometheusAPI {
    /// `/api/v1/targets`: the scrape targets grouped by scrape pool (job, sorted), with the outcome of each last
    /// scrape; `state` (`active`, `dropped`, `any`) and `scrapePool` filter. Relabeling drops are not tracked, so
    /// `droppedTargets` is always empty.
    func targets(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> APIResult {
        let state = (parameters.urlQuery["state"] ?? "").lowercased()
        let showActive = ["", "any", "active"].contains(state)
        let showDropped = ["", "any", "dropped"].contains(state)
        let pool = parameters.urlQuery["scrapePool"] ?? ""
        let statuses = source.targets().enumerated()
            .filter { pool.isEmpty || $0.element.jobName == pool }
            .sorted { ($0.element.jobName, $0.offset) < ($1.element.jobName, $1.offset) }
            .map(\.element)
        return APIResult { writer in
            writer.object { data in
                data.key("activeTargets")
                data.array(showActive ? statuses : []) { element, status in
                    Self.writeTarget(status, globalURL: globalURLOptions(), to: &element)
                }
                data.key("droppedTargets")
                data.raw("[]")
                data.key("droppedTargetCounts")
                if showDropped {
                    data.object { counts in
                        for job in Set(statuses.map(\.jobName)).sorted(by: GoString.less) {
                            counts.key(job)
                            counts.integer(0)
                        }
                    }
                } else {
                    data.raw("null")
                }
            }
        }
    }

    /// `/api/v1/rules`: the rule groups with their rules' last evaluation and active alerts. Filters: `type`
    /// (`alert` or `record`), `rule_name[]`, `rule_group[]`, `file[]`, `match[]` (on the rules' labels) and
    /// `exclude_alerts` (which writes `"alerts":null`, as Prometheus does); groups left without rules are omitted.
    func rules(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> APIResult {
        let type = (parameters.urlQuery["type"] ?? "").lowercased()
        guard ["", "alert", "record"].contains(type) else {
            throw .invalidParameter("type", "not supported value \(GoString.quoted(type))")
        }
        let excludeAlerts = try Self.excludeAlerts(parameters.urlQuery["exclude_alerts"] ?? "")
        let matcherSets: [[LabelMatcher]]
        do {
            matcherSets = try parameters.matcherSets()
        } catch {
            throw .invalidParameter("match[]", error.message)
        }
        let ruleNames = Set(parameters.values.values(for: "rule_name[]"))
        let groupNames = Set(parameters.values.values(for: "rule_group[]"))
        let files = Set(parameters.values.values(for: "file[]"))
        let groups: [RuleGroupStatus] = source.ruleGroups().compactMap { group in
            guard groupNames.isEmpty || groupNames.contains(group.name), files.isEmpty || files.contains(group.file)
            else { return nil }
            var kept = group
            kept.rules = group.rules.filter { rule in
                (ruleNames.isEmpty || ruleNames.contains(rule.name))
                    && (matcherSets.isEmpty
                        || matcherSets.contains { set in set.allSatisfy { $0.matches(rule.labels[$0.name] ?? "") } })
                    && (type.isEmpty || (type == "alert") == (rule.kind == .alerting))
            }
            return kept.rules.isEmpty ? nil : kept
        }
        return APIResult { writer in
            writer.object { data in
                data.key("groups")
                data.array(groups) { element, group in
                    Self.writeGroup(group, excludeAlerts: excludeAlerts, to: &element)
                }
            }
        }
    }

    /// `/api/v1/alerts`: the pending and firing alerts of every alerting rule.
    func alerts(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> APIResult {
        let alerts = source.ruleGroups().flatMap(\.rules).flatMap(\.alerts)
        return APIResult { writer in
            writer.object { data in
                data.key("alerts")
                data.array(alerts) { Self.writeAlert($1, to: &$0) }
            }
        }
    }

    /// `/api/v1/status/buildinfo`: Tocsin's version in Prometheus's build-information shape.
    func buildInfo(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> APIResult {
        APIResult { writer in
            writer.object { data in
                for (name, value) in [
                    ("version", BuildInfo.version), ("revision", ""), ("branch", ""), ("buildUser", ""),
                    ("buildDate", ""), ("goVersion", "swift" + BuildInfo.swiftVersion),
                ] {
                    data.key(name)
                    data.string(value)
                }
            }
        }
    }

    /// `/api/v1/status/runtimeinfo`: the start time and working directory in Prometheus's runtime-information
    /// shape; Go-runtime fields are zero or empty.
    func runtimeInfo(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> APIResult {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let directory =
            getcwd(&buffer, buffer.count) != nil
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        return APIResult { writer in
            writer.object { data in
                data.key("startTime")
                data.time(source.startTime)
                data.key("CWD")
                data.string(directory)
                data.key("reloadConfigSuccess")
                data.raw("true")
                data.key("lastConfigTime")
                data.time(source.startTime)
                for name in ["corruptionCount", "goroutineCount", "GOMAXPROCS", "GOMEMLIMIT"] {
                    data.key(name)
                    data.integer(0)
                }
                for name in ["GOGC", "GODEBUG", "storageRetention"] {
                    data.key(name)
                    data.string("")
                }
            }
        }
    }

    /// `/api/v1/status/flags`: the flags given at construction.
    func statusFlags(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> APIResult {
        APIResult { $0.stringMap(flags) }
    }

    private static func writeTarget(
        _ status: ScrapeTargetStatus, globalURL: GlobalURLOptions?, to writer: inout APIJSONWriter
    ) {
        writer.object { target in
            target.key("discoveredLabels")
            target.labels(status.target.discoveredLabels)
            target.key("labels")
            target.labels(status.target.labels)
            target.key("scrapePool")
            target.string(status.jobName)
            target.key("scrapeUrl")
            target.string(status.target.url)
            target.key("globalUrl")
            target.string(globalURL?.globalURL(of: status.target.url) ?? status.target.url)
            target.key("lastError")
            target.string(status.lastError)
            target.key("lastScrape")
            target.time(status.lastScrape == 0 ? nil : status.lastScrape)
            target.key("lastScrapeDuration")
            target.number(seconds(status.lastScrapeDuration))
            target.key("health")
            target.string(status.health.rawValue)
            target.key("scrapeInterval")
            target.string(status.target.interval.description)
            target.key("scrapeTimeout")
            target.string(status.target.timeout.description)
        }
    }

    private static func writeGroup(_ group: RuleGroupStatus, excludeAlerts: Bool, to writer: inout APIJSONWriter) {
        writer.object { object in
            object.key("name")
            object.string(group.name)
            object.key("file")
            object.string(group.file)
            object.key("rules")
            object.array(group.rules) { element, rule in
                writeRule(rule, excludeAlerts: excludeAlerts, to: &element)
            }
            object.key("interval")
            object.number(Double(group.interval) / 1000)
            object.key("limit")
            object.integer(Int64(group.limit))
            object.key("evaluationTime")
            object.number(seconds(group.evaluationDuration))
            object.key("lastEvaluation")
            object.time(group.lastEvaluation)
        }
    }

    private static func writeRule(_ rule: RuleStatus, excludeAlerts: Bool, to writer: inout APIJSONWriter) {
        let query = (try? PromQLParser.parse(rule.query).description) ?? rule.query
        writer.object { object in
            if rule.kind == .alerting {
                object.key("state")
                object.string(rule.state.rawValue)
            }
            object.key("name")
            object.string(rule.name)
            object.key("query")
            object.string(query)
            if rule.kind == .alerting {
                object.key("duration")
                object.number(Double(rule.holdDuration) / 1000)
                object.key("keepFiringFor")
                object.number(Double(rule.keepFiringFor) / 1000)
                object.key("labels")
                object.labels(rule.labels)
                object.key("annotations")
                object.labels(rule.annotations)
                object.key("alerts")
                if excludeAlerts {
                    object.raw("null")
                } else {
                    object.array(rule.alerts) { writeAlert($1, to: &$0) }
                }
            } else if !rule.labels.isEmpty {
                object.key("labels")
                object.labels(rule.labels)
            }
            object.key("health")
            object.string(rule.health.rawValue)
            if !rule.lastError.isEmpty {
                object.key("lastError")
                object.string(rule.lastError)
            }
            object.key("evaluationTime")
            object.number(seconds(rule.evaluationDuration))
            object.key("lastEvaluation")
            object.time(rule.lastEvaluation)
            object.key("type")
            object.string(rule.kind.rawValue)
        }
    }

    /// One alert as `rulesAlertsToAPIAlerts` shows it; the value is Go's `%e` shortest form (`1e+00`).
    private static func writeAlert(_ alert: Alert, to writer: inout APIJSONWriter) {
        writer.object { object in
            object.key("labels")
            object.labels(alert.labels)
            object.key("annotations")
            object.labels(alert.annotations)
            object.key("state")
            object.string(alert.state.rawValue)
            object.key("activeAt")
            object.time(alert.activeAt)
            if let keepFiringSince = alert.keepFiringSince {
                object.key("keepFiringSince")
                object.time(keepFiringSince)
            }
            object.key("value")
            object.string(GoFloat.shortest(alert.value, verb: UInt8(ascii: "e")))
        }
    }

    /// Prometheus's `parseExcludeAlerts`: Go's `strconv.ParseBool` of the lower-cased value, absent meaning
    /// `false`.
    private static func excludeAlerts(_ text: String) throws(PrometheusAPIError) -> Bool {
        let value = text.lowercased()
        switch value {
        case "", "0", "f", "false": return false
        case "1", "t", "true": return true
        default:
            throw .invalidParameter(
                "exclude_alerts",
                "error converting exclude_alerts: strconv.ParseBool: parsing \(GoString.quoted(value)): invalid syntax")
        }
    }

    /// A duration in seconds, as Go's `Duration.Seconds()`.
    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
