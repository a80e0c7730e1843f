import PromText

/// One `static_configs` entry: targets and the labels they share.
public struct StaticConfiguration: Sendable, Hashable {
    /// The targets, as `host:port`.
    public var targets: [String]
    /// Labels added to every target, sorted by name.
    public var labels: Labels

    /// Creates a static target group.
    public init(targets: [String] = [], labels: Labels = Labels()) {
        self.targets = targets
        self.labels = labels
    }
}

/// One `file_sd_configs` entry: files of target groups, re-read every `refresh_interval`.
public struct FileSDConfiguration: Sendable, Hashable {
    /// File patterns (a `*` only in the last path element), resolved against the configuration file's directory.
    public var files: [String]
    /// How often the files are re-read; default 5m.
    public var refreshInterval: PrometheusDuration

    /// Creates a file discovery configuration.
    public init(files: [String] = [], refreshInterval: PrometheusDuration = .minutes(5)) {
        self.files = files
        self.refreshInterval = refreshInterval
    }
}

/// The service discovery mechanisms of a scrape or Alertmanager configuration.
struct TargetDiscovery: Sendable, Hashable {
    var staticConfigs: [StaticConfiguration] = []
    var fileSDConfigs: [FileSDConfiguration] = []

    /// The discovery fields Tocsin reads.
    static let fields: Set<String> = ["static_configs", "file_sd_configs"]

    /// The discovery mechanisms Prometheus has and Tocsin does not.
    static let unsupportedFields: Set<String> = [
        "azure_sd_configs", "consul_sd_configs", "digitalocean_sd_configs", "docker_sd_configs",
        "dockerswarm_sd_configs", "dns_sd_configs", "ec2_sd_configs", "eureka_sd_configs", "gce_sd_configs",
        "hetzner_sd_configs", "http_sd_configs", "ionos_sd_configs", "kubernetes_sd_configs", "kuma_sd_configs",
        "lightsail_sd_configs", "linode_sd_configs", "marathon_sd_configs", "nerve_sd_configs", "nomad_sd_configs",
        "openstack_sd_configs", "ovhcloud_sd_configs", "puppetdb_sd_configs", "scaleway_sd_configs",
        "serverset_sd_configs", "stackit_sd_configs", "triton_sd_configs", "uyuni_sd_configs", "vultr_sd_configs",
    ]

    /// The extensions `file_sd_configs` files may have.
    private static let fileSDExtensions = [".json", ".yml", ".yaml", ".JSON", ".YML", ".YAML"]

    /// Reads the discovery fields.
    ///
    /// - Parameter checkTargets: reject targets containing `/` (Prometheus does so when there are no
    ///   relabel configs that could rewrite them).
    static func decode(
        _ fields: YAMLFields, with decoder: YAMLDecoder, directory: String, names: NameValidationScheme,
        checkTargets: Bool
    ) throws(YAMLError) -> TargetDiscovery {
        var discovery = TargetDiscovery()
        if let node = fields["static_configs"] {
            for item in try decoder.sequence(node) {
                discovery.staticConfigs.append(
                    try decodeTargetGroup(item, with: decoder, names: names, checkTargets: checkTargets))
            }
        }
        if let node = fields["file_sd_configs"] {
            for item in try decoder.sequence(node) {
                let sd = try decoder.fields(of: item, type: "file.SDConfig", known: ["files", "refresh_interval"])
                var config = FileSDConfiguration()
                if let value = sd["refresh_interval"] { config.refreshInterval = try decoder.duration(value) }
                for file in try sd["files"].map(decoder.sequence) ?? [] {
                    let name = try decoder.string(file)
                    // Prometheus's `^[^*]*(\*[^/]*)?\.(json|yml|yaml|JSON|YML|YAML)$`.
                    guard isValidGlobPattern(name), fileSDExtensions.contains(where: name.hasSuffix) else {
                        throw decoder.error(
                            "path name \(GoString.quoted(name)) is not valid for file discovery", at: file.position)
                    }
                    config.files.append(joinDirectory(directory, name))
                }
                if config.files.isEmpty {
                    throw decoder.error(
                        "file service discovery config must contain at least one path name", at: item.position)
                }
                discovery.fileSDConfigs.append(config)
            }
        }
        return discovery
    }
}

extension TargetDiscovery {
    /// Reads one target group (`targets` and `labels`); with `checkTargets`, a target containing `/` is an error
    /// as in `static_configs`.
    static func decodeTargetGroup(
        _ item: YAMLNode, with decoder: YAMLDecoder, names: NameValidationScheme, checkTargets: Bool
    ) throws(YAMLError) -> StaticConfiguration {
        let group = try decoder.fields(of: item, type: "targetgroup.Group", known: ["targets", "labels"])
        var config = StaticConfiguration()
        if let targets = group["targets"] {
            for target in try decoder.sequence(targets) {
                let address = try decoder.string(target)
                if checkTargets && address.contains("/") {
                    throw decoder.error("\(GoString.quoted(address)) is not a valid hostname", at: target.position)
                }
                config.targets.append(address)
            }
        }
        if let labels = group["labels"] {
            config.labels = try decodeLabels(labels, with: decoder, names: names)
        }
        return config
    }

    /// Reads a file discovery file: a list of target groups, in YAML or (for `.json` files) JSON, which is read
    /// as YAML flow syntax.
    ///
    /// - Throws: a ``YAMLError`` for a file that cannot be read, does not parse or holds an invalid group
    ///   (an empty entry is `nil target group item found (index N)`, an empty JSON file is an error).
    static func loadTargetGroups(fileAt path: String, names: NameValidationScheme = .utf8)
        throws(YAMLError) -> [StaticConfiguration]
    {
        let root = try YAMLParser.parse(try readFile(atPath: path), fileName: path)
        let decoder = YAMLDecoder(fileName: path)
        if root.isNull && path.lowercased().hasSuffix(".json") {
            throw decoder.error("unexpected end of JSON input", at: root.position)
        }
        var groups: [StaticConfiguration] = []
        for (index, item) in try decoder.sequence(root).enumerated() {
            if item.isNull { throw decoder.error("nil target group item found (index \(index))", at: item.position) }
            groups.append(try decodeTargetGroup(item, with: decoder, names: names, checkTargets: false))
        }
        return groups
    }
}

/// Reads a label set (`labels`, `external_labels`), checking names as `model.LabelSet` does; sorted by name.
func decodeLabels(_ node: YAMLNode, with decoder: YAMLDecoder, names: NameValidationScheme) throws(YAMLError)
    -> Labels
{
    var labels = Labels()
    for entry in try decoder.stringMap(node) {
        guard names.isValidLabelName(entry.key) else {
            throw decoder.error("\(GoString.quoted(entry.key)) is not a valid label name", at: entry.keyPosition)
        }
        labels.append(Label(entry.key, entry.value))
    }
    return labels.sorted()
}
