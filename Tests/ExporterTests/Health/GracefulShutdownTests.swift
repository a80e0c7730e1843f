import Glibc
import Testing

@testable import Exporter

@Suite struct GracefulShutdownTests {
    func serve() throws -> (HTTPServer, HealthChecks, Int) {
        let health = HealthChecks()
        var router = Router()
        health.register(on: &router)
        router.register("/hello") { _ in .text("hello") }
        let server = HTTPServer(configuration: HTTPServerConfiguration(), router: router)
        let port = try server.start()
        health.markStartupComplete()
        return (server, health, port)
    }

    func status(_ path: String, port: Int) -> Int? {
        guard let connection = TestHTTPConnection(port: port) else { return nil }
        connection.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
        return connection.readResponse()?.status
    }

    @Test func readinessFailsAtOnceThenTheServerDrainsAndStops() throws {
        let (server, health, port) = try serve()
        let shutdown = GracefulShutdown(
            server: server, health: health, drainDelay: .seconds(1), gracePeriod: .seconds(5))
        #expect(status("/health/ready", port: port) == 200)
        shutdown.requestShutdown()
        // During the drain delay: not ready, still live, still serving new connections.
        #expect(status("/health/ready", port: port) == 503)
        #expect(status("/health/live", port: port) == 200)
        #expect(status("/hello", port: port) == 200)
        #expect(shutdown.wait(timeout: .seconds(20)))
        #expect(TestHTTPConnection(port: port) == nil)
    }

    @Test func signalStartsTheShutdownAndASecondSkipsTheDrain() throws {
        let (server, health, port) = try serve()
        let shutdown = GracefulShutdown(
            server: server, health: health, drainDelay: .seconds(60), gracePeriod: .seconds(5))
        shutdown.installSignalHandlers([SIGUSR2])
        kill(getpid(), SIGUSR2)
        var waited = 0
        while health.phase != .shuttingDown && waited < 100 {
            usleep(50_000)
            waited += 1
        }
        #expect(health.phase == .shuttingDown)
        #expect(status("/health/ready", port: port) == 503)
        #expect(!shutdown.wait(timeout: .milliseconds(200)))
        kill(getpid(), SIGUSR2)
        #expect(shutdown.wait(timeout: .seconds(20)))
        #expect(TestHTTPConnection(port: port) == nil)
    }
}
