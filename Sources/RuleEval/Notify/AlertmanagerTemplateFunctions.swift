/// The functions Alertmanager's notification templates can call: Go's builtins plus `template.DefaultFuncs`
/// (`template/template.go`), which differ from Prometheus's set (no `query` or `humanize`; `title` lowercases
/// the rest of each word as `cases.Title` does; `join`, `stringSlice`, `trimSpace`, `date`, `tz`, `since`).
enum AlertmanagerTemplateFunctions {
    /// The complete set, Go's builtins included.
    static let all: [String: TemplateFunction] = {
        var functions = GoBuiltinFunctions.all
        for name in ["toUpper", "toLower", "match", "safeHtml", "reReplaceAll", "humanizeDuration"] {
            functions[name] = PrometheusTemplateFunctions.all[name]
        }
        functions["title"] = PrometheusTemplateFunctions.stringFunction { GoStrings.title(GoStrings.lowercased($0)) }
        functions["trimSpace"] = PrometheusTemplateFunctions.stringFunction(trimmingSpace)
        functions["join"] = TemplateFunction([.string, .stringSlice]) { arguments, _ in
            guard case .list(let list) = arguments[1], let strings = list.stringElements else { return .string("") }
            return .string(strings.joined(separator: arguments[0].stringKindValue ?? ""))
        }
        functions["stringSlice"] = TemplateFunction([], variadic: .string) { arguments, _ in
            .list(.strings(arguments.map { $0.stringKindValue ?? "" }))
        }
        functions["date"] = TemplateFunction([.string, .time]) { arguments, _ in
            guard case .time(let milliseconds) = arguments[1] else { return .string("") }
            return .string(GoTime.format(unixMilliseconds: milliseconds, layout: arguments[0].stringKindValue ?? ""))
        }
        functions["tz"] = TemplateFunction([.string, .time]) { arguments, _ throws(TemplateFunctionError) in
            // Tocsin has no time zone database: only the zones that need none are known.
            let name = arguments[0].stringKindValue ?? ""
            guard ["", "UTC", "Local"].contains(name) else { throw TemplateFunctionError("unknown time zone \(name)") }
            return arguments[1]
        }
        functions["since"] = TemplateFunction([.time]) { arguments, environment in
            guard case .time(let milliseconds) = arguments[0] else { return .missing }
            let now = Int64((environment.evaluationTime * 1000).rounded(.down))
            return .duration(nanoseconds: (now &- milliseconds) &* 1_000_000)
        }
        return functions
    }()

    /// Go's `strings.TrimSpace`: Unicode white space removed from both ends.
    static func trimmingSpace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
