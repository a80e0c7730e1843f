import PromText

/// Applies relabel configurations to a label set exactly as Prometheus's `relabel.Process` does.
public enum Relabeling {
    /// Runs `configs` in order over `labels` (which include `__name__`, `__address__`, ... as plain labels).
    ///
    /// - Returns: the resulting labels sorted by name, or `nil` when a `keep`, `drop`, `keepequal` or
    ///   `dropequal` step dropped the label set. A label set to the empty value is removed.
    public static func apply(_ configs: [RelabelConfiguration], to labels: Labels) -> Labels? {
        var builder = RelabelLabelsBuilder(labels)
        for config in configs where !apply(config, to: &builder) {
            return nil
        }
        return builder.labels()
    }

    /// Applies one step; returns whether the label set is kept.
    private static func apply(_ config: RelabelConfiguration, to builder: inout RelabelLabelsBuilder) -> Bool {
        let value = (config.sourceLabels ?? []).map { builder.value(of: $0) }.joined(separator: config.separator)
        switch config.action {
        case .drop:
            return !config.regex.matches(value)
        case .keep:
            return config.regex.matches(value)
        case .dropEqual:
            return builder.value(of: config.targetLabel) != value
        case .keepEqual:
            return builder.value(of: config.targetLabel) == value
        case .replace:
            replace(config, value: value, in: &builder)
        case .lowercase:
            builder.set(config.targetLabel, simpleCaseMapped(value, upper: false))
        case .uppercase:
            builder.set(config.targetLabel, simpleCaseMapped(value, upper: true))
        case .hashMod:
            let digest = MD5.digest(value.utf8)
            let lastEight = digest[8...].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            builder.set(config.targetLabel, String(lastEight % config.modulus))
        case .labelMap:
            for label in builder.snapshot() {
                if let match = config.regex.match(label.name) {
                    builder.set(config.regex.expand(config.replacement, with: match), label.value)
                }
            }
        case .labelDrop:
            for label in builder.snapshot() where config.regex.matches(label.name) {
                builder.delete(label.name)
            }
        case .labelKeep:
            for label in builder.snapshot() where !config.regex.matches(label.name) {
                builder.delete(label.name)
            }
        }
        return true
    }

    private static func replace(_ config: RelabelConfiguration, value: String, in builder: inout RelabelLabelsBuilder) {
        if value.isEmpty && config.regexIsDefault && !config.targetLabel.contains("$")
            && !config.replacement.contains("$")
        {
            builder.set(config.targetLabel, config.replacement)
            return
        }
        guard let match = config.regex.match(value) else { return }
        let target = config.regex.expand(config.targetLabel, with: match)
        guard NameValidationScheme.utf8.isValidLabelName(target) else { return }
        let replacement = config.regex.expand(config.replacement, with: match)
        if replacement.isEmpty {
            builder.delete(target)
        } else {
            builder.set(target, replacement)
        }
    }

    /// Maps each Unicode scalar to its single-scalar case mapping, as Go's `strings.ToLower`/`ToUpper` do
    /// (a scalar whose full mapping is longer, such as `ß` → `SS`, is kept).
    private static func simpleCaseMapped(_ text: String, upper: Bool) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let mapped = upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
            let scalars = mapped.unicodeScalars
            result.append(scalars.count == 1 ? scalars[scalars.startIndex] : scalar)
        }
        return String(result)
    }
}

/// Prometheus's `labels.Builder`: a base label set plus pending additions and deletions, whose iteration order
/// (base labels by name, then additions in the order made) decides which `labelmap` copy wins.
struct RelabelLabelsBuilder {
    private var base: [Label]
    private var added: [Label] = []
    private var deleted: [String] = []

    init(_ labels: Labels) {
        var seen = Set<String>()
        base = labels.sorted().filter { seen.insert($0.name).inserted }
    }

    /// The current value of `name` (empty when absent).
    func value(of name: String) -> String {
        if let label = added.first(where: { $0.name == name }) { return label.value }
        if deleted.contains(name) { return "" }
        return base.first(where: { $0.name == name })?.value ?? ""
    }

    /// Sets `name` to `value`; an empty value deletes the label.
    mutating func set(_ name: String, _ value: String) {
        if value.isEmpty {
            delete(name)
        } else if let index = added.firstIndex(where: { $0.name == name }) {
            added[index].value = value
        } else {
            added.append(Label(name, value))
        }
    }

    /// Removes `name`.
    mutating func delete(_ name: String) {
        added.removeAll(where: { $0.name == name })
        deleted.append(name)
    }

    /// The labels as they are now, in the builder's iteration order.
    func snapshot() -> [Label] {
        base.filter { label in
            !deleted.contains(label.name) && !added.contains(where: { $0.name == label.name })
        } + added
    }

    /// The resulting labels, sorted by name.
    func labels() -> Labels {
        Labels(snapshot()).sorted()
    }
}
