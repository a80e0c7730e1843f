import Synchronization

/// A labelled family: one child instrument per distinct combination of label values, created on first use and
/// cached, like client_golang's `CounterVec` and friends.
///
/// ```swift
/// let requests = CounterFamily(name: "http_requests_total", help: "Requests served.", labelNames: ["method", "code"])
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
    private let makeChild: @Sendable () -> Child
    private let children: Mutex<[[String]: Child]>

    /// Creates a family whose children `makeChild` creates; the typed initialisers (e.g.
    /// ``MetricVector/init(name:help:labelNames:)-counter``) are the public way in.
    init(name: String, help: String, labelNames: [String], makeChild: @escaping @Sendable () -> Child) {
        descriptor = MetricDescriptor(name: name, type: Child.metricType, help: help, labelNames: labelNames)
        self.makeChild = makeChild
        children = Mutex(MetricVector.initialChildren(labelNames: labelNames, makeChild: makeChild))
    }

    /// The child for these label values, in the order of ``MetricDescriptor/labelNames``, created if new.
    public func labels(_ values: String...) -> Child {
        labels(values)
    }

    /// The child for these label values, in the order of ``MetricDescriptor/labelNames``, created if new.
    public func labels(_ values: [String]) -> Child {
        precondition(
            values.count == descriptor.labelNames.count,
            "\(descriptor.name) has \(descriptor.labelNames.count) label names, got \(values.count) values"
        )
        return children.withLock { children in
            if let child = children[values] {
                return child
            }
            let child = makeChild()
            children[values] = child
            return child
        }
    }

    /// The child for these label name/value pairs, created if new; the names must be exactly the family's.
    public func labels(_ pairs: [String: String]) -> Child {
        labels(labelValues(of: pairs))
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
        children.withLock { $0.removeValue(forKey: values) != nil }
    }

    /// Removes the child with these label name/value pairs; returns whether there was one.
    @discardableResult
    public func remove(_ pairs: [String: String]) -> Bool {
        remove(labelValues(of: pairs))
    }

    /// Removes every child (an unlabelled family keeps its single child, reset to a new one).
    public func removeAll() {
        let fresh = MetricVector.initialChildren(labelNames: descriptor.labelNames, makeChild: makeChild)
        children.withLock { $0 = fresh }
    }

    /// The family with one group of samples per child, ordered by label values (compared in label-name order).
    public func collect() -> [MetricFamily] {
        let snapshot = children.withLock { Array($0) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var samples: [Sample] = []
        for (values, child) in snapshot {
            let labels = Labels(zip(descriptor.labelNames, values).map { Label($0, $1) })
            child.appendSamples(familyName: descriptor.name, labels: labels, to: &samples)
        }
        return [MetricFamily(name: descriptor.name, type: descriptor.type, help: descriptor.help, samples: samples)]
    }

    /// No children, or for an unlabelled family its single child.
    private static func initialChildren(labelNames: [String], makeChild: () -> Child) -> [[String]: Child] {
        labelNames.isEmpty ? [[]: makeChild()] : [:]
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
