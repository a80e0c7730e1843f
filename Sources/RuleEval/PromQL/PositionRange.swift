/// The byte range `start..<end` of the input that a PromQL syntax node was parsed from.
public struct PositionRange: Sendable, Hashable {
    /// Offset of the node's first byte.
    public var start: Int
    /// Offset just past the node's last byte.
    public var end: Int

    /// Creates a range from its bounds.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The empty range at offset 0, used when positions are stripped for comparisons.
    public static let none = PositionRange(start: 0, end: 0)
}
