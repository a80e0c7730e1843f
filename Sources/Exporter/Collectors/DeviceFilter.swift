import Synchronization

/// node_exporter's device/mount point/file system type filter: an optional exclude pattern or an optional include
/// pattern, matched anywhere in the name (Go `MatchString` semantics, so anchors must be written out).
public struct DeviceFilter: Sendable {
    private let exclude: DevicePatternMatcher?
    private let include: DevicePatternMatcher?

    /// The pattern texts, for logging and tests.
    public var excludePattern: String? { exclude?.pattern }
    /// The include pattern text, if any.
    public var includePattern: String? { include?.pattern }

    /// A filter that keeps everything.
    public static let none = DeviceFilter()

    private init() {
        exclude = nil
        include = nil
    }

    /// Creates a filter; a name is ignored when it matches `exclude`, or when `include` is set and it does not
    /// match it. Throws ``CollectorError/invalidPattern(_:)`` for a pattern Swift's regex engine rejects.
    public init(exclude: String? = nil, include: String? = nil) throws(CollectorError) {
        self.exclude = try exclude.map { pattern throws(CollectorError) in try DevicePatternMatcher(pattern) }
        self.include = try include.map { pattern throws(CollectorError) in try DevicePatternMatcher(pattern) }
    }

    /// Whether `name` is filtered out.
    public func ignores(_ name: String) -> Bool {
        if let exclude, exclude.matches(name) { return true }
        if let include, !include.matches(name) { return true }
        return false
    }
}

/// One filter pattern: node_exporter's default patterns are decided by ``DefaultDevicePattern`` and compiled as a
/// `Regex` only when a name needs it; any other pattern is compiled at once (so an invalid one throws).
final class DevicePatternMatcher: Sendable {
    /// The pattern text.
    let pattern: String
    private let defaultPattern: DefaultDevicePattern?
    /// The compiled pattern, behind a lock because `Regex` is not `Sendable`.
    private let regex: Mutex<Regex<AnyRegexOutput>?>

    init(_ pattern: String) throws(CollectorError) {
        self.pattern = pattern
        let defaultPattern = DefaultDevicePattern(pattern)
        self.defaultPattern = defaultPattern
        regex = Mutex(defaultPattern == nil ? try Self.compile(pattern) : nil)
    }

    /// Whether the pattern matches anywhere in `name`.
    func matches(_ name: String) -> Bool {
        if let decided = defaultPattern?.matches(name) { return decided }
        return regex.withLock { regex in
            // The default patterns always compile (tests compare them with the regex engine).
            if regex == nil { regex = try? Self.compile(pattern) }
            return regex.map { name.contains($0) } ?? false
        }
    }

    private static func compile(_ pattern: String) throws(CollectorError) -> Regex<AnyRegexOutput> {
        do {
            return try Regex(pattern)
        } catch {
            throw .invalidPattern(pattern)
        }
    }
}
