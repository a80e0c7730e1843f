/// A labelled family: one child instrument per distinct combination of label values, created on first use and
/// cached, like client_golang's `CounterVec` and friends.
///
/// ```swift
/// let requests = CounterFamily(
///     name: "http_requests_total", help: "Requests served.", labelNames: ["method", "code"])
/// requests.labels("GET", "200").increment()
/// ```
///
/// Looking a child up takes a short lock on the child table; the child itself then updates lock-free, so hot code
/// can also keep the child and skip the lookup. A family without label names has exactly one child, created
/// up front so it is exposed (at zero) before the first update.
///
/// Passing the wrong number of label values, or a dictionary whose names differ from the family's, stops the
/// process with a precondition failure, as client_golang's `WithLabelValues` panics: the label names are fixed
/// in code, so a mismatch is a programming error and not something to handle at every call site.
public final class MetricVector<Child: MetricChild>: Instrument {
    /// The family's name, type, help and label names.
    public let descriptor: MetricDescriptor
    private let children: LabelledChildren

    /// Creates a family whose children `makeChild` creates; the typed initialisers (e.g. `CounterFamily(name:help:
    /// labelNames:)`) are the public way in.
    init(name: String, help: String, labelNames: [String], makeChild: @escaping @Sendable () -> Child) {
        descriptor = MetricDescriptor(name: name, type: Child.metricType, help: help, labelNames: labelNames)
        children = LabelledChildren(familyName: name, labelCount: labelNames.count) { makeChild() }
    }

    /// The child for one label value, created if new.
    public func labels(_ value: String) -> Child {
        downcast(children.child(for: SingleLabelValue(value: value)))
    }

    /// The child for two label values, in label-name order, created if new.
    public func labels(_ first: String, _ second: String) -> Child {
        downcast(children.child(for: LabelValuePair(first: first, second: second)))
    }

    /// The child for three label values, in label-name order, created if new.
    public func labels(_ first: String, _ second: String, _ third: String) -> Child {
        downcast(children.child(for: LabelValueTriple(first: first, second: second, third: third)))
    }

    /// The child for these label values, in the order of ``MetricDescriptor/labelNames``, created if new; `labels()`
    /// is the single child of an unlabelled family.
    public func labels(_ values: String...) -> Child {
        downcast(children.child(for: values))
    }

    /// The child for these label values, in the order of ``MetricDescriptor/labelNames``, created if new.
    public func labels(_ values: [String]) -> Child {
        downcast(children.child(for: values))
    }

    /// The child for these label name/value pairs, created if new; the names must be exactly the family's.
    public func labels(_ pairs: [String: String]) -> Child {
        downcast(children.child(for: labelValues(of: pairs)))
    }

    /// Removes the child with these label values, so it is no longer exposed; returns whether there was one.
    ///
    /// A caller still holding the removed child can update it, but those updates are no longer collected.
    @discardableResult
    public func remove(_ values: String...) -> Bool {
        remove(values)
    }

    /// Removes the child with these label values, so it is no longer exposed; returns whether there was one.
    @discardableResult
    public func remove(_ values: [String]) -> Bool {
        children.remove(values)
    }

    /// Removes the child with these label name/value pairs; returns whether there was one.
    @discardableResult
    public func remove(_ pairs: [String: String]) -> Bool {
        children.remove(labelValues(of: pairs))
    }

    /// Removes every child (an unlabelled family gets a fresh child at zero).
    public func removeAll() {
        children.removeAll()
    }

    /// The family with one group of samples per child. As in client_golang's output, each series' labels are
    /// sorted by name (a histogram's `le` or a summary's `quantile` comes last) and series are sorted by their
    /// label values in that order.
    public func collect() -> [MetricFamily] {
        let nameOrder = descriptor.labelNames.indices.sorted { descriptor.labelNames[$0] < descriptor.labelNames[$1] }
        let series = children.entries().map { entry in
            (values: nameOrder.map { entry.values[$0] }, child: entry.child)
        }.sorted { $0.values.lexicographicallyPrecedes($1.values) }
        var samples: [Sample] = []
        for (values, child) in series {
            let labels = Labels(zip(nameOrder, values).map { Label(descriptor.labelNames[$0], $1) })
            child.appendSamples(familyName: descriptor.name, labels: labels, to: &samples)
        }
        return [MetricFamily(name: descriptor.name, type: descriptor.type, help: descriptor.help, samples: samples)]
    }

    /// The child as its concrete type: every child in the table was made by this family's `makeChild`.
    @inline(__always)
    private func downcast(_ child: any MetricChild) -> Child {
        unsafeDowncast(child, to: Child.self)
    }

    private func labelValues(of pairs: [String: String]) -> [String] {
        precondition(
            pairs.count == descriptor.labelNames.count,
            "\(descriptor.name) has label names \(descriptor.labelNames), got \(pairs.keys.sorted())"
        )
        return descriptor.labelNames.map { name in
            guard let value = pairs[name] else {
                preconditionFailure("\(descriptor.name) has label names \(descriptor.labelNames), got no \(name)")
            }
            return value
        }
    }
}
