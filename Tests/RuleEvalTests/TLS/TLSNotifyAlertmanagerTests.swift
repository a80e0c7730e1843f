import PromText
import Testing

@testable import RuleEval

/// ``AlertmanagerNotifier`` posting to an Alertmanager with `scheme: https` and a `tls_config`.
@Suite struct TLSNotifyAlertmanagerTests {
    @Test(arguments: [true, false])
    func postsOverHTTPSOnlyWhenTheServerIsTrusted(withCAFile: Bool) throws {
        let server = try TestTLSServer()
        defer { server.stop() }
        let endpoint = AlertmanagerEndpoint(
            host: "127.0.0.1", port: server.port, scheme: "https", timeout: .seconds(5),
            tlsConfig: TLSConfiguration(caFile: withCAFile ? server.caFile : ""))
        let notifier = AlertmanagerNotifier(endpoints: [endpoint])
        notifier.send(AlertmanagerNotifierTests.alerts(0..<2))
        notifier.stop(drainingFor: .seconds(10))
        let errors = AlertmanagerNotifierTests.value(
            notifier, "tocsin_notifications_errors_total", ["alertmanager": endpoint.url])
        #expect(errors == (withCAFile ? 0 : 2))
        #expect(server.requests.count == (withCAFile ? 1 : 0))
        #expect(server.requests.first.map { $0.hasPrefix("POST /api/v2/alerts HTTP/1.1") } ?? !withCAFile)
    }
}
