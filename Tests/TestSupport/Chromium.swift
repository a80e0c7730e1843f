import Foundation

/// Headless Chromium (Debian package `chromium`), for tests that check what a real browser makes of a page.
///
/// Like the other ``Peers``, a missing browser skips the test unless `TOCSIN_REQUIRE_PEERS=1`.
public enum Chromium {
    /// The browser's path: the first of `chromium`, `chromium-browser`, `google-chrome` on PATH.
    public static var path: String? {
        ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(Peers.path(of:)).first
    }

    /// Whether a test that needs the browser should run: present, or required (then it fails loudly).
    public static var available: Bool { Peers.required || path != nil }

    /// The DOM of the page at `file` after the browser parsed it (`--dump-dom`), as HTML text.
    public static func dumpDOM(of file: URL, timeout: Double = 60) throws -> String {
        try run(["--dump-dom", file.absoluteString], timeout: timeout).standardOutput
    }

    /// Writes a PNG screenshot of the page at `file`, rendered in a `width`×`height` window, to `output`.
    public static func screenshot(
        of file: URL, to output: URL, width: Int = 1280, height: Int = 1000, timeout: Double = 60
    ) throws {
        _ = try run(
            [
                "--screenshot=\(output.path)", "--window-size=\(width),\(height)", "--hide-scrollbars",
                file.absoluteString,
            ],
            timeout: timeout)
    }

    private static func run(_ arguments: [String], timeout: Double) throws -> ProcessResult {
        guard let program = path else { throw ProcessRunnerError.notStarted("chromium") }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-chromium-\(UUID())")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try ProcessRunner.run(
            program,
            ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--user-data-dir=\(profile.path)"]
                + arguments,
            timeout: timeout)
        guard result.status == 0 else {
            throw ChromiumError(status: result.status, standardError: result.standardError)
        }
        return result
    }
}

/// Chromium exited unsuccessfully.
public struct ChromiumError: Error, CustomStringConvertible {
    /// The exit status.
    public var status: Int32
    /// What the browser printed on standard error.
    public var standardError: String

    public var description: String { "chromium exited with status \(status): \(standardError.suffix(2000))" }
}
