/// Version facts of this build, reported by `--version` and in `*_build_info` metrics.
public enum BuildInfo {
    /// The Tocsin release version.
    public static let version = "0.1.0"
    /// The Swift language/toolchain generation the binaries are built with.
    public static let swiftVersion = "6"
}
