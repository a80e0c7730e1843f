/// The label pairs of a series, in the order they were given.
///
/// `Labels` does not include the metric name: the name lives on ``Sample``. Use ``sorted()`` to get
/// Prometheus's canonical order (by label name).
public struct Labels: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// The pairs, in the order given.
    public private(set) var pairs: [Label]

    /// Creates a label set from pairs, keeping their order.
    public init(_ pairs: [Label] = []) {
        self.pairs = pairs
    }

    /// Creates a label set from a dictionary literal, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.pairs = elements.map { Label($0.0, $0.1) }
    }

    public var startIndex: Int { pairs.startIndex }
    public var endIndex: Int { pairs.endIndex }
    public subscript(position: Int) -> Label { pairs[position] }

    /// The value of the label called `name`, or `nil` if there is none.
    public subscript(name: String) -> String? {
        pairs.first(where: { $0.name == name })?.value
    }

    /// Appends a pair at the end (no check for duplicates).
    public mutating func append(_ label: Label) {
        pairs.append(label)
    }

    /// The same pairs ordered by label name, as Prometheus orders them.
    public func sorted() -> Labels {
        Labels(pairs.sorted())
    }
}
