import Glibc
import PromText

extension PrometheusConfiguration {
    /// What `promtool check config` finds about the files a configuration names.
    public struct ReferencedFiles: Sendable, Hashable {
        /// The rule files, each pattern's matches sorted, in pattern order.
        public var ruleFiles: [String]
        /// promtool's warnings for file discovery patterns that match nothing
        /// (`file "targets/*.json" for file_sd in scrape job "node" does not exist`).
        public var warnings: [String]
    }

    /// Resolves and checks the files the configuration names, as `promtool check config` does: a rule file
    /// pattern without `*` must match a file, an `authorization` credentials file and a scrape job's client
    /// certificate and key files must exist, every file a
    /// discovery pattern matches must hold valid target groups, and a pattern that matches nothing is only a
    /// warning.
    ///
    /// - Throws: the first missing file, worded as promtool words it.
    public func referencedFiles() throws(ReferencedFileError) -> ReferencedFiles {
        var files = ReferencedFiles(ruleFiles: [], warnings: [])
        for pattern in ruleFiles {
            let matches = Self.globMatches(pattern)
            if !pattern.contains("*") && matches.isEmpty {
                throw ReferencedFileError(message: "\(GoString.quoted(pattern)) does not point to an existing file")
            }
            files.ruleFiles += matches
        }
        for scrape in scrapeConfigs {
            if let path = scrape.authorization?.credentialsFile, !path.isEmpty, !Self.exists(path) {
                throw ReferencedFileError(
                    message: "error checking authorization credentials or bearer token file \(GoString.quoted(path)): "
                        + "stat \(path): no such file or directory")
            }
            for (kind, path) in [("cert", scrape.tlsConfig.certFile), ("key", scrape.tlsConfig.keyFile)]
            where !path.isEmpty && !Self.exists(path) {
                throw ReferencedFileError(
                    message: "error checking client \(kind) file \(GoString.quoted(path)): "
                        + "stat \(path): no such file or directory")
            }
            files.warnings += try Self.checkDiscoveryFiles(
                scrape.fileSDConfigs, owner: "scrape job \(GoString.quoted(scrape.jobName))")
        }
        for alertmanager in alerting.alertmanagers {
            files.warnings += try Self.checkDiscoveryFiles(alertmanager.fileSDConfigs, owner: "alertmanager config")
        }
        return files
    }

    /// Reads every file the discovery patterns match; returns a warning for each pattern that matches nothing.
    private static func checkDiscoveryFiles(_ configs: [FileSDConfiguration], owner: String)
        throws(ReferencedFileError) -> [String]
    {
        var warnings: [String] = []
        for pattern in configs.flatMap(\.files) {
            let matches = globMatches(pattern)
            if matches.isEmpty {
                warnings.append("file \(GoString.quoted(pattern)) for file_sd in \(owner) does not exist")
            }
            for path in matches {
                do {
                    _ = try TargetDiscovery.loadTargetGroups(fileAt: path)
                } catch {
                    throw ReferencedFileError(message: "checking SD file \(GoString.quoted(path)): \(error)")
                }
            }
        }
        return warnings
    }

    private static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }
}

/// A file a configuration names that is not there.
public struct ReferencedFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, worded as promtool words it.
    public var message: String

    /// `message`.
    public var description: String { message }
}
