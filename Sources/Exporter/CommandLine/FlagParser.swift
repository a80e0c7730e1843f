/// Parses Prometheus-style (kingpin) command lines: `--name=value`, `--name value`, `--flag` / `--no-flag` for
/// booleans, `--` ending flags; anything else is positional.
public struct FlagParser: Sendable {
    /// The declared flags.
    public var specs: [FlagSpec]

    /// Creates a parser for `specs`.
    public init(_ specs: [FlagSpec]) {
        self.specs = specs
    }

    /// Parses `arguments` (without the program name).
    public func parse(_ arguments: [String]) throws(FlagError) -> ParsedFlags {
        let byName = Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var values: [String: String] = [:]
        for spec in specs { values[spec.name] = spec.defaultValue }
        var allValues: [String: [String]] = [:]
        var explicit: Set<String> = []
        var positional: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument != "--" else {
                if argument == "--" {
                    positional += arguments[index...]
                    break
                }
                positional.append(argument)
                continue
            }
            let body = argument.dropFirst(2)
            let name = String(body.prefix(while: { $0 != "=" }))
            let inlineValue = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
            if let spec = byName[name] {
                let value: String
                switch spec.kind {
                case .boolean:
                    guard inlineValue == nil || inlineValue == "true" || inlineValue == "false" else {
                        throw FlagError("invalid boolean value '\(inlineValue ?? "")' for flag '--\(name)'")
                    }
                    value = inlineValue ?? "true"
                case .value, .repeated:
                    if let inlineValue {
                        value = inlineValue
                    } else if index < arguments.endIndex {
                        value = arguments[index]
                        index += 1
                    } else {
                        throw FlagError("expected argument for flag '--\(name)'")
                    }
                }
                values[name] = value
                explicit.insert(name)
                if spec.kind == .repeated { allValues[name, default: []].append(value) }
            } else if name.hasPrefix("no-"), let spec = byName[String(name.dropFirst(3))], spec.kind == .boolean,
                inlineValue == nil
            {
                values[spec.name] = "false"
                explicit.insert(spec.name)
            } else {
                throw FlagError("unknown long flag '--\(name)'")
            }
        }
        return ParsedFlags(values: values, allValues: allValues, explicit: explicit, positional: positional)
    }

    /// The `--help` text: a usage line, then one line per flag with its default.
    public func usage(program: String, summary: String) -> String {
        var lines = ["usage: \(program) [<flags>]", "", summary, "", "Flags:"]
        for spec in specs {
            let form = spec.kind == .boolean ? "--[no-]\(spec.name)" : "--\(spec.name)=VALUE"
            let shownDefault = spec.defaultValue.map { " (default: \($0))" } ?? ""
            lines.append("  \(form)")
            lines.append("      \(spec.help)\(shownDefault)")
        }
        return lines.joined(separator: "\n")
    }
}
