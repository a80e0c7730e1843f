import Glibc
import PromText

/// The error every system collector throws: a malformed line in a kernel file, an unreadable file, or an invalid
/// exclusion pattern.
///
/// Parse errors carry the file and a ``SourcePosition`` and print as `file:line:col: expected X, found Y`.
public struct CollectorError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case malformed(file: String, position: SourcePosition, expected: String, found: String)
        case unreadable(path: String, errno: Int32)
        case invalidPattern(String)
        case noData(String)
        case stillRunning(String)
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    /// A kernel file did not have the expected shape at `position`.
    public static func malformed(file: String, position: SourcePosition, expected: String, found: String) -> Self {
        Self(.malformed(file: file, position: position, expected: expected, found: found))
    }

    /// A file could not be opened or read; `errno` is the C error number.
    public static func unreadable(path: String, errno: Int32) -> Self {
        Self(.unreadable(path: path, errno: errno))
    }

    /// A device, mount point or file system type pattern is not a valid regular expression.
    public static func invalidPattern(_ pattern: String) -> Self {
        Self(.invalidPattern(pattern))
    }

    /// The source the collector reads does not exist on this system (e.g. no os-release file).
    public static func noData(_ what: String) -> Self {
        Self(.noData(what))
    }

    /// The collector's previous `update()`, abandoned at a scrape deadline, has not returned yet.
    public static func stillRunning(_ collector: String) -> Self {
        Self(.stillRunning(collector))
    }

    /// Where a parse error happened, or `nil` for the other kinds.
    public var position: SourcePosition? {
        if case .malformed(_, let position, _, _) = kind { return position }
        return nil
    }

    /// The C error number of an unreadable file, or `nil` for the other kinds.
    public var errno: Int32? {
        if case .unreadable(_, let errno) = kind { return errno }
        return nil
    }

    /// `file:line:col: expected X, found Y`, `cannot read PATH: reason`, or a short sentence.
    public var description: String {
        switch kind {
        case .malformed(let file, let position, let expected, let found):
            "\(file):\(position): expected \(expected), found \(found)"
        case .unreadable(let path, let errno):
            "cannot read \(path): \(String(cString: strerror(errno)))"
        case .invalidPattern(let pattern):
            "invalid regular expression \(pattern)"
        case .noData(let what):
            "no data: \(what)"
        case .stillRunning(let collector):
            "the previous \(collector) update has not returned yet"
        }
    }
}
