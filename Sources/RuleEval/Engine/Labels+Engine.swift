import PromText

extension Labels {
    /// Orders label sets as Prometheus's `labels.Compare`: pair by pair, names then values in byte order, a
    /// prefix first. Negative, zero or positive as `left` sorts before, with or after `right`.
    static func compare(_ left: Labels, _ right: Labels) -> Int {
        for (a, b) in zip(left, right) {
            if a.name != b.name { return GoString.less(a.name, b.name) ? -1 : 1 }
            if a.value != b.value { return GoString.less(a.value, b.value) ? -1 : 1 }
        }
        return left.count - right.count
    }

    /// The metric name label.
    static let metricName = "__name__"

    /// These labels without `__name__`.
    func droppingMetricName() -> Labels {
        guard contains(where: { $0.name == Self.metricName }) else { return self }
        return Labels(pairs.filter { $0.name != Self.metricName })
    }

    /// These labels without the named ones.
    func removing(_ names: Set<String>) -> Labels {
        Labels(pairs.filter { !names.contains($0.name) })
    }

    /// Only the named labels.
    func keeping(_ names: Set<String>) -> Labels {
        Labels(pairs.filter { names.contains($0.name) })
    }

    /// These labels with `name` set to `value`, or removed when `value` is empty; the result stays sorted.
    func setting(_ name: String, to value: String) -> Labels {
        var result = pairs.filter { $0.name != name }
        if !value.isEmpty {
            let index = result.firstIndex { $0.name > name } ?? result.count
            result.insert(Label(name, value), at: index)
        }
        return Labels(result)
    }

    /// The Prometheus text form `{a="1", b="2"}`, used in error messages and test output.
    var promQLText: String {
        "{" + pairs.map { $0.name + "=" + GoString.quoted($0.value) }.joined(separator: ", ") + "}"
    }
}

extension VectorSelector {
    /// The matchers the store is asked with: the written ones plus `__name__="name"` for a leading metric name.
    var storeMatchers: [LabelMatcher] {
        guard let name, let nameMatcher = try? LabelMatcher(name: Labels.metricName, type: .equal, value: name) else {
            return matchers
        }
        return [nameMatcher] + matchers
    }
}
