import Glibc

/// Prometheus expands environment variables in `external_labels` values with Go's `os.Expand`: `$NAME` and
/// `${NAME}` are replaced by the variable (empty when unset), `$$` is a `$`, and malformed references are
/// dropped or kept exactly as `os.Expand` does.
public enum EnvironmentExpansion {
    /// Looks a variable up in the process environment.
    public static func processEnvironment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Expands `text` with `lookup`, as Prometheus's `config.Load` does for external label values.
    public static func expand(_ text: String, lookup: (String) -> String?) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "$")) else { return text }
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count else {
                result.append(bytes[index])
                index += 1
                continue
            }
            let (name, width) = shellName(bytes[(index + 1)...])
            if name.isEmpty && width == 0 {
                result.append(UInt8(ascii: "$"))
            } else if !name.isEmpty {
                let value = name == "$" ? "$" : lookup(name) ?? ""
                result.append(contentsOf: value.utf8)
            }
            index += 1 + width
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Go's `getShellName`: the variable name after a `$` and how many bytes it spans; an empty name with a
    /// non-zero width is malformed syntax that is dropped.
    private static func shellName(_ bytes: ArraySlice<UInt8>) -> (String, Int) {
        let start = bytes.startIndex
        let isSpecial: (UInt8) -> Bool = { "*#$@!?-0123456789".utf8.contains($0) }
        if bytes[start] == UInt8(ascii: "{") {
            if bytes.count > 2 && isSpecial(bytes[start + 1]) && bytes[start + 2] == UInt8(ascii: "}") {
                return (String(decoding: bytes[(start + 1)...(start + 1)], as: UTF8.self), 3)
            }
            guard let close = bytes.firstIndex(of: UInt8(ascii: "}")) else { return ("", 1) }
            if close == start + 1 { return ("", 2) }
            return (String(decoding: bytes[(start + 1)..<close], as: UTF8.self), close - start + 1)
        }
        if isSpecial(bytes[start]) { return (String(decoding: bytes[start...start], as: UTF8.self), 1) }
        let name = bytes.prefix {
            $0 == UInt8(ascii: "_") || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z"))
        }
        return (String(decoding: name, as: UTF8.self), name.count)
    }
}
