import Glibc
import PromText

/// The `textfile` collector: metrics that other programs (cron jobs, backup scripts) leave as `*.prom` files in
/// `--collector.textfile.directory`, as node_exporter serves them.
///
/// Every file is validated with the strict text-format parser. A file that does not parse, or that carries
/// client-side timestamps, is skipped whole and sets `node_textfile_scrape_error 1` — it never breaks the scrape.
/// Files that parse contribute their families (merged by name across files; a missing HELP becomes
/// `Metric read from <path>`) and `node_textfile_mtime_seconds{file}`.
public struct TextfileCollector: NodeCollector {
    public let name = "textfile"
    /// The directory may be on a slow or network file system.
    public var mayBlock: Bool { true }
    /// The directory read, or `nil` when none is configured (then only the error gauge, at 0, is reported).
    public let directory: String?
    /// Called with one line per skipped file or unreadable directory, for logging.
    private let report: @Sendable (String) -> Void

    /// One `*.prom` file as read from disk.
    public struct File: Sendable {
        /// The file name (the `file` label).
        public var name: String
        /// The full path, for messages and default help.
        public var path: String
        /// The contents.
        public var bytes: [UInt8]
        /// The modification time in seconds since the epoch.
        public var modificationTime: Double

        /// Creates a file description.
        public init(name: String, path: String, bytes: [UInt8], modificationTime: Double) {
            self.name = name
            self.path = path
            self.bytes = bytes
            self.modificationTime = modificationTime
        }
    }

    /// Creates the collector; `report` receives a line per problem.
    public init(directory: String?, report: @escaping @Sendable (String) -> Void = { _ in }) {
        self.directory = directory
        self.report = report
    }

    public func update() throws -> [MetricFamily] {
        guard let directory else { return Self.families(from: [], directoryError: false, report: report) }
        let names: [String]
        do {
            names = try SystemFile.list(directory).filter { $0.hasSuffix(".prom") }
        } catch {
            report("failed to read textfile collector directory \(directory): \(error)")
            return Self.families(from: [], directoryError: true, report: report)
        }
        var files: [File] = []
        var readError = false
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            do {
                let bytes = try SystemFile.read(path)
                var status = stat()
                guard stat(path, &status) == 0 else { throw CollectorError.unreadable(path: path, errno: errno) }
                let modificationTime = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
                files.append(
                    File(name: name, path: path, bytes: bytes, modificationTime: modificationTime.rounded(.down)))
            } catch {
                readError = true
                report("failed to read textfile \(path): \(error)")
            }
        }
        return Self.families(from: files, directoryError: readError, report: report)
    }

    /// The families served for the given files (pure: parsing, validation, merging, the two own gauges).
    public static func families(
        from files: [File],
        directoryError: Bool,
        report: (String) -> Void = { _ in }
    ) -> [MetricFamily] {
        var merged: [MetricFamily] = []
        var indexByName: [String: Int] = [:]
        var mtimes: [(labels: Labels, value: Double)] = []
        var errored = directoryError
        for file in files.sorted(by: { $0.name < $1.name }) {
            let parsed: [MetricFamily]
            do {
                parsed = try ExpositionParser.parseFamilies(file.bytes, format: .text, strictness: .prometheus)
            } catch {
                errored = true
                report("failed to parse textfile data from \(file.path): \(error)")
                continue
            }
            if parsed.contains(where: { $0.samples.contains { $0.timestampMilliseconds != nil } }) {
                errored = true
                report("textfile \(file.path) contains unsupported client-side timestamps, skipping entire file")
                continue
            }
            for var family in parsed {
                family.help = family.help ?? "Metric read from \(file.path)"
                if let index = indexByName[family.name] {
                    merged[index].samples += family.samples
                } else {
                    indexByName[family.name] = merged.count
                    merged.append(family)
                }
            }
            mtimes.append((["file": file.name], file.modificationTime))
        }
        if !mtimes.isEmpty {
            merged.append(
                .labelled(
                    "node_textfile_mtime_seconds", .gauge, help: "Unixtime mtime of textfiles successfully read.",
                    samples: mtimes))
        }
        merged.append(
            .single(
                "node_textfile_scrape_error", .gauge,
                help: "1 if there was an error opening or reading a file, 0 otherwise", value: errored ? 1 : 0))
        return merged
    }
}
