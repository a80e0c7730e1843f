/// RE2's case-insensitive matching: each scalar matches the members of its simple case-folding orbit
/// (`k`, `K` and the Kelvin sign `K`; `s`, `S` and `ſ`; `σ`, `Σ` and `ς`).
///
/// The orbits are derived once from the Unicode case mappings: scalars whose upper case's lower case is the same
/// single scalar share an orbit. That matches Go's `unicode.SimpleFold` except where the full mappings or
/// Turkic rules differ, which are listed in `exceptions`.
enum SimpleCaseFolding {
    /// The lowest and highest scalars that fold to something else (Go's `minFold`/`maxFold`).
    static let lowestFoldingScalar: UInt32 = 0x41
    static let highestFoldingScalar: UInt32 = 0x1E943

    /// Scalars whose orbit key is given explicitly: `ı` folds to nothing; `ΐ`/`ΰ` and `ﬅ` fold to their
    /// canonical twins.
    private static let exceptions: [UInt32: UInt32] = [0x131: 0x131, 0x1FD3: 0x390, 0x1FE3: 0x3B0, 0xFB05: 0xFB06]

    private static let orbits: [UInt32: [UInt32]] = {
        var groups: [UInt32: [UInt32]] = [:]
        for value in lowestFoldingScalar...highestFoldingScalar {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped else { continue }
            groups[key(of: scalar), default: []].append(value)
        }
        var orbits: [UInt32: [UInt32]] = [:]
        for (key, members) in groups {
            let orbit = Array(Set(members + [key])).sorted()
            guard orbit.count > 1 else { continue }
            for member in orbit { orbits[member] = orbit }
        }
        return orbits
    }()

    /// The scalars that match `value` case-insensitively, `value` included.
    static func orbit(of value: UInt32) -> [UInt32] {
        orbits[value] ?? [value]
    }

    private static func key(of scalar: Unicode.Scalar) -> UInt32 {
        if let exception = exceptions[scalar.value] { return exception }
        let upper = single(scalar.properties.uppercaseMapping) ?? scalar
        return (single(upper.properties.lowercaseMapping) ?? scalar).value
    }

    private static func single(_ mapping: String) -> Unicode.Scalar? {
        var scalars = mapping.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return nil }
        return first
    }
}
