import Exporter
import Foundation
import TestSupport
import Testing

@testable import RuleEval

/// Drives ``SilenceAPI`` with the real `amtool` (Debian prometheus-alertmanager) over HTTP on 127.0.0.1: if amtool
/// can add, query, update and expire silences, the API has Alertmanager's shape.
@Suite(.enabled(if: Peers.available("amtool"))) struct AmtoolSilenceInteropTests {
    @Test func addQueryAndExpireWithAmtool() throws {
        let amtool = try #require(Peers.path(of: "amtool"), "amtool is required (TOCSIN_REQUIRE_PEERS=1)")
        let api = SilenceAPI(file: nil)
        var router = Router()
        api.register(on: &router)
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), router: router)
        let port = try server.start()
        defer { server.shutdown(gracePeriod: .seconds(3)) }
        func run(_ arguments: [String]) throws -> String {
            let result = try ProcessRunner.run(
                amtool, ["--alertmanager.url=http://127.0.0.1:\(port)"] + arguments, timeout: 30)
            #expect(result.status == 0, "amtool \(arguments): \(result.standardError)")
            return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        let id = try run([
            "silence", "add", "job=api", #"instance=~"10\..*""#, "--author=ops", "--comment=deploy", "--duration=2h",
        ])
        #expect(api.store.silence(id: id)?.matchers.count == 2)
        #expect(api.isSilenced(["job": "api", "instance": "10.0.0.1"]))

        let other = try run(["silence", "add", "job=db", "--author=ops", "--comment=backup", "--duration=1h"])
        #expect(try run(["silence", "query", "--quiet"]).split(separator: "\n") == [Substring(other), Substring(id)])
        #expect(try run(["silence", "query", "--quiet", "job=api"]) == id)
        let table = try run(["silence", "query", "job=db"])
        #expect(table.contains(other) && table.contains("ops") && table.contains("backup"))

        let json = try run(["silence", "query", "--output=json", "job=api"])
        guard case .array(let silences) = try JSONParser.parse(Array(json.utf8)), let silence = silences.first else {
            Issue.record("amtool printed no silence: \(json)")
            return
        }
        #expect(silences.count == 1)
        #expect(silence["id"]?.stringValue == id)
        #expect(silence["status"]?["state"]?.stringValue == "active")
        #expect(silence["createdBy"]?.stringValue == "ops")
        #expect(silence["comment"]?.stringValue == "deploy")
        #expect(
            silence["matchers"]
                == .array([
                    .object([
                        ("isEqual", .bool(true)), ("isRegex", .bool(false)), ("name", .string("job")),
                        ("value", .string("api")),
                    ]),
                    .object([
                        ("isEqual", .bool(true)), ("isRegex", .bool(true)), ("name", .string("instance")),
                        ("value", .string(#"10\..*"#)),
                    ]),
                ]))

        // amtool 0.2x prints a pointer for `update --quiet`, so the in-place update is checked in the store.
        _ = try run(["silence", "update", "--quiet", other, "--comment=backup, longer"])
        #expect(api.store.all.count == 2)
        #expect(api.store.silence(id: other)?.comment == "backup, longer")

        _ = try run(["silence", "expire", id])
        #expect(!api.isSilenced(["job": "api", "instance": "10.0.0.1"]))
        #expect(try run(["silence", "query", "--quiet"]) == other)
        #expect(try run(["silence", "query", "--quiet", "--expired"]) == id)
    }
}
