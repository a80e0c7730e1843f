import PromText

/// The relabeling actions of Prometheus's `model/relabel`.
public enum RelabelAction: String, Sendable, Hashable, CaseIterable {
    /// Writes the expanded `replacement` to the expanded `target_label` when `regex` matches.
    case replace
    /// Keeps the label set only if `regex` matches the joined source values.
    case keep
    /// Drops the label set if `regex` matches the joined source values.
    case drop
    /// Keeps the label set only if `target_label`'s value equals the joined source values.
    case keepEqual = "keepequal"
    /// Drops the label set if `target_label`'s value equals the joined source values.
    case dropEqual = "dropequal"
    /// Sets `target_label` to the MD5 of the joined source values modulo `modulus`.
    case hashMod = "hashmod"
    /// Copies each label whose name matches `regex` to the name `replacement` expands to.
    case labelMap = "labelmap"
    /// Removes the labels whose names match `regex`.
    case labelDrop = "labeldrop"
    /// Removes the labels whose names do not match `regex`.
    case labelKeep = "labelkeep"
    /// Sets `target_label` to the joined source values in lower case.
    case lowercase
    /// Sets `target_label` to the joined source values in upper case.
    case uppercase
}

/// One entry of `relabel_configs`, `metric_relabel_configs` or `alert_relabel_configs`.
public struct RelabelConfiguration: Sendable, Hashable {
    /// The labels whose values are joined with ``separator``; `nil` when the field is absent.
    public var sourceLabels: [String]?
    /// Joins the source values; default `;`.
    public var separator: String
    /// Matched against the joined value (fully anchored); default `(.*)`.
    public var regex: AnchoredRegex
    /// Whether `regex` was written in the file (Prometheus treats an explicit `(.*)` differently from the
    /// default for `keepequal`/`dropequal` validation).
    public var regexIsDefault: Bool
    /// The modulus for `hashmod`.
    public var modulus: UInt64
    /// The label written by `replace`, `hashmod`, `lowercase`, `uppercase`, compared by `keepequal`/`dropequal`.
    public var targetLabel: String
    /// The replacement template; default `$1`.
    public var replacement: String
    /// The action; default `replace`.
    public var action: RelabelAction

    /// The default regex, `(.*)`.
    public static var defaultRegex: AnchoredRegex {
        do {
            return try AnchoredRegex("(.*)")
        } catch {
            preconditionFailure("(.*) always compiles: \(error)")
        }
    }

    /// Creates a configuration with Prometheus's defaults for every field not given.
    public init(
        sourceLabels: [String]? = nil, separator: String = ";", regex: AnchoredRegex? = nil, modulus: UInt64 = 0,
        targetLabel: String = "", replacement: String = "$1", action: RelabelAction = .replace
    ) {
        self.sourceLabels = sourceLabels
        self.separator = separator
        self.regex = regex ?? RelabelConfiguration.defaultRegex
        self.regexIsDefault = regex == nil
        self.modulus = modulus
        self.targetLabel = targetLabel
        self.replacement = replacement
        self.action = action
    }

    /// Decodes and validates one relabel configuration.
    public static func decode(
        _ node: YAMLNode, with decoder: YAMLDecoder, names: NameValidationScheme = .utf8
    ) throws(YAMLError) -> RelabelConfiguration {
        let fields = try decoder.fields(
            of: node, type: "relabel.Config",
            known: ["source_labels", "separator", "regex", "modulus", "target_label", "replacement", "action"])
        var config = RelabelConfiguration()
        if let value = fields["source_labels"] {
            config.sourceLabels = []
            for item in try decoder.sequence(value) {
                let name = try decoder.string(item)
                guard names.isValidLabelName(name) else {
                    throw decoder.error("\(GoString.quoted(name)) is not a valid label name", at: item.position)
                }
                config.sourceLabels?.append(name)
            }
        }
        if let value = fields["separator"] { config.separator = try decoder.string(value) }
        if let value = fields["regex"] {
            let pattern = try decoder.string(value)
            do {
                config.regex = try AnchoredRegex(pattern)
                config.regexIsDefault = false
            } catch {
                throw decoder.error(error.message, at: value.position)
            }
        }
        if let value = fields["modulus"] { config.modulus = try decoder.uint(value) }
        if let value = fields["target_label"] { config.targetLabel = try decoder.string(value) }
        if let value = fields["replacement"] { config.replacement = try decoder.string(value) }
        if let value = fields["action"] {
            let text = try decoder.string(value)
            guard let action = RelabelAction(rawValue: text.lowercased()) else {
                throw decoder.error("unknown relabel action \(GoString.quoted(text))", at: value.position)
            }
            config.action = action
        }
        if let message = config.validationError(names: names) {
            throw decoder.error(message, at: node.position)
        }
        return config
    }

    /// Prometheus's check of a relabel configuration (`relabel.Config.Validate`), or `nil` when it is valid.
    public func validationError(names: NameValidationScheme = .utf8) -> String? {
        let action = action.rawValue
        let usesTemplate = targetLabel.contains("$")
        if self.action == .hashMod && modulus == 0 {
            return "relabel configuration for hashmod requires non-zero modulus"
        }
        let needsTarget: Set<RelabelAction> = [.replace, .hashMod, .lowercase, .uppercase, .keepEqual, .dropEqual]
        if needsTarget.contains(self.action) && targetLabel.isEmpty {
            return "relabel configuration for \(action) action requires 'target_label' value"
        }
        let invalidTarget = "\(GoString.quoted(targetLabel)) is invalid 'target_label' for \(action) action"
        switch self.action {
        case .replace:
            if !usesTemplate && !names.isValidLabelName(targetLabel) { return invalidTarget }
            if usesTemplate && !RelabelConfiguration.isValidTemplatedName(targetLabel, names: names) {
                return invalidTarget
            }
        case .lowercase, .uppercase, .keepEqual, .dropEqual:
            if !names.isValidLabelName(targetLabel) { return invalidTarget }
            if replacement != "$1" { return "'replacement' can not be set for \(action) action" }
        case .labelMap:
            if !RelabelConfiguration.isValidTemplatedName(replacement, names: names) {
                return "\(GoString.quoted(replacement)) is invalid 'replacement' for \(action) action"
            }
        case .hashMod:
            if !names.isValidLabelName(targetLabel) { return invalidTarget }
        default:
            break
        }
        switch self.action {
        case .keepEqual, .dropEqual:
            if !regexIsDefault || modulus != 0 || separator != ";" || replacement != "$1" {
                return "\(action) action requires only 'source_labels' and `target_label`, and no other fields"
            }
        case .labelDrop, .labelKeep:
            if sourceLabels != nil || !targetLabel.isEmpty || modulus != 0 || separator != ";" || replacement != "$1" {
                return "\(action) action requires only 'regex', and no other fields"
            }
        default:
            break
        }
        return nil
    }

    /// Legacy names with `$` references must match `^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$`: a letter, `_`
    /// or reference first, then word characters and references (`${1}x`, `a_$name`); UTF-8 names may contain
    /// anything.
    private static func isValidTemplatedName(_ name: String, names: NameValidationScheme) -> Bool {
        if names == .utf8 { return true }
        let bytes = Array(name.utf8)
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let isWord: (UInt8) -> Bool = {
            isDigit($0) || $0 == UInt8(ascii: "_") || ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z"))
        }
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$") {
                let braced = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "{")
                var end = index + (braced ? 2 : 1)
                let start = end
                while end < bytes.count && isWord(bytes[end]) { end += 1 }
                guard end > start else { return false }
                if braced {
                    guard end < bytes.count && bytes[end] == UInt8(ascii: "}") else { return false }
                    end += 1
                }
                index = end
            } else if isWord(bytes[index]) && (index > 0 || !isDigit(bytes[index])) {
                index += 1
            } else {
                return false
            }
        }
        return !bytes.isEmpty
    }
}
