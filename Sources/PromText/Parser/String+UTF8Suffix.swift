extension String {
    /// Whether the string's UTF-8 bytes end with `suffix`'s, compared byte for byte as Go's `strings.HasSuffix`
    /// does (Swift's `hasSuffix` compares characters under canonical equivalence instead).
    func hasUTF8Suffix(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }
}
