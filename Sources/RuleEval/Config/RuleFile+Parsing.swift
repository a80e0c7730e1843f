import PromText

/// Everything wrong with a rule file: one decoding error, or every validation error (as promtool lists them).
public struct RuleFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The errors in file order.
    public var errors: [YAMLError]

    /// Creates the error from its parts.
    public init(errors: [YAMLError]) {
        self.errors = errors
    }

    /// One error per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

extension RuleFile {
    /// Parses and validates rule file text.
    ///
    /// Decoding stops at the first malformed or mistyped value; the semantic checks of Prometheus's
    /// `rulefmt` then run on every group and rule and all their errors are reported together.
    ///
    /// - Parameter checks: the PromQL and template parsers to validate expressions and alert templates with.
    public static func parse(
        _ bytes: some Collection<UInt8>, fileName: String, names: NameValidationScheme = .utf8,
        checks: RuleChecks = .none
    ) throws(RuleFileError) -> RuleFile {
        let decoder = YAMLDecoder(fileName: fileName)
        let file: RuleFile
        do {
            file = try decode(try YAMLParser.parse(bytes, fileName: fileName), with: decoder)
        } catch {
            throw RuleFileError(errors: [error])
        }
        let errors = file.validationErrors(names: names, checks: checks, decoder: decoder)
        if !errors.isEmpty { throw RuleFileError(errors: errors) }
        return file
    }

    private static func decode(_ root: YAMLNode, with decoder: YAMLDecoder) throws(YAMLError) -> RuleFile {
        let fields = try decoder.fields(of: root, type: "rulefmt.RuleGroups", known: ["groups"])
        var file = RuleFile()
        // A null list entry (`-` alone) decodes to nothing, as promtool 2.42 skips it.
        for node in try fields["groups"].map(decoder.sequence) ?? [] where !node.isNull {
            file.groups.append(try decodeGroup(node, with: decoder))
        }
        return file
    }

    private static func decodeGroup(_ node: YAMLNode, with decoder: YAMLDecoder) throws(YAMLError) -> Group {
        let fields = try decoder.fields(
            of: node, type: "rulefmt.RuleGroup",
            known: ["name", "interval", "query_offset", "limit", "rules", "labels"])
        var group = Group(name: "", position: node.position)
        if let value = fields["name"] { group.name = try decoder.string(value) }
        if let value = fields["interval"] { group.interval = try decoder.duration(value) }
        if let value = fields["query_offset"] { group.queryOffset = try decoder.duration(value) }
        if let value = fields["limit"] { group.limit = try decoder.int(value) }
        if let value = fields["labels"] { group.labels = try decoder.stringMap(value) }
        for rule in try fields["rules"].map(decoder.sequence) ?? [] where !rule.isNull {
            group.rules.append(try decodeRule(rule, with: decoder))
        }
        return group
    }

    private static func decodeRule(_ node: YAMLNode, with decoder: YAMLDecoder) throws(YAMLError) -> Rule {
        let fields = try decoder.fields(
            of: node, type: "rulefmt.Rule",
            known: ["record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"])
        var rule = Rule(expr: "", exprPosition: fields["expr"]?.position ?? node.position, position: node.position)
        if let value = fields["record"] { rule.record = try decoder.string(value) }
        if let value = fields["alert"] { rule.alert = try decoder.string(value) }
        if let value = fields["expr"] { rule.expr = try decoder.string(value) }
        if let value = fields["for"] { rule.forDuration = try decoder.duration(value) }
        if let value = fields["keep_firing_for"] { rule.keepFiringFor = try decoder.duration(value) }
        if let value = fields["labels"] { rule.labels = try decoder.stringMap(value) }
        if let value = fields["annotations"] { rule.annotations = try decoder.stringMap(value) }
        rule.recordPosition = fields["record"]?.position
        rule.alertPosition = fields["alert"]?.position
        return rule
    }

    /// The semantic checks of Prometheus's `rulefmt.RuleGroups.Validate` that need neither PromQL nor templates.
    func validationErrors(names: NameValidationScheme, checks: RuleChecks, decoder: YAMLDecoder) -> [YAMLError] {
        var errors: [YAMLError] = []
        var groupNames = Set<String>()
        for group in groups {
            if group.name.isEmpty {
                errors.append(decoder.error("Groupname must not be empty", at: group.position))
            }
            if !groupNames.insert(group.name).inserted {
                errors.append(
                    decoder.error(
                        "groupname: \(GoString.quoted(group.name)) is repeated in the same file", at: group.position)
                )
            }
            for label in group.labels where !names.isValidLabelName(label.key) || label.key == "__name__" {
                errors.append(decoder.error("invalid label name: \(label.key)", at: label.keyPosition))
            }
            for (index, rule) in group.rules.enumerated() {
                let prefix = "group \(GoString.quoted(group.name)), rule \(index + 1), \(GoString.quoted(rule.name)): "
                for problem in rule.validationErrors(names: names, checks: checks) {
                    let alsoAt = problem.alsoAt.map { "\($0): " } ?? ""
                    errors.append(decoder.error(alsoAt + prefix + problem.message, at: problem.position))
                }
            }
        }
        return errors
    }
}

extension RuleFile.Rule {
    /// One problem with a rule: what, where, and a second position Prometheus prints for conflicts between
    /// two fields (`4:17: 5:16: group ...`).
    struct Problem {
        var message: String
        var position: SourcePosition
        var alsoAt: SourcePosition?

        init(_ message: String, _ position: SourcePosition, alsoAt: SourcePosition? = nil) {
            self.message = message
            self.position = position
            self.alsoAt = alsoAt
        }
    }

    /// The checks of `rulefmt.Rule.Validate` in its order, each with where it applies.
    func validationErrors(names: NameValidationScheme, checks: RuleChecks) -> [Problem] {
        var errors: [Problem] = []
        let recordOrRule = recordPosition ?? alertPosition ?? position
        if !record.isEmpty && !alert.isEmpty {
            errors.append(Problem("only one of 'record' and 'alert' must be set", recordOrRule, alsoAt: alertPosition))
        }
        if record.isEmpty && alert.isEmpty {
            errors.append(Problem("one of 'record' or 'alert' must be set", recordOrRule))
        }
        if expr.isEmpty {
            errors.append(Problem("field 'expr' must be set in rule", exprPosition))
        } else if let message = checks.parseExpression(expr) {
            errors.append(Problem("could not parse expression: \(message)", exprPosition))
        }
        if !record.isEmpty {
            if !annotations.isEmpty {
                errors.append(Problem("invalid field 'annotations' in recording rule", recordOrRule))
            }
            if forDuration != .zero {
                errors.append(Problem("invalid field 'for' in recording rule", recordOrRule))
            }
            if keepFiringFor != .zero {
                errors.append(Problem("invalid field 'keep_firing_for' in recording rule", recordOrRule))
            }
            if !names.isValidMetricName(record) {
                errors.append(Problem("invalid recording rule name: \(record)", recordOrRule))
            }
            if record.contains("{") || record.contains("}") {
                errors.append(
                    Problem("braces present in the recording rule name; should it be in expr?: \(record)", recordOrRule)
                )
            }
        }
        for label in labels where !names.isValidLabelName(label.key) || label.key == "__name__" {
            errors.append(Problem("invalid label name: \(label.key)", label.keyPosition))
        }
        for annotation in annotations where !names.isValidLabelName(annotation.key) {
            errors.append(Problem("invalid annotation name: \(annotation.key)", annotation.keyPosition))
        }
        if !alert.isEmpty {
            for (kind, entries) in [("label", labels), ("annotation", annotations)] {
                for entry in entries {
                    if let message = checks.parseTemplate(entry.value, alert) {
                        errors.append(Problem("\(kind) \(GoString.quoted(entry.key)): \(message)", entry.valuePosition))
                    }
                }
            }
        }
        return errors
    }
}
