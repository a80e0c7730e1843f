import TestSupport
import Testing

/// The shipped Alertmanager-format files, checked and routed by the real amtool.
@Suite("Shipped notification files pass amtool")
struct AmtoolShippedTests {
    static let files = ["monitoring/notifications.yml", "monitoring/alertmanager.yml"]

    @Test("amtool check-config accepts the file", .enabled(if: Peers.available("amtool")), arguments: files)
    func configurationIsValid(file: String) throws {
        let result = try ShippedPeer.run("amtool", ["check-config", file])
        #expect(result.status == 0, "\(result.output)")
    }

    /// `severity=receiver`: critical pages, warning goes to chat, info to the digest, anything else to the
    /// default receiver.
    static let routes = ["critical=paging", "warning=chat", "info=digest", "none=default"]

    @Test(
        "each severity reaches its receiver",
        .enabled(if: Peers.available("amtool")),
        arguments: files,
        routes
    )
    func severityIsRouted(file: String, route: String) throws {
        let parts = route.split(separator: "=").map(String.init)
        let result = try ShippedPeer.run(
            "amtool",
            [
                "config", "routes", "test", "--config.file=\(file)", "--verify.receivers=\(parts[1])",
                "alertname=NodeFilesystemUsage", "severity=\(parts[0])", "instance=host-a", "mountpoint=/",
            ]
        )
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("both files route and inhibit alike", arguments: ["route:", "inhibit_rules:"])
    func filesAgree(section: String) throws {
        let direct = try ShippedText("monitoring/notifications.yml")
        let alertmanager = try ShippedText("monitoring/alertmanager.yml")
        let directSection = direct.block(under: try #require(direct.lineIndex(of: section)))
        let alertmanagerSection = alertmanager.block(under: try #require(alertmanager.lineIndex(of: section)))
        // Only alertmanager.yml holds the digest to office hours (a real Alertmanager's time_intervals).
        let withoutOfficeHours = alertmanagerSection.filter { !$0.contains("active_time_intervals") }
        #expect(Array(directSection) == withoutOfficeHours)
    }
}
