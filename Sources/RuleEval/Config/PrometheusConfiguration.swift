import Glibc
import PromText

/// A `prometheus.yml`: the parts Tocsin implements, decoded strictly and validated as Prometheus does.
///
/// Fields Prometheus has and Tocsin does not (`remote_write`, `storage`, `kubernetes_sd_configs`, `oauth2`,
/// ...) are errors saying so, never silently ignored; unknown fields are errors like Prometheus's
/// "field x not found in type T". Relative paths (rule files, file discovery files, credential files) are
/// resolved against the directory of the configuration file.
public struct PrometheusConfiguration: Sendable, Hashable {
    /// The `global` section with defaults applied.
    public var global: GlobalConfiguration
    /// Rule file patterns (a `*` only in the last path element), resolved against the configuration directory.
    public var ruleFiles: [String]
    /// The scrape jobs, with global defaults applied.
    public var scrapeConfigs: [ScrapeConfiguration]
    /// The `alerting` section.
    public var alerting: AlertingConfiguration

    /// An empty configuration with every default.
    public init(
        global: GlobalConfiguration = GlobalConfiguration(), ruleFiles: [String] = [],
        scrapeConfigs: [ScrapeConfiguration] = [], alerting: AlertingConfiguration = AlertingConfiguration()
    ) {
        self.global = global
        self.ruleFiles = ruleFiles
        self.scrapeConfigs = scrapeConfigs
        self.alerting = alerting
    }

    /// Reads and validates the configuration file at `path`.
    public static func load(fileAt path: String) throws(YAMLError) -> PrometheusConfiguration {
        let bytes = try readFile(atPath: path)
        return try parse(bytes, fileName: path, directory: directoryName(of: path))
    }

    /// Parses and validates configuration text.
    ///
    /// - Parameters:
    ///   - fileName: the name used in error messages.
    ///   - directory: the directory relative paths are resolved against (empty: leave them relative).
    ///   - environment: looks up the variables `$NAME` in `external_labels` values expand to (the process
    ///     environment by default, as in Prometheus).
    public static func parse(
        _ bytes: some Collection<UInt8>, fileName: String, directory: String,
        environment: (String) -> String? = EnvironmentExpansion.processEnvironment
    ) throws(YAMLError) -> PrometheusConfiguration {
        let root = try YAMLParser.parse(bytes, fileName: fileName)
        let decoder = YAMLDecoder(fileName: fileName)
        let fields = try decoder.fields(
            of: root, type: "config.Config", known: ["global", "alerting", "rule_files", "scrape_configs"],
            unsupported: [
                "runtime", "scrape_config_files", "storage", "tracing", "remote_write", "remote_read", "otlp",
            ])
        var config = PrometheusConfiguration()
        if let node = fields["global"] { config.global = try GlobalConfiguration.decode(node, with: decoder) }
        config.global.externalLabels = Labels(
            config.global.externalLabels.map {
                Label($0.name, EnvironmentExpansion.expand($0.value, lookup: environment))
            })
        for item in try fields["rule_files"].map(decoder.sequence) ?? [] {
            let pattern = try decoder.string(item)
            guard isValidGlobPattern(pattern) else {
                throw decoder.error("invalid rule file path \(GoString.quoted(pattern))", at: item.position)
            }
            config.ruleFiles.append(joinDirectory(directory, pattern))
        }
        var jobNames = Set<String>()
        for item in try fields["scrape_configs"].map(decoder.sequence) ?? [] {
            let scrape = try ScrapeConfiguration.decode(
                item, with: decoder, global: config.global, directory: directory)
            if !jobNames.insert(scrape.jobName).inserted {
                throw decoder.error(
                    "found multiple scrape configs with job name \(GoString.quoted(scrape.jobName))", at: item.position)
            }
            config.scrapeConfigs.append(scrape)
        }
        if let node = fields["alerting"] {
            config.alerting = try AlertingConfiguration.decode(node, with: decoder, directory: directory)
        }
        return config
    }

    /// The rule files the patterns match now, each pattern's matches sorted, as Prometheus expands them with
    /// `filepath.Glob` (a pattern matching nothing contributes nothing).
    public func resolvedRuleFiles() -> [String] {
        ruleFiles.flatMap(Self.globMatches)
    }

    /// The paths `pattern` matches now, sorted, as Go's `filepath.Glob` (none when nothing matches).
    static func globMatches(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
        return (0..<Int(matches.gl_pathc)).compactMap { index in
            matches.gl_pathv[index].map { String(cString: $0) }
        }
    }
}

/// Prometheus's rule and discovery file patterns (`^[^*]*(\*[^/]*)?$`): a `*` only in the last path element.
func isValidGlobPattern(_ pattern: String) -> Bool {
    guard let star = pattern.firstIndex(of: "*") else { return true }
    return !pattern[star...].contains("/")
}

/// The directory part of `path` (`.` when there is none), as Go's `filepath.Dir`.
func directoryName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return cleanPath(String(path[...slash]))
}

/// Reads a whole file; failures are reported as an error about the file.
func readFile(atPath path: String) throws(YAMLError) -> [UInt8] {
    let unreadable: (String) -> YAMLError = { reason in
        YAMLError(fileName: path, position: .wholeFile, message: reason)
    }
    guard let file = fopen(path, "rb") else { throw unreadable(String(cString: strerror(errno))) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        bytes.append(contentsOf: buffer[0..<count])
        if count < buffer.count {
            if ferror(file) != 0 { throw unreadable(String(cString: strerror(errno))) }
            return bytes
        }
    }
}
