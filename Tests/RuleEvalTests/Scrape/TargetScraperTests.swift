import Exporter
import PromText
import Testing

@testable import RuleEval

/// ``TargetScraper`` against the project's HTTP server on 127.0.0.1.
@Suite struct TargetScraperTests {
    private static func target(port: Int, path: String) throws -> (ScrapeTarget, ScrapeConfiguration) {
        var config = ScrapeConfiguration(jobName: "j", scrapeInterval: .seconds(5), scrapeTimeout: .seconds(2))
        config.metricsPath = path
        config.params = ["module": ["m 1"]]
        let target = try #require(try ScrapeTarget(address: "127.0.0.1:\(port)", configuration: config))
        return (target, config)
    }

    @Test func fetchesWithParametersAndCapsTheBody() throws {
        var router = Router()
        router.register("/metrics") { request in
            HTTPResponse(
                status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4"],
                body: Array("module \(request.query["module"] ?? "none")\n".utf8))
        }
        router.register("/huge") { _ in
            HTTPResponse(
                status: .ok, headers: ["Content-Type": "text/plain"], body: [UInt8](repeating: 0x61, count: 1 << 20))
        }
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), router: router)
        let port = try server.start()
        defer { server.shutdown(gracePeriod: .seconds(3)) }
        let scraper = TargetScraper(maximumBodySize: 64 << 10)

        let (target, config) = try Self.target(port: port, path: "/metrics")
        #expect(target.requestTarget == "/metrics?module=m+1")
        #expect(
            scraper.fetch(target, configuration: config)
                == .response(
                    status: 200, contentType: "text/plain; version=0.0.4", body: Array("module m 1\n".utf8)))

        let (huge, hugeConfig) = try Self.target(port: port, path: "/huge")
        guard case .failure(let message) = scraper.fetch(huge, configuration: hugeConfig) else {
            Issue.record("a body over the cap must fail the scrape")
            return
        }
        #expect(message.contains("body size limit exceeded"))
    }

    @Test func httpsTargetsAreVerifiedWithTheJobsTLSConfiguration() throws {
        let server = try TestTLSServer()
        defer { server.stop() }
        var (target, config) = try Self.target(port: server.port, path: "/metrics")
        target.scheme = "https"
        guard case .failure(let message) = TargetScraper().fetch(target, configuration: config) else {
            Issue.record("a certificate no system CA signed must fail the scrape")
            return
        }
        #expect(message.hasPrefix("tls: certificate verify failed"))
        config.tlsConfig.caFile = server.caFile
        #expect(
            TargetScraper().fetch(target, configuration: config)
                == .response(status: 200, contentType: nil, body: Array("ok".utf8)))
        #expect(server.requests.last?.hasPrefix("GET /metrics?module=m+1 HTTP/1.1") == true)
    }

    @Test func otherSchemesAreReportedAsUnsupported() throws {
        var (target, config) = try Self.target(port: 1, path: "/metrics")
        target.scheme = "ftp"
        #expect(TargetScraper().fetch(target, configuration: config) == .failure(#"scheme "ftp" is not supported"#))
    }
}
