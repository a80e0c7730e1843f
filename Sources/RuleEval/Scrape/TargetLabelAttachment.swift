import PromText

/// Attaches a target's labels to a scraped series as Prometheus's `mutateSampleLabels` does.
enum TargetLabelAttachment {
    /// The prefix a scraped label gets when a target label of the same name wins.
    static let exportedPrefix = "exported_"

    /// The scraped labels (with `__name__`) plus the target labels, without empty values.
    ///
    /// With `honorLabels`, a scraped label wins over a target label of the same name. Without it, the target
    /// label wins and the scraped one is kept as `exported_<name>` (prefixed again while that name is taken),
    /// shortest names first.
    static func attach(_ target: Labels, to scraped: Labels, honorLabels: Bool) -> Labels {
        var result = scraped.pairs.filter { !$0.value.isEmpty }
        var conflicts: [Label] = []
        for label in target where !label.value.isEmpty {
            guard let index = result.firstIndex(where: { $0.name == label.name }) else {
                result.append(label)
                continue
            }
            if !honorLabels {
                conflicts.append(result[index])
                result[index].value = label.value
            }
        }
        for conflict in conflicts.enumerated().sorted(by: Self.shorterNameFirst).map(\.element) {
            var name = exportedPrefix + conflict.name
            while result.contains(where: { $0.name == name }) { name = exportedPrefix + name }
            result.append(Label(name, conflict.value))
        }
        return Labels(result).sorted()
    }

    /// Go's stable sort by name length.
    private static func shorterNameFirst(_ lhs: (offset: Int, element: Label), _ rhs: (offset: Int, element: Label))
        -> Bool
    {
        let left = lhs.element.name.utf8.count
        let right = rhs.element.name.utf8.count
        return left != right ? left < right : lhs.offset < rhs.offset
    }
}
