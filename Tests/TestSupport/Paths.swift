import Foundation

/// Well-known locations for tests: the package root, the shared conformance data and built binaries.
public enum Paths {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        preconditionFailure("Package.swift not found above \(#filePath)")
    }()

    /// The nearest `shared/conformance` above the package root: `../shared/conformance` for the main checkout,
    /// a level higher for a git worktree under `wt/`.
    public static let conformance: URL = {
        var directory = packageRoot.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared/conformance")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")
    }()

    /// The folder holding the built executables: `$TOCSIN_BIN_DIR`, else `.build/debug`.
    public static var binaries: URL {
        if let directory = ProcessInfo.processInfo.environment["TOCSIN_BIN_DIR"] {
            return URL(fileURLWithPath: directory)
        }
        return packageRoot.appendingPathComponent(".build/debug")
    }

    /// The path of one of our executables, e.g. `tocsin-ruleeval`.
    public static func executable(_ name: String) -> String {
        binaries.appendingPathComponent(name).path
    }
}
