import Foundation
import Testing

@testable import RuleEval

/// Notifications over HTTPS end to end: `alertmanager.yml` with an `https://` webhook and its
/// `http_config.tls_config`, delivered by ``DirectDispatcher`` to a local TLS server.
@Suite struct TLSNotifyDeliveryTests {
    @Test func aWebhookWithACAFileReceivesTheNotification() throws {
        let server = try TestTLSServer()
        defer { server.stop() }
        let storage = DirectDispatcherTests.Storage()
        let configuration = try DirectDispatcherTests.configuration(
            receivers: """
                  webhook_configs:
                  - url: \(server.url)/hook
                    http_config: {tls_config: {ca_file: \(server.caFile)}}
                """)
        let dispatcher = try DirectDispatcher(
            configuration: configuration, storagePath: storage.path, options: DirectDispatcherTests.options())
        defer { dispatcher.stop(drainingFor: .seconds(1)) }

        dispatcher.send([DirectDispatcherTests.alert()])
        #expect(
            DirectDispatcherTests.eventually(seconds: 10) { dispatcher.outboxLength == 0 && !server.requests.isEmpty })
        let request = try #require(server.requests.first)
        #expect(request.hasPrefix("POST /hook HTTP/1.1\n"))
        #expect(request.contains(#""status":"firing""#))
        #expect(DirectDispatcherTests.sample(dispatcher.collect(), "tocsin_notifications_total") == 1)
    }
}
