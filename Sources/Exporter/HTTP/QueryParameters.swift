/// The parsed query string of a request target: ordered key/value pairs, keys may repeat.
///
/// Parsing follows Go's `url.ParseQuery`, which Prometheus exporters use: pairs are separated by `&`, a pair
/// without `=` has an empty value, `+` decodes to a space, and a pair with an invalid `%` escape is dropped.
/// `collect[]=a&collect[]=b` gives two values for the key `collect[]`.
public struct QueryParameters: Sendable, Hashable, Sequence {
    /// One decoded `key=value` pair.
    public struct Pair: Sendable, Hashable {
        /// The decoded key.
        public var key: String
        /// The decoded value (empty for `?key`).
        public var value: String

        /// Creates a pair.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The pairs in the order they appear.
    public private(set) var pairs: [Pair]

    /// Creates parameters from pairs.
    public init(_ pairs: [Pair] = []) {
        self.pairs = pairs
    }

    /// Parses a raw query string (the part after `?`, without the `?`).
    public init(parsing query: Substring) {
        self.pairs = query.split(separator: "&").compactMap { component in
            let parts = component.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = PercentDecoding.decode(parts[0], plusIsSpace: true),
                let value = PercentDecoding.decode(parts.count > 1 ? parts[1] : "", plusIsSpace: true)
            else { return nil }
            return Pair(key: key, value: value)
        }
    }

    /// Iterates the pairs in order.
    public func makeIterator() -> IndexingIterator<[Pair]> {
        pairs.makeIterator()
    }

    /// The first value for `key`, or `nil` when the key is absent.
    public subscript(_ key: String) -> String? {
        pairs.first { $0.key == key }?.value
    }

    /// Every value for `key`, in order.
    public func values(for key: String) -> [String] {
        pairs.filter { $0.key == key }.map(\.value)
    }

    /// Whether `key` appears at all (also as a bare `?key`).
    public func contains(_ key: String) -> Bool {
        pairs.contains { $0.key == key }
    }
}
