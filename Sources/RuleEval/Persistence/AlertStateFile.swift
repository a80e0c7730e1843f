import Synchronization

/// The evaluator's alert state on disk (`<storage.path>/alerts.json`), so alerts survive restarts.
///
/// Use it in three steps:
/// 1. at start, ``load()`` the previous state (on error, log it and use ``SavedAlertState/empty``: a corrupt or
///    unreadable file never stops the evaluator), restore each group with
///    ``RuleGroupEvaluator/restore(from:groupKey:now:outageTolerance:gracePeriod:)`` and ``record(_:for:)`` its
///    ``RuleGroupEvaluator/savedAlerts``, so groups not yet evaluated keep their state in the next write;
/// 2. after each group evaluation, ``save(_:for:)`` that group: the file is rewritten with every group's latest
///    state (one small JSON document, written atomically with ``AtomicFile``);
/// 3. after a configuration reload, ``retainGroups(_:)`` with the groups that still exist.
///
/// Safe to call from every group's task: writes are serialised.
public final class AlertStateFile: Sendable {
    /// The file name under `--storage.path`.
    public static let fileName = "alerts.json"

    /// The file's path.
    public let path: String
    private let latest = Mutex<[RuleGroupKey: SavedRuleGroup]>([:])

    /// A state file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// The state file ``fileName`` in the storage directory `storagePath`.
    public convenience init(storagePath: String) {
        self.init(path: AtomicFile.path(of: Self.fileName, in: storagePath))
    }

    /// The saved state; ``SavedAlertState/empty`` when the file does not exist yet.
    public func load() throws(StateFileError) -> SavedAlertState {
        let bytes: [UInt8]?
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            throw StateFileError(path: path, message: "\(error)")
        }
        guard let bytes else { return .empty }
        do {
            return try SavedAlertState.decode(bytes)
        } catch {
            throw StateFileError(path: path, message: error.message)
        }
    }

    /// Remembers `group` as the latest state of the group `key` without writing the file.
    public func record(_ group: SavedRuleGroup, for key: RuleGroupKey) {
        latest.withLock { $0[key] = group }
    }

    /// Forgets the groups not in `keys` (removed from the configuration); the next write drops them.
    public func retainGroups(_ keys: Set<RuleGroupKey>) {
        latest.withLock { groups in groups = groups.filter { keys.contains($0.key) } }
    }

    /// Records `group` as the latest state of `key` and rewrites the file with every group's latest state.
    public func save(_ group: SavedRuleGroup, for key: RuleGroupKey) throws(StateFileError) {
        do {
            try latest.withLock { groups throws(AtomicFile.Failure) in
                groups[key] = group
                try AtomicFile.write(SavedAlertState(groups: groups).encoded, to: path)
            }
        } catch {
            throw StateFileError(path: path, message: "\(error)")
        }
    }
}
