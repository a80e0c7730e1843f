import PromText

extension SavedAlertState {
    /// The version written in the file; a file with another version is rejected rather than misread.
    static let formatVersion = 1

    /// The JSON document `alerts.json` holds: groups ordered by key, times as integer milliseconds since the epoch,
    /// absent optional times omitted, sample values as text so NaN and infinities survive.
    ///
    /// ```json
    /// {"version":1,"groups":[{"file":"rules.yml","name":"node","rules":[{"alert":"Down","expr":"up == 0",
    ///  "ordinal":0,"stateTime":1700000060000,"alerts":[{"labels":{"alertname":"Down"},"annotations":{},
    ///  "state":"firing","value":"0","activeAt":1700000000000,"firedAt":1700000060000}]}]}]}
    /// ```
    public var encoded: [UInt8] {
        let groupValues = groups.sorted { $0.key < $1.key }.map { key, group in
            JSONValue.object([
                ("file", .string(key.file)), ("name", .string(key.name)),
                ("rules", .array(group.rules.map(Self.json))),
            ])
        }
        return JSONValue.object([("version", .number(Double(Self.formatVersion))), ("groups", .array(groupValues))])
            .encoded
    }

    /// Reads a document written by ``encoded``; the error says which part is wrong.
    public static func decode(_ bytes: [UInt8]) throws(SavedAlertStateDecodingError) -> SavedAlertState {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw SavedAlertStateDecodingError("invalid JSON: \(error)")
        }
        var reader = Reader(path: "document")
        guard try reader.integer(document, "version") == Int64(formatVersion) else {
            throw SavedAlertStateDecodingError("unsupported version (expected \(formatVersion))")
        }
        var groups: [RuleGroupKey: SavedRuleGroup] = [:]
        for (groupIndex, groupValue) in try reader.array(document, "groups").enumerated() {
            reader.path = "group \(groupIndex)"
            let key = RuleGroupKey(
                file: try reader.string(groupValue, "file"), name: try reader.string(groupValue, "name"))
            var rules: [SavedAlertingRule] = []
            for (ruleIndex, ruleValue) in try reader.array(groupValue, "rules").enumerated() {
                reader.path = "group \(groupIndex) rule \(ruleIndex)"
                let name = try reader.string(ruleValue, "alert")
                let query = try reader.string(ruleValue, "expr")
                let ordinal = try reader.integer(ruleValue, "ordinal")
                let stateTime = try reader.integer(ruleValue, "stateTime")
                var alerts: [Alert] = []
                for (alertIndex, alertValue) in try reader.array(ruleValue, "alerts").enumerated() {
                    reader.path = "group \(groupIndex) rule \(ruleIndex) alert \(alertIndex)"
                    alerts.append(try reader.alert(alertValue))
                }
                rules.append(
                    SavedAlertingRule(
                        name: name, query: query, ordinal: Int(ordinal), stateTime: stateTime, alerts: alerts))
            }
            groups[key] = SavedRuleGroup(rules: rules)
        }
        return SavedAlertState(groups: groups)
    }

    private static func json(_ rule: SavedAlertingRule) -> JSONValue {
        .object([
            ("alert", .string(rule.name)), ("expr", .string(rule.query)), ("ordinal", .number(Double(rule.ordinal))),
            ("stateTime", .number(Double(rule.stateTime))), ("alerts", .array(rule.alerts.map(json))),
        ])
    }

    private static func json(_ alert: Alert) -> JSONValue {
        func labels(_ labels: Labels) -> JSONValue {
            .object(labels.sorted().map { ($0.name, JSONValue.string($0.value)) })
        }
        var members: [(String, JSONValue)] = [
            ("labels", labels(alert.labels)), ("annotations", labels(alert.annotations)),
            ("state", .string(alert.state.rawValue)), ("value", .string(String(alert.value))),
            ("activeAt", .number(Double(alert.activeAt))),
        ]
        let optionalTimes: [(String, Int64?)] = [
            ("firedAt", alert.firedAt), ("resolvedAt", alert.resolvedAt), ("keepFiringSince", alert.keepFiringSince),
            ("lastSentAt", alert.lastSentAt), ("validUntil", alert.validUntil),
        ]
        for case (let name, let time?) in optionalTimes {
            members.append((name, .number(Double(time))))
        }
        return .object(members)
    }

    /// Typed access to the document's members, naming the part being read in its errors.
    private struct Reader {
        var path: String

        func member(_ value: JSONValue, _ name: String) throws(SavedAlertStateDecodingError) -> JSONValue {
            guard let member = value[name] else { throw SavedAlertStateDecodingError("\(path): missing \(name)") }
            return member
        }

        func string(_ value: JSONValue, _ name: String) throws(SavedAlertStateDecodingError) -> String {
            guard let text = try member(value, name).stringValue else {
                throw SavedAlertStateDecodingError("\(path): \(name) is not a string")
            }
            return text
        }

        func integer(_ value: JSONValue, _ name: String) throws(SavedAlertStateDecodingError) -> Int64 {
            guard case .number(let number) = try member(value, name), let integer = Int64(exactly: number) else {
                throw SavedAlertStateDecodingError("\(path): \(name) is not an integer")
            }
            return integer
        }

        func array(_ value: JSONValue, _ name: String) throws(SavedAlertStateDecodingError) -> [JSONValue] {
            guard case .array(let elements) = try member(value, name) else {
                throw SavedAlertStateDecodingError("\(path): \(name) is not an array")
            }
            return elements
        }

        func labels(_ value: JSONValue, _ name: String) throws(SavedAlertStateDecodingError) -> Labels {
            guard case .object(let members) = try member(value, name) else {
                throw SavedAlertStateDecodingError("\(path): \(name) is not an object")
            }
            var labels = Labels()
            for (labelName, labelValue) in members {
                guard let text = labelValue.stringValue else {
                    throw SavedAlertStateDecodingError("\(path): \(name).\(labelName) is not a string")
                }
                labels.append(Label(labelName, text))
            }
            return labels.sorted()
        }

        func optionalInteger(_ value: JSONValue, _ name: String) throws(SavedAlertStateDecodingError) -> Int64? {
            value[name] == nil ? nil : try integer(value, name)
        }

        func alert(_ value: JSONValue) throws(SavedAlertStateDecodingError) -> Alert {
            guard let state = AlertState(rawValue: try string(value, "state")) else {
                throw SavedAlertStateDecodingError("\(path): state is not inactive, pending or firing")
            }
            guard let sampleValue = Double(try string(value, "value")) else {
                throw SavedAlertStateDecodingError("\(path): value is not a number")
            }
            var alert = Alert(
                labels: try labels(value, "labels"), annotations: try labels(value, "annotations"), value: sampleValue,
                activeAt: try integer(value, "activeAt"))
            alert.state = state
            alert.firedAt = try optionalInteger(value, "firedAt")
            alert.resolvedAt = try optionalInteger(value, "resolvedAt")
            alert.keepFiringSince = try optionalInteger(value, "keepFiringSince")
            alert.lastSentAt = try optionalInteger(value, "lastSentAt")
            alert.validUntil = try optionalInteger(value, "validUntil")
            return alert
        }
    }
}
