/// How series on the two sides of a binary operation pair up.
public enum VectorMatchCardinality: Sendable, Equatable {
    /// Each series matches at most one on the other side (the default).
    case oneToOne
    /// `group_left`: many series on the left may match one on the right.
    case manyToOne
    /// `group_right`: one series on the left may match many on the right.
    case oneToMany
    /// Set operators: any number on each side.
    case manyToMany
}

/// The `on`/`ignoring` and `group_left`/`group_right` modifiers of a binary operation.
public struct VectorMatching: Sendable, Equatable {
    /// One-to-one by default, many-to-one with `group_left`, one-to-many with `group_right`; set operators are
    /// always many-to-many.
    public var cardinality: VectorMatchCardinality
    /// The labels of `on (...)` or `ignoring (...)`.
    public var matchingLabels: [String]
    /// Whether `matchingLabels` came from `on` (else from `ignoring`, or no clause).
    public var on: Bool
    /// The extra labels of `group_left (...)`/`group_right (...)`.
    public var include: [String]

    /// Creates a matching description.
    public init(
        cardinality: VectorMatchCardinality, matchingLabels: [String] = [], on: Bool = false, include: [String] = []
    ) {
        self.cardinality = cardinality
        self.matchingLabels = matchingLabels
        self.on = on
        self.include = include
    }
}
