/// The silences on disk (`<storage.path>/silences.json`), in the JSON shape `GET /api/v2/silences` returns
/// (``SilenceStore/encoded(now:)``), so the file can also be inspected or seeded with `amtool`'s output.
public struct SilenceFile: Sendable, Hashable {
    /// The file name under `--storage.path`.
    public static let fileName = "silences.json"

    /// The file's path.
    public var path: String

    /// A silence file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// The silence file ``fileName`` in the storage directory `storagePath`.
    public init(storagePath: String) {
        self.init(path: AtomicFile.path(of: Self.fileName, in: storagePath))
    }

    /// The saved silences; none when the file does not exist yet. A file that cannot be read or decoded throws:
    /// log it and start without silences.
    public func load() throws(StateFileError) -> [Silence] {
        let bytes: [UInt8]?
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            throw StateFileError(path: path, message: "\(error)")
        }
        guard let bytes else { return [] }
        do {
            return try SilenceStore.decode(bytes)
        } catch {
            throw StateFileError(path: path, message: error.message)
        }
    }

    /// Replaces the file with every silence in `store` (atomically, with ``AtomicFile``).
    public func save(_ store: SilenceStore, now: Int64) throws(StateFileError) {
        do {
            try AtomicFile.write(store.encoded(now: now), to: path)
        } catch {
            throw StateFileError(path: path, message: "\(error)")
        }
    }
}
