import Foundation
import TestSupport
import Testing

/// `tocsin-webhook-printer`, the receiver `scripts/run.sh` starts: prints what is POSTed to any of its addresses
/// and stops on SIGTERM however many addresses it listens on.
@Suite struct WebhookPrinterTests {
    @Test func printsPostsOnEveryAddressAndStopsOnSIGTERM() throws {
        let ports = [FreePort.next(), FreePort.next()]
        let printer = try BackgroundProcess(
            Paths.executable("tocsin-webhook-printer"), ports.map { "--web.listen-address=127.0.0.1:\($0)" })
        defer { printer.stop(grace: 1) }
        for port in ports {
            #expect(HTTPFetch.waitFor("http://127.0.0.1:\(port)/ready", status: 405, timeout: 10))
            let response = HTTPFetch.request(
                "http://127.0.0.1:\(port)/hook\(port)", method: "POST", body: Data(#"{"x":1}"#.utf8))
            #expect(response.status == 200)
        }
        printer.send(SIGTERM)
        #expect(printer.waitForExit(timeout: 5) == 0, "\(printer.log)")
        for port in ports { #expect(printer.log.contains(#"POST /hook\#(port) {"x":1}"#)) }
    }
}
