/// node_exporter's device/mount point/file system type filter: an optional exclude pattern or an optional include
/// pattern, matched anywhere in the name (Go `MatchString` semantics, so anchors must be written out).
public struct DeviceFilter: @unchecked Sendable {
    // @unchecked: Regex is immutable after init and lowers its program once with an atomic, but is not declared Sendable.
    private let exclude: Regex<AnyRegexOutput>?
    private let include: Regex<AnyRegexOutput>?

    /// The pattern texts, for logging and tests.
    public let excludePattern: String?
    /// The include pattern text, if any.
    public let includePattern: String?

    /// A filter that keeps everything.
    public static let none = DeviceFilter()

    private init() {
        exclude = nil
        include = nil
        excludePattern = nil
        includePattern = nil
    }

    /// Creates a filter; a name is ignored when it matches `exclude`, or when `include` is set and it does not
    /// match it. Throws ``CollectorError/invalidPattern(_:)`` for a pattern Swift's regex engine rejects.
    public init(exclude: String? = nil, include: String? = nil) throws(CollectorError) {
        self.exclude = try exclude.map { pattern throws(CollectorError) in try Self.compile(pattern) }
        self.include = try include.map { pattern throws(CollectorError) in try Self.compile(pattern) }
        excludePattern = exclude
        includePattern = include
    }

    /// Whether `name` is filtered out.
    public func ignores(_ name: String) -> Bool {
        if let exclude, name.contains(exclude) { return true }
        if let include, !name.contains(include) { return true }
        return false
    }

    private static func compile(_ pattern: String) throws(CollectorError) -> Regex<AnyRegexOutput> {
        do {
            return try Regex(pattern)
        } catch {
            throw .invalidPattern(pattern)
        }
    }
}
