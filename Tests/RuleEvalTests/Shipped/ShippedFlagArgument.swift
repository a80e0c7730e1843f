/// One `--name=value` (or `--name`) command-line argument.
struct ShippedFlagArgument {
    /// The flag name without `--`.
    let name: String
    /// The value after `=`, if any.
    let value: String?

    init(_ argument: some StringProtocol) {
        let body = argument.drop { $0 == "-" }
        let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        name = String(parts[0])
        value = parts.count == 2 ? String(parts[1]) : nil
    }

    /// The port of a listen address such as `:9813` or `127.0.0.1:9813`.
    var port: Int? {
        value?.split(separator: ":").last.flatMap { Int($0) }
    }
}
