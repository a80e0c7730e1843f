import Exporter
import PromText
import Synchronization

/// Alertmanager's silence endpoints (API v2) for direct dispatch, so `amtool silence add|query|expire` and the
/// Alertmanager UI's client code work against the evaluator:
///
/// - `POST /api/v2/silences`: create, or update by `id` (``SilenceStore/set(_:now:using:)``); answers
///   `{"silenceID":"..."}`;
/// - `GET /api/v2/silences[?filter=<matcher>...]`: every stored silence (`gettableSilences`), in Alertmanager's
///   order; a filter selects silences having that exact matcher;
/// - `GET /api/v2/silence/<id>`: one silence, 404 when unknown;
/// - `DELETE /api/v2/silence/<id>`: expires it.
///
/// Errors carry Alertmanager's status codes and messages. Every change is written to the ``SilenceFile`` at once;
/// expired silences are forgotten after ``SilenceStore/retention`` (120h). The dispatcher reads the current
/// silences through ``store`` or ``isSilenced(_:)``.
public final class SilenceAPI: Sendable {
    private struct State: Sendable {
        var store: SilenceStore
        var generator: any RandomNumberGenerator & Sendable
    }

    private let state: Mutex<State>
    private let file: SilenceFile?
    private let now: @Sendable () -> Int64
    private let reportError: @Sendable (StateFileError) -> Void

    /// Creates the API over an empty store.
    ///
    /// - Parameters:
    ///   - file: where silences are persisted; `nil` keeps them in memory only.
    ///   - retention: how long expired silences are kept (Alertmanager's `--data.retention`), in milliseconds.
    ///   - now: the clock, in milliseconds since the epoch.
    ///   - randomNumberGenerator: the source of silence IDs (random UUIDs).
    ///   - reportError: called when writing the file fails; the change itself stands.
    public init(
        file: SilenceFile?,
        retention: Int64 = SilenceStore().retention,
        now: @escaping @Sendable () -> Int64 = ScrapeManager.realTimeMilliseconds,
        randomNumberGenerator: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(),
        reportError: @escaping @Sendable (StateFileError) -> Void = { _ in }
    ) {
        var store = SilenceStore()
        store.retention = retention
        self.state = Mutex(State(store: store, generator: randomNumberGenerator))
        self.file = file
        self.now = now
        self.reportError = reportError
    }

    /// Replaces the silences with those saved in the file (none when it does not exist), dropping ones past
    /// their retention. Throws when the file cannot be read or decoded: log it and carry on without silences.
    public func load() throws(StateFileError) {
        guard let file else { return }
        let loaded = try file.load()
        let time = now()
        state.withLock { state in
            state.store.load(loaded)
            state.store.collectGarbage(now: time)
        }
    }

    /// A snapshot of the silences, for the dispatcher (`dispatcher.silences = api.store`).
    public var store: SilenceStore {
        state.withLock { $0.store }
    }

    /// Whether an active silence mutes an alert with `labels` now.
    public func isSilenced(_ labels: Labels) -> Bool {
        let time = now()
        return state.withLock { $0.store.isSilenced(labels, now: time) }
    }

    /// Forgets silences past their retention and rewrites the file when any was dropped; the API also does this
    /// on every request, so call it only to keep the file tidy while the API is idle.
    public func collectGarbage() {
        let time = now()
        state.withLock { state in
            if Self.collectGarbage(in: &state.store, now: time) { persist(state.store, now: time) }
        }
    }

    /// Registers the four endpoints on `router`.
    public func register(on router: inout Router) {
        router.register("/api/v2/silences", methods: [.get, .post]) { request in
            request.method == .post ? self.postSilences(request) : self.getSilences(request)
        }
        router.register(prefix: "/api/v2/silence/", methods: [.get, .delete]) { request in
            let id = String(request.path.dropFirst("/api/v2/silence/".count))
            guard Self.isUUID(id) else {
                return SilenceAPIError.validation(
                    code: 601, "silenceID in path must be of type uuid: \(GoString.quoted(id))"
                )
                .response
            }
            return request.method == .delete ? self.deleteSilence(id: id) : self.getSilence(id: id)
        }
    }

    private func postSilences(_ request: HTTPRequest) -> HTTPResponse {
        let time = now()
        let silence: Silence
        do {
            silence = try Self.postableSilence(request.body)
        } catch {
            return error.response
        }
        if silence.startsAt >= silence.endsAt {
            return SilenceAPIError.message("Failed to create silence: start time must be before end time").response
        }
        if silence.endsAt < time {
            return SilenceAPIError.message("Failed to create silence: end time can't be in the past").response
        }
        let result = state.withLock { state -> Result<String, SilenceError> in
            Self.collectGarbage(in: &state.store, now: time)
            let result = Result { () throws(SilenceError) in
                try state.store.set(silence, now: time, using: &state.generator)
            }
            if case .success = result { persist(state.store, now: time) }
            return result
        }
        switch result {
        case .success(let id):
            return Self.json(.object([("silenceID", .string(id))]))
        case .failure(let error) where error.isNotFound:
            return SilenceAPIError.message("silence not found", status: .notFound).response
        case .failure(let error):
            return SilenceAPIError.message("invalid silence: \(error.message)").response
        }
    }

    private func getSilences(_ request: HTTPRequest) -> HTTPResponse {
        let time = now()
        let filter: [AlertMatcher]
        do {
            filter = try Self.filterMatchers(request.query)
        } catch {
            return error.response
        }
        let silences = state.withLock { state in
            if Self.collectGarbage(in: &state.store, now: time) { persist(state.store, now: time) }
            return state.store.all
        }
        let listed = Self.sortedForListing(silences.filter { Self.silence($0, matches: filter) }, now: time)
        return Self.json(.array(listed.map { SilenceStore.json($0, now: time) }))
    }

    private func getSilence(id: String) -> HTTPResponse {
        let time = now()
        guard let silence = state.withLock({ $0.store.silence(id: id) }) else { return HTTPResponse(status: .notFound) }
        return Self.json(SilenceStore.json(silence, now: time))
    }

    private func deleteSilence(id: String) -> HTTPResponse {
        let time = now()
        let result = state.withLock { state -> Result<Void, SilenceError> in
            let result = Result { () throws(SilenceError) in try state.store.expire(id: id, now: time) }
            if case .success = result { persist(state.store, now: time) }
            return result
        }
        guard case .failure(let failure) = result else { return HTTPResponse(status: .ok) }
        if failure.isNotFound { return HTTPResponse(status: .notFound) }
        return SilenceAPIError.message(failure.message, status: .internalServerError).response
    }

    /// Drops silences past their retention; returns whether any was dropped.
    @discardableResult
    private static func collectGarbage(in store: inout SilenceStore, now: Int64) -> Bool {
        let before = store.all.count
        store.collectGarbage(now: now)
        return store.all.count != before
    }

    /// Writes the file (called with the lock held, so writes never interleave).
    private func persist(_ store: SilenceStore, now: Int64) {
        guard let file else { return }
        do {
            try file.save(store, now: now)
        } catch {
            reportError(error)
        }
    }

    /// A JSON response as go-openapi's producer writes it: `application/json`, a trailing newline.
    static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: ["Content-Type": "application/json"], body: value.encoded + [UInt8(ascii: "\n")])
    }
}
