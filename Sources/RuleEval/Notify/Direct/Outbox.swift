import Glibc
import Synchronization

/// The durable outbox under `<storage.path>/outbox/`: one file per notification, written atomically (temporary
/// file, `fsync`, rename) before the first delivery attempt and removed once the notification was delivered or
/// given up, so a crash between the two re-delivers it on the next start (with the same idempotency key).
final class Outbox: Sendable {
    /// The outbox directory.
    let directory: String
    private let count = Atomic<Int>(0)

    /// Opens (creating when needed) the outbox in `directory`.
    init(directory: String) throws(AtomicFile.Failure) {
        self.directory = directory
        try AtomicFile.createDirectory(directory)
    }

    /// How many notifications are in the outbox.
    var length: Int { count.load(ordering: .relaxed) }

    /// Writes `entry` durably.
    func add(_ entry: OutboxEntry) throws(AtomicFile.Failure) {
        try AtomicFile.write(entry.encoded, to: path(of: entry))
        count.add(1, ordering: .relaxed)
    }

    /// Removes a delivered (or abandoned) entry.
    func remove(_ entry: OutboxEntry) {
        if unlink(path(of: entry)) == 0 { count.subtract(1, ordering: .relaxed) }
    }

    /// The stored entries, oldest first. Temporary files of writes a crash interrupted are deleted (their entry
    /// was never handed to delivery); files that do not decode, or whose entry ID is not their name, are returned
    /// in `unreadable` and left alone.
    func pending() -> (entries: [OutboxEntry], unreadable: [String]) {
        guard let stream = opendir(directory) else { return ([], []) }
        defer { closedir(stream) }
        var names: [String] = []
        while let item = readdir(stream) {
            let name = withUnsafeBytes(of: item.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".json") {
                names.append(name)
            } else if name.hasSuffix(".json.tmp") {
                unlink(directory + "/" + name)
            }
        }
        var entries: [OutboxEntry] = []
        var unreadable: [String] = []
        for name in names.sorted() {
            let file = directory + "/" + name
            if let bytes = try? AtomicFile.read(file), let entry = OutboxEntry(decoding: bytes),
                entry.id + ".json" == name
            {
                entries.append(entry)
            } else {
                unreadable.append(file)
            }
        }
        count.store(entries.count, ordering: .relaxed)
        return (entries, unreadable)
    }

    private func path(of entry: OutboxEntry) -> String { directory + "/" + entry.id + ".json" }
}
