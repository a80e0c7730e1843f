import Foundation

/// The real Prometheus-ecosystem programs interop tests run against (Debian packages).
///
/// When `TOCSIN_REQUIRE_PEERS=1` (set by `scripts/test.sh`), a missing peer is a test failure rather than a skip,
/// so CI can never go green by silently skipping interop.
public enum Peers {
    /// Whether interop peers must be present.
    public static var required: Bool {
        ProcessInfo.processInfo.environment["TOCSIN_REQUIRE_PEERS"] == "1"
    }

    /// The absolute path of `program` on PATH (or in /usr/bin, /usr/sbin), or `nil`.
    public static func path(of program: String) -> String? {
        let searchPath = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/bin:/usr/sbin:/bin"
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether a test that needs `program` should run: present, or required (then the test fails loudly).
    public static func available(_ program: String) -> Bool {
        required || path(of: program) != nil
    }
}
