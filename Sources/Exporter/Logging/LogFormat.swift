/// Output format of log lines, as Prometheus's `--log.format` names them.
public enum LogFormat: String, Sendable, CaseIterable {
    /// `ts=... level=info msg="..." key=value` (go-kit logfmt).
    case logfmt
    /// One JSON object per line.
    case json
}
