/// A `collect[]` / `exclude[]` query that cannot be served; the HTTP layer answers it with ``statusCode``.
public struct CollectorSelectionError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case missing(String)
        case combined
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    /// `collect[]` or `exclude[]` named a collector that is not enabled.
    public static func missingCollector(_ name: String) -> Self { Self(.missing(name)) }

    /// Both `collect[]` and `exclude[]` were given.
    public static let combinedCollectAndExclude = Self(.combined)

    /// 400 Bad Request, as node_exporter answers.
    public var statusCode: Int { 400 }

    /// node_exporter's wording.
    public var description: String {
        switch kind {
        case .missing(let name): "missing collector: \(name)"
        case .combined: "Combining collect and exclude queries is not allowed."
        }
    }
}
