import Exporter
import Glibc
import PromText
import Synchronization
import Testing

@testable import RuleEval

/// End to end: a scripted HTTP target on 127.0.0.1 whose expositions change between scrapes.
@Suite struct ScrapeManagerTests {
    /// Serves `/good` (series `b` disappears after the first scrape) and three paths that answer well once and then
    /// fail: `/status` with 500, `/garbage` with an unparsable body, `/hang` past the scrape timeout.
    private final class ScriptedTarget: Sendable {
        let requests = Mutex<[String: Int]>([:])
        let lastHeaders = Mutex<HTTPHeaders>([:])

        func router() -> Router {
            var router = Router()
            for path in ["/good", "/status", "/garbage", "/hang"] {
                router.register(path) { request in self.respond(path, request) }
            }
            return router
        }

        private func respond(_ path: String, _ request: HTTPRequest) -> HTTPResponse {
            let count = requests.withLock { requests in
                requests[path, default: 0] += 1
                return requests[path, default: 0]
            }
            let text = ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"] as HTTPHeaders
            if path == "/good" {
                lastHeaders.withLock { $0 = request.headers }
                let body = count == 1 ? "a \(count)\nb 1\n" : "a \(count)\n"
                return HTTPResponse(status: .ok, headers: text, body: Array(body.utf8))
            }
            if count == 1 { return HTTPResponse(status: .ok, headers: text, body: Array("x 1\n".utf8)) }
            switch path {
            case "/status":
                return HTTPResponse(status: HTTPStatus(code: 500, reasonPhrase: "Internal Server Error"))
            case "/garbage":
                return HTTPResponse(status: .ok, headers: text, body: Array("x{{{ garbage\n".utf8))
            default:
                usleep(500_000)
                return HTTPResponse(status: .ok, headers: text, body: Array("x 1\n".utf8))
            }
        }
    }

    private static func configuration(port: Int) -> ScrapeConfiguration {
        var config = ScrapeConfiguration(
            jobName: "e2e", scrapeInterval: PrometheusDuration(milliseconds: 200),
            scrapeTimeout: PrometheusDuration(milliseconds: 150))
        config.basicAuth = BasicAuthentication(username: "u", password: "p")
        config.staticConfigs = ["good", "status", "garbage", "hang"].map { kind in
            StaticConfiguration(
                targets: ["127.0.0.1:\(port)"], labels: ["__metrics_path__": "/\(kind)", "kind": kind])
        }
        return config
    }

    /// The values stored for `name{kind="<kind>"}`, oldest first.
    private static func samples(_ store: SampleStore, _ name: String, kind: String) -> [Double] {
        let series = store.select([], after: .min, through: .max).filter {
            $0.labels["__name__"] == name && $0.labels["kind"] == kind
        }
        return series.flatMap(\.values)
    }

    /// Polls `condition` every 50 ms for up to 10 s.
    private static func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<200 {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    @Test func failingTargetsGoDownAndStaleWhileOthersKeepBeingScraped() throws {
        let scripted = ScriptedTarget()
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), router: scripted.router())
        let port = try server.start()
        defer { server.shutdown(gracePeriod: .seconds(3)) }
        let store = SampleStore()
        let manager = ScrapeManager(store: store)
        #expect(manager.apply([Self.configuration(port: port)]).isEmpty)
        defer { manager.stop() }

        let failingKinds = ["status", "garbage", "hang"]
        let settled = Self.eventually {
            failingKinds.allSatisfy { kind in
                Self.samples(store, "up", kind: kind).suffix(2) == [0, 0]
                    && Self.samples(store, "x", kind: kind).contains(where: StaleMarker.isStale)
            }
        }
        #expect(settled)
        let goodUps = Self.samples(store, "up", kind: "good")
        #expect(goodUps.count >= 3)
        #expect(goodUps.allSatisfy { $0 == 1 })
        #expect(Self.samples(store, "b", kind: "good").last.map(StaleMarker.isStale) == true)
        #expect(Self.samples(store, "a", kind: "good").count >= 3)
        #expect(Self.samples(store, "x", kind: "hang").first == 1)

        let statuses = manager.targets()
        #expect(statuses.count == 4)
        #expect(statuses.first(where: { $0.target.labels["kind"] == "good" })?.health == .up)
        let status = statuses.first(where: { $0.target.labels["kind"] == "status" })
        #expect(status?.health == .down)
        #expect(status?.lastError == "server returned HTTP status 500")
        #expect(statuses.first(where: { $0.target.labels["kind"] == "hang" })?.lastError.contains("deadline") == true)

        let headers = scripted.lastHeaders.withLock { $0 }
        #expect(headers["Accept"] == ScrapeRequest.accept)
        #expect(headers["Accept-Encoding"] == "gzip")
        #expect(headers["X-Prometheus-Scrape-Timeout-Seconds"] == "0.15")
        #expect(headers["Authorization"] == "Basic dTpw")
        #expect(headers["User-Agent"]?.hasPrefix("Tocsin/") == true)
    }

    @Test func removedTargetsGetStaleMarkersAndChangedOnesRestartWithout() throws {
        let scripted = ScriptedTarget()
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), router: scripted.router())
        let port = try server.start()
        defer { server.shutdown(gracePeriod: .seconds(3)) }
        let store = SampleStore()
        let manager = ScrapeManager(store: store)
        var config = Self.configuration(port: port)
        config.staticConfigs = Array(config.staticConfigs.prefix(2))
        manager.apply([config])
        #expect(Self.eventually { Self.samples(store, "up", kind: "good").count >= 2 })

        config.staticConfigs = Array(config.staticConfigs.prefix(1))
        manager.apply([config])
        #expect(manager.targets().map { $0.target.labels["kind"] } == ["good"])
        #expect(Self.samples(store, "up", kind: "status").last.map(StaleMarker.isStale) == true)
        #expect(Self.samples(store, "up", kind: "good").last.map(StaleMarker.isStale) == false)

        config.scrapeTimeout = PrometheusDuration(milliseconds: 100)
        manager.apply([config])
        #expect(manager.targets().map(\.target.timeout) == [PrometheusDuration(milliseconds: 100)])
        #expect(Self.samples(store, "a", kind: "good").allSatisfy { !StaleMarker.isStale($0) })

        manager.apply([])
        #expect(manager.targets().isEmpty)
        #expect(Self.samples(store, "a", kind: "good").last.map(StaleMarker.isStale) == true)
        #expect(Self.samples(store, "up", kind: "good").last.map(StaleMarker.isStale) == true)
    }
}
