import Exporter
import Foundation
import Synchronization

/// A scrape target on 127.0.0.1 that serves ``SideBySideScript`` with explicit timestamps slightly in the future.
///
/// At wall time `w` it serves the first step whose timestamp is at least `w + lead`. Each step is served for
/// ``SideBySideScript/stepSeconds`` (so a 500 ms scrape loop stores it several times) and is stored at least
/// `lead` before its own timestamp. An evaluation at time `t` therefore sees exactly the steps stamped `≤ t`,
/// whenever it runs and whichever process runs it: what an evaluation sees depends on data, not on wall clock.
/// Before ``begin(epoch:)`` the target serves an empty exposition.
final class ScriptedTarget: Sendable {
    /// How far ahead of the wall clock a step is first served, in seconds.
    static let leadSeconds = 1.0

    /// The script's first second, once begun; a class so the request handler can share it.
    private final class Epoch: Sendable {
        let second = Mutex<Int?>(nil)
    }

    private let epoch = Epoch()
    private let server: HTTPServer
    /// The port it listens on.
    let port: Int

    init() throws {
        var router = Router()
        let epoch = self.epoch
        router.register("/metrics") { _ in
            let body = epoch.second.withLock { $0 }.map {
                Self.exposition(epoch: $0, now: Date().timeIntervalSince1970)
            }
            return HTTPResponse(
                status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
                body: Array((body ?? "").utf8))
        }
        server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), router: router)
        port = try server.start()
    }

    /// Starts the script: step 0 is stamped `epoch` (Unix seconds).
    func begin(epoch start: Int) {
        epoch.second.withLock { $0 = start }
    }

    /// The exposition served at wall time `now` for a script starting at `epoch`.
    static func exposition(epoch: Int, now: Double) -> String {
        let stepSeconds = Double(SideBySideScript.stepSeconds)
        let step = Int(((now + leadSeconds - Double(epoch)) / stepSeconds).rounded(.up))
        guard step >= 0 else { return "" }
        let timestamp = Int64(epoch + step * SideBySideScript.stepSeconds) * 1000
        return SideBySideScript.exposition(step: step, timestampMilliseconds: timestamp)
    }

    /// Stops serving.
    func stop() {
        server.shutdown(gracePeriod: .seconds(1))
    }
}
