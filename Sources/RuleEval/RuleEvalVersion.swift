import Exporter

/// The banner `tocsin-ruleeval --version` prints, in the shape of `promtool --version`.
public enum RuleEvalVersion {
    /// One line naming the program and version.
    public static var banner: String { "tocsin-ruleeval, version \(BuildInfo.version)" }
}
