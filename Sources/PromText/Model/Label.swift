/// One label pair of a series: a name and its value.
public struct Label: Sendable, Hashable, Comparable {
    /// The label name, e.g. `method`.
    public var name: String
    /// The label value; an empty value means the same as an absent label.
    public var value: String

    /// Creates a label pair.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Orders by name, then by value, as Prometheus orders label pairs.
    public static func < (lhs: Label, rhs: Label) -> Bool {
        lhs.name != rhs.name ? lhs.name < rhs.name : lhs.value < rhs.value
    }
}
