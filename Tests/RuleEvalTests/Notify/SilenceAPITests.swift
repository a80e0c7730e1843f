import Exporter
import Glibc
import PromText
import Synchronization
import Testing

@testable import RuleEval

/// A clock the test moves by hand, in milliseconds since the epoch.
final class ManualMillisecondClock: Sendable {
    private let time: Mutex<Int64>

    init(_ start: Int64) { time = Mutex(start) }

    var now: Int64 { time.withLock { $0 } }

    func advance(by milliseconds: Int64) { time.withLock { $0 += milliseconds } }
}

/// A deterministic generator (SplitMix64) so silence IDs are reproducible.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

@Suite struct SilenceAPITests {
    /// 2026-01-01T00:00:00Z.
    private static let start: Int64 = 1_767_225_600_000
    private let hour: Int64 = 3_600_000
    private let clock = ManualMillisecondClock(SilenceAPITests.start)

    private func api(file: SilenceFile? = nil, seed: UInt64 = 1) -> (SilenceAPI, Router) {
        let clock = self.clock
        let api = SilenceAPI(file: file, now: { clock.now }, randomNumberGenerator: SeededGenerator(state: seed))
        var router = Router()
        api.register(on: &router)
        return (api, router)
    }

    private func send(_ router: Router, _ method: HTTPMethod, _ target: String, _ body: String = "") -> HTTPResponse {
        router.respond(to: HTTPRequest(method: method, target: target, body: Array(body.utf8))).response
    }

    private func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    private func postable(
        id: String? = nil, matchers: String = #"[{"name":"job","value":"api","isRegex":false}]"#,
        startsAt: String = "2026-01-01T00:00:00Z", endsAt: String = "2026-01-01T02:00:00.000Z"
    ) -> String {
        let idMember = id.map { #""id":"\#($0)","# } ?? ""
        return #"{\#(idMember)"matchers":\#(matchers),"startsAt":"\#(startsAt)","endsAt":"\#(endsAt)","#
            + #""createdBy":"ops","comment":"deploy <api>"}"#
    }

    private func create(_ router: Router, _ body: String) throws -> String {
        let response = send(router, .post, "/api/v2/silences", body)
        #expect(response.status == .ok, "\(text(response))")
        let document = try JSONParser.parse(response.body)
        return try #require(document["silenceID"]?.stringValue)
    }

    private func silenceJSON(id: String, state: String, endsAt: String = "2026-01-01T02:00:00.000Z") -> String {
        #"{"id":"\#(id)","status":{"state":"\#(state)"},"updatedAt":"2026-01-01T00:00:00.000Z","#
            + #""comment":"deploy \u003capi\u003e","createdBy":"ops","endsAt":"\#(endsAt)","#
            + #""matchers":[{"isEqual":true,"isRegex":false,"name":"job","value":"api"}],"#
            + #""startsAt":"2026-01-01T00:00:00.000Z"}"#
    }

    @Test func createdSilenceIsListedAndFetchedInAlertmanagersShape() throws {
        let (api, router) = api()
        let response = send(router, .post, "/api/v2/silences", postable())
        #expect(response.headers["Content-Type"] == "application/json")
        let id = try create(router, postable())
        #expect(text(response).hasPrefix(#"{"silenceID":""#) && text(response).hasSuffix("\"}\n"))
        #expect(SilenceAPI.isUUID(id))
        let listed = send(router, .get, "/api/v2/silences")
        #expect(listed.status == .ok)
        #expect(text(listed).contains(silenceJSON(id: id, state: "active")))
        let fetched = send(router, .get, "/api/v2/silence/\(id)")
        #expect(text(fetched) == silenceJSON(id: id, state: "active") + "\n")
        #expect(api.isSilenced(["job": "api", "alertname": "Down"]))
        #expect(!api.isSilenced(["job": "db"]))
    }

    @Test(arguments: [
        (
            #"{"matchers":[],"startsAt":"2026-01-01T00:00:00Z","endsAt":"2026-01-01T01:00:00Z","createdBy":"ops"}"#,
            422, #"{"code":602,"message":"comment in body is required"}"#
        ),
        (
            #"{"comment":"c","createdBy":"ops","endsAt":"2026-01-01T01:00:00Z","startsAt":"2026-01-01T00:00:00Z","#
                + #""matchers":[{"name":"job","value":"api"}]}"#,
            422, #"{"code":602,"message":"matchers.0.isRegex in body is required"}"#
        ),
        (
            #"{"comment":1}"#, 400,
            #"{"code":400,"message":"parsing silence body from \"\" failed, because json: cannot unmarshal "#
                + #"number into Go struct field PostableSilence.comment of type string"}"#
        ),
        (
            #"{"comment":"#, 400,
            #"{"code":400,"message":"parsing silence body from \"\" failed, because expected a value"}"#
        ),
    ])
    func schemaViolationsAnswerAsGoOpenAPIDoes(body: String, status: Int, expected: String) {
        let (_, router) = api()
        let response = send(router, .post, "/api/v2/silences", body)
        #expect(response.status.code == status)
        #expect(text(response) == expected + "\n")
    }

    @Test(arguments: [
        (
            ["endsAt": "2026-01-01T00:00:00Z"], 400,
            "Failed to create silence: start time must be before end time"
        ),
        (
            ["startsAt": "2025-12-31T00:00:00Z", "endsAt": "2025-12-31T01:00:00Z"], 400,
            "Failed to create silence: end time can't be in the past"
        ),
        (["matchers": "[]"], 400, "invalid silence: at least one matcher required"),
        (
            ["matchers": #"[{"name":"job","value":".*","isRegex":true}]"#], 400,
            "invalid silence: at least one matcher must not match the empty string"
        ),
        (["id": "5b3e1a4c-0d6f-4c1e-9a8b-0123456789ab"], 404, "silence not found"),
    ])
    func invalidSilencesAreRejectedWithAlertmanagersMessages(fields: [String: String], status: Int, message: String) {
        let (_, router) = api()
        let body = postable(
            id: fields["id"], matchers: fields["matchers"] ?? #"[{"name":"job","value":"api","isRegex":false}]"#,
            startsAt: fields["startsAt"] ?? "2026-01-01T00:00:00Z", endsAt: fields["endsAt"] ?? "2026-01-01T02:00:00Z")
        let response = send(router, .post, "/api/v2/silences", body)
        #expect(response.status.code == status)
        #expect(text(response) == "\"\(message)\"\n")
    }

    @Test func updateKeepsTheIDWhenMatchersAreUnchangedAndReplacesOtherwise() throws {
        let (_, router) = api()
        let id = try create(router, postable())
        clock.advance(by: hour)
        #expect(try create(router, postable(id: id, endsAt: "2026-01-01T05:00:00Z")) == id)
        let changed = try create(
            router, postable(id: id, matchers: #"[{"name":"job","value":"db","isRegex":false}]"#))
        #expect(changed != id)
        #expect(text(send(router, .get, "/api/v2/silence/\(id)")).contains(#""state":"expired""#))
    }

    @Test func deleteExpiresOnceAndUnknownIDsAreNotFound() throws {
        let (api, router) = api()
        let id = try create(router, postable())
        clock.advance(by: hour)
        let expired = send(router, .delete, "/api/v2/silence/\(id)")
        #expect(expired.status == .ok && expired.body.isEmpty)
        #expect(!api.isSilenced(["job": "api"]))
        #expect(
            text(send(router, .get, "/api/v2/silence/\(id)"))
                .contains(#""status":{"state":"expired"},"updatedAt":"2026-01-01T01:00:00.000Z""#))
        let again = send(router, .delete, "/api/v2/silence/\(id)")
        #expect(again.status == .internalServerError)
        #expect(text(again) == "\"silence \(id) already expired\"\n")
        let unknown = "00000000-0000-4000-8000-000000000000"
        #expect(send(router, .delete, "/api/v2/silence/\(unknown)").status == .notFound)
        #expect(send(router, .get, "/api/v2/silence/\(unknown)").status == .notFound)
        let malformed = send(router, .get, "/api/v2/silence/nope")
        #expect(malformed.status.code == 422)
        #expect(text(malformed) == #"{"code":601,"message":"silenceID in path must be of type uuid: \"nope\""}"# + "\n")
    }

    @Test func listingFollowsAlertmanagersOrderAndFilters() throws {
        let (_, router) = api()
        let later = try create(router, postable(endsAt: "2026-01-01T05:00:00Z"))
        let sooner = try create(
            router,
            postable(matchers: #"[{"name":"job","value":"db","isRegex":false}]"#, endsAt: "2026-01-01T03:00:00Z"))
        let pending = try create(router, postable(startsAt: "2026-01-01T01:00:00Z"))
        let expired = try create(router, postable(endsAt: "2026-01-01T04:00:00Z"))
        #expect(send(router, .delete, "/api/v2/silence/\(expired)").status == .ok)
        func ids(_ target: String) throws -> [String] {
            guard case .array(let silences) = try JSONParser.parse(send(router, .get, target).body) else { return [] }
            return silences.compactMap { $0["id"]?.stringValue }
        }
        #expect(try ids("/api/v2/silences") == [sooner, later, pending, expired])
        #expect(try ids("/api/v2/silences?filter=job%3D%22db%22") == [sooner])
        #expect(try ids("/api/v2/silences?filter=job%3D~db").isEmpty)
        let bad = send(router, .get, "/api/v2/silences?filter=%3D%3D")
        #expect(bad.status == .badRequest)
        #expect(text(bad).hasPrefix("\"bad matcher format: ==: "))
    }

    @Test func silencesSurviveARestartThroughTheFile() throws {
        let file = SilenceFile(storagePath: scratchDirectory())
        let (_, router) = api(file: file)
        let id = try create(router, postable())
        let before = text(send(router, .get, "/api/v2/silences"))
        let (restarted, restartedRouter) = api(file: file, seed: 2)
        try restarted.load()
        #expect(text(send(restartedRouter, .get, "/api/v2/silences")) == before)
        #expect(restarted.isSilenced(["job": "api"]))
        #expect(try file.load().map(\.id) == [id])
    }

    @Test func expiredSilencesAreDroppedAfterTheRetention() throws {
        let file = SilenceFile(storagePath: scratchDirectory())
        let (api, router) = api(file: file)
        let id = try create(router, postable())
        clock.advance(by: 2 * hour)
        #expect(text(send(router, .get, "/api/v2/silence/\(id)")).contains(#""state":"expired""#))
        clock.advance(by: 120 * hour)
        api.collectGarbage()
        #expect(try file.load().map(\.id) == [id])
        clock.advance(by: 1)
        api.collectGarbage()
        #expect(try file.load().isEmpty)
        #expect(send(router, .get, "/api/v2/silence/\(id)").status == .notFound)
    }

    @Test func corruptFileIsReportedAndLeavesNoSilences() throws {
        let file = SilenceFile(storagePath: scratchDirectory())
        try AtomicFile.write(Array("[{\"id\":1}]".utf8), to: file.path)
        let (api, _) = api(file: file)
        #expect(throws: StateFileError(path: file.path, message: "silence 0: missing matchers")) {
            try api.load()
        }
        #expect(api.store.all.isEmpty)
    }

    @Test func failedWritesAreReportedWithoutFailingTheRequest() throws {
        let reported = Mutex<[StateFileError]>([])
        let clock = self.clock
        let api = SilenceAPI(
            file: SilenceFile(path: "/nonexistent-directory/silences.json"), now: { clock.now },
            reportError: { error in reported.withLock { $0.append(error) } })
        var router = Router()
        api.register(on: &router)
        #expect(send(router, .post, "/api/v2/silences", postable()).status == .ok)
        #expect(reported.withLock { $0.map(\.path) } == ["/nonexistent-directory/silences.json"])
    }

    private func scratchDirectory() -> String {
        var template = Array("/tmp/tocsin-silences-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }
}
