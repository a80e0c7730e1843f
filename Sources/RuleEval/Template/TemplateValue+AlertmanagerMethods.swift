extension TemplateValue {
    /// The methods of Alertmanager's `template.KV` (`template/template.go`).
    static func keyValuesMethod(_ name: String, _ map: [String: String]) -> TemplateFunction? {
        switch name {
        case "SortedPairs": constant(.list(sortedPairs(map)))
        case "Names": constant(.list(.strings(sortedNames(map))))
        case "Values": constant(.list(.strings(sortedNames(map).map { map[$0] ?? "" })))
        case "Remove":
            TemplateFunction([.stringSlice]) { arguments, _ in
                guard case .list(let keys) = arguments[0], let removed = keys.stringElements else {
                    return .keyValues(map)
                }
                return .keyValues(map.filter { !removed.contains($0.key) })
            }
        default: nil
        }
    }

    /// The methods of Alertmanager's `template.Pairs` (`Names`, `Values`) and `template.Alerts` (`Firing`,
    /// `Resolved`); other slices have none.
    static func listMethod(_ name: String, _ list: TemplateList) -> TemplateFunction? {
        switch (list.goTypeName, name) {
        case ("template.Pairs", "Names"): constant(.list(.strings(list.elements.map { $0.pairField("Name") })))
        case ("template.Pairs", "Values"): constant(.list(.strings(list.elements.map { $0.pairField("Value") })))
        case ("template.Alerts", "Firing"): constant(.list(alerts(list, status: "firing")))
        case ("template.Alerts", "Resolved"): constant(.list(alerts(list, status: "resolved")))
        default: nil
        }
    }

    /// What the `String` method of `template.KV` and `template.Pairs` returns (`name=value, name=value`), which
    /// `fmt` prints for them; `nil` for values without such a method.
    var alertmanagerStringerText: String? {
        let pairs: [TemplateValue]
        switch self {
        case .keyValues(let map): pairs = Self.sortedPairs(map).elements
        case .list(let list) where list.goTypeName == "template.Pairs": pairs = list.elements
        default: return nil
        }
        return pairs.map { $0.pairField("Name") + "=" + $0.pairField("Value") }.joined(separator: ", ")
    }

    /// `KV.SortedPairs`: `alertname` first, the other names in byte order.
    private static func sortedPairs(_ map: [String: String]) -> TemplateList {
        let pairs = sortedNames(map).map { name in
            TemplateValue.object(
                TemplateObject(
                    goTypeName: "template.Pair",
                    fields: [("Name", .string(name)), ("Value", .string(map[name] ?? ""))]))
        }
        return TemplateList(goTypeName: "template.Pairs", elements: pairs)
    }

    private static func sortedNames(_ map: [String: String]) -> [String] {
        let others = map.keys.filter { $0 != "alertname" }.sorted(by: goStringLess)
        return map["alertname"] == nil ? others : ["alertname"] + others
    }

    private static func alerts(_ list: TemplateList, status: String) -> TemplateList {
        let matching = list.elements.filter { element in
            guard case .object(let alert) = element else { return false }
            return alert.field("Status")?.stringKindValue == status
        }
        return TemplateList(goTypeName: "[]template.Alert", elements: matching)
    }

    private func pairField(_ name: String) -> String {
        guard case .object(let pair) = self else { return "" }
        return pair.field(name)?.stringKindValue ?? ""
    }
}
