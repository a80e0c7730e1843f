import PromText

/// The silences of one Alertmanager, with the rules of its `silence` package for creating, updating and
/// expiring them. All times are explicit (`now`); IDs are random UUIDs from a caller-supplied generator.
public struct SilenceStore: Sendable {
    /// How long an expired silence is kept before it is forgotten (`--data.retention`, 120h).
    public var retention: Int64 = 120 * 3_600_000
    private var silences: [String: Silence] = [:]
    private var compiled: [String: [AlertMatcher]] = [:]

    /// An empty store.
    public init() {}

    /// Every stored silence, ordered by ID.
    public var all: [Silence] { silences.values.sorted { $0.id < $1.id } }

    /// The silence with `id`, if stored.
    public func silence(id: String) -> Silence? { silences[id] }

    /// The silences in `state` at `now`, ordered by ID.
    public func query(state: Silence.State, now: Int64) -> [Silence] {
        all.filter { $0.state(at: now) == state }
    }

    /// Creates or updates a silence as `POST /api/v2/silences` does and returns its ID.
    ///
    /// The silence must end after it starts and not in the past. A new silence (empty ID) starting in the past
    /// starts `now`. An existing silence is changed in place only when its matchers are unchanged and the change is
    /// allowed in its state (active: same start, end not in the past; pending: start not in the past); otherwise
    /// the old one is expired and a new one with a new ID replaces it.
    public mutating func set(
        _ silence: Silence,
        now: Int64,
        using generator: inout some RandomNumberGenerator
    ) throws(SilenceError) -> String {
        guard silence.startsAt < silence.endsAt else { throw SilenceError("start time must be before end time") }
        guard silence.endsAt >= now else { throw SilenceError("end time can't be in the past") }
        let matchers = try Self.validatedMatchers(silence.matchers)
        var incoming = silence
        incoming.updatedAt = now
        if !silence.id.isEmpty {
            guard let existing = silences[silence.id] else { throw SilenceError("not found", isNotFound: true) }
            if Self.canUpdate(existing, to: incoming, now: now) {
                store(incoming, matchers: matchers)
                return incoming.id
            }
            if existing.state(at: now) != .expired { try expire(id: existing.id, now: now) }
        }
        incoming.id = Self.uuid(using: &generator)
        incoming.startsAt = max(incoming.startsAt, now)
        store(incoming, matchers: matchers)
        return incoming.id
    }

    /// Ends a silence now (`DELETE /api/v2/silence/{id}`): an active one ends `now`, a pending one starts and
    /// ends `now`; an expired one cannot be expired again.
    public mutating func expire(id: String, now: Int64) throws(SilenceError) {
        guard var silence = silences[id] else { throw SilenceError("not found", isNotFound: true) }
        switch silence.state(at: now) {
        case .expired: throw SilenceError("silence \(id) already expired")
        case .active: silence.endsAt = now
        case .pending:
            silence.startsAt = now
            silence.endsAt = now
        }
        silence.updatedAt = now
        silences[id] = silence
    }

    /// The IDs of the active silences that mute an alert with `labels` at `now`, ordered by ID.
    public func silencingIDs(of labels: Labels, now: Int64) -> [String] {
        all.filter { $0.state(at: now) == .active && (compiled[$0.id] ?? []).allMatch(labels) }.map(\.id)
    }

    /// Whether an active silence mutes an alert with `labels` at `now`.
    public func isSilenced(_ labels: Labels, now: Int64) -> Bool {
        !silencingIDs(of: labels, now: now).isEmpty
    }

    /// Forgets silences that ended more than ``retention`` before `now`.
    public mutating func collectGarbage(now: Int64) {
        for silence in silences.values where silence.endsAt + retention < now {
            silences[silence.id] = nil
            compiled[silence.id] = nil
        }
    }

    /// Replaces the contents with `loaded` (e.g. from ``SilenceStore/decode(_:)``), skipping invalid silences.
    public mutating func load(_ loaded: [Silence]) {
        silences = [:]
        compiled = [:]
        for silence in loaded where !silence.id.isEmpty {
            guard let matchers = try? Self.validatedMatchers(silence.matchers) else { continue }
            store(silence, matchers: matchers)
        }
    }

    private mutating func store(_ silence: Silence, matchers: [AlertMatcher]) {
        silences[silence.id] = silence
        compiled[silence.id] = matchers
    }

    /// `validateSilence`'s matcher checks: at least one, each valid, not all matching the empty string.
    static func validatedMatchers(_ matchers: [Silence.Matcher]) throws(SilenceError) -> [AlertMatcher] {
        guard !matchers.isEmpty else { throw SilenceError("at least one matcher required") }
        var compiled: [AlertMatcher] = []
        for (index, matcher) in matchers.enumerated() {
            guard !matcher.name.isEmpty else {
                throw SilenceError("invalid label matcher \(index): invalid label name \"\"")
            }
            do {
                compiled.append(try matcher.alertMatcher())
            } catch {
                throw SilenceError("invalid label matcher \(index): \(error.message)")
            }
        }
        if compiled.allSatisfy({ $0.matches(value: "") }) {
            throw SilenceError("at least one matcher must not match the empty string")
        }
        return compiled
    }

    /// `canUpdate`: same matchers, and a change the old silence's state allows.
    private static func canUpdate(_ old: Silence, to new: Silence, now: Int64) -> Bool {
        guard old.matchers == new.matchers else { return false }
        switch old.state(at: now) {
        case .active: return new.startsAt == old.startsAt && new.endsAt >= now
        case .pending: return new.startsAt >= now
        case .expired: return false
        }
    }

    /// A random (version 4) UUID in its canonical lower-case text form.
    static func uuid(using generator: inout some RandomNumberGenerator) -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = bytes[6] & 0x0f | 0x40
        bytes[8] = bytes[8] & 0x3f | 0x80
        let hex = GoText.hex(bytes)
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return parts.joined(separator: "-")
    }
}
