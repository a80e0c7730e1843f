import PromText

/// Text helpers that reproduce how Go formats strings, so that keys and payloads built here are byte for byte what
/// Alertmanager builds (quoting and ordering are PromText's `GoString`).
enum GoText {
    /// Lower-case hexadecimal of a byte sequence (`fmt.Sprintf("%x", bytes)`).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { GoString.hex(UInt64($0), digits: 2) }.joined()
    }

    /// `regexp.QuoteMeta`: backslash before every regular-expression metacharacter.
    static func quoteMeta(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\.+*?()|[]{}^$".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
