import Foundation
import TestSupport
import Testing

@testable import RuleEval

/// Renders the sample status page and opens it in headless Chromium, so the page is checked as a real browser
/// parses it. With `UPDATE_SCREENSHOT=1` it also rewrites `docs/status-page.png`.
@Suite(.serialized) struct StatusPageBrowserTests {
    private static func renderSample(hostileLabel: String? = nil) throws -> URL {
        var source = try StatusPageSample.source()
        if let hostileLabel { source.external["note"] = hostileLabel }
        let html = StatusPage(source: source).render(now: StatusPageSample.now)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-status-\(UUID()).html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test(.enabled(if: Chromium.available), .timeLimit(.minutes(2)))
    func browserDOMHoldsTargetsGroupsAndAlerts() throws {
        let file = try Self.renderSample(hostileLabel: "<script>document.title='owned'</script>")
        defer { try? FileManager.default.removeItem(at: file) }
        let dom = try Chromium.dumpDOM(of: file)
        #expect(dom.contains("<title>tocsin-ruleeval status</title>"), "no script ran and replaced the title")
        for text in [
            "http://10.0.1.13:9100/metrics", "connection refused", "api-2.internal:8080", "blackbox",
            "node.rules", "api.rules", "/etc/tocsin/rules/node.yml", "job:http_errors:ratio_rate5m",
            "InstanceDown", "HighErrorRate", "HighCPU", "runbooks.example.org",
        ] {
            #expect(dom.contains(text), "DOM lacks \(text)")
        }
        #expect(dom.components(separatedBy: "<svg class=\"timeline\"").count - 1 == 3)
        #expect(dom.components(separatedBy: "<tr class=\"down\">").count - 1 == 1)
        #expect(dom.contains("&lt;script&gt;document.title='owned'&lt;/script&gt;"))
        #expect(dom.components(separatedBy: "<script").count == 1, "the label stayed text")
    }

    @Test(
        .enabled(if: ProcessInfo.processInfo.environment["UPDATE_SCREENSHOT"] == "1"), .timeLimit(.minutes(2)))
    func updateScreenshot() throws {
        let file = try Self.renderSample()
        defer { try? FileManager.default.removeItem(at: file) }
        let output = Paths.packageRoot.appendingPathComponent("docs/status-page.png")
        try Chromium.screenshot(of: file, to: output, width: 1280, height: 1000)
        #expect(FileManager.default.fileExists(atPath: output.path))
    }
}
