import Foundation
import TestSupport
import Testing

/// The image's health check script, run against a local responder: it must ask `/health/live` on the port it
/// is given and succeed exactly when the answer is 200.
@Suite("Container health check")
struct ContainerHealthCheckTests {
    @Test("healthcheck.sh succeeds on 200 and fails otherwise", arguments: [(200, true), (503, false)])
    func healthCheckFollowsStatus(status: Int, healthy: Bool) throws {
        let responder = try OneShotHTTPResponder(status: status)
        let script = Paths.packageRoot.appendingPathComponent("deploy/container/healthcheck.sh").path
        let result = try ProcessRunner.run(
            "/usr/bin/env",
            ["TOCSIN_HEALTH_PORT=\(responder.port)", "TOCSIN_HEALTH_TIMEOUT=30", "/bin/bash", script],
            timeout: 40
        )
        #expect(responder.receivedRequestLine() == "GET /health/live HTTP/1.0")
        #expect((result.status == 0) == healthy, "exit \(result.status): \(result.standardError)")
    }

    @Test("healthcheck.sh fails when nothing listens")
    func healthCheckFailsWithoutServer() throws {
        let port = try OneShotHTTPResponder.closedPort()
        let script = Paths.packageRoot.appendingPathComponent("deploy/container/healthcheck.sh").path
        let result = try ProcessRunner.run(
            "/usr/bin/env",
            ["TOCSIN_HEALTH_PORT=\(port)", "/bin/bash", script],
            timeout: 20
        )
        #expect(result.status != 0)
    }
}
