import Foundation
import PromText
import TestSupport
import Testing

/// Our writer's text output passes the real `promtool check metrics` (Debian package `prometheus`) with no
/// finding at all, for a registry with every instrument type.
@Suite struct PromtoolCheckMetricsTests {
    @Test(.enabled(if: Peers.available("promtool")))
    func promtoolFindsNothingInARenderedRegistry() throws {
        let promtool = try #require(Peers.path(of: "promtool"), "promtool is not installed")
        var body: [UInt8] = []
        ExpositionWriter.write(try RegistryFixture.make().collect(), format: .text, into: &body)
        let result = try ProcessRunner.run(promtool, ["check", "metrics"], input: Data(body), timeout: 30)
        #expect(result.status == 0, "promtool said: \(result.standardError)")
        #expect(result.standardError.isEmpty && result.standardOutput.isEmpty)
    }
}
