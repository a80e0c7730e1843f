import PromText

/// One node of a parsed YAML document: a scalar, a sequence or a mapping, with the position where it starts.
///
/// Scalars keep their text uninterpreted (YAML tags are not resolved here): the field that receives a value
/// decides whether `10` is an integer, a string or a duration, as Go's typed YAML decoding does.
public struct YAMLNode: Sendable, Hashable {
    /// What a node holds.
    public enum Content: Sendable, Hashable {
        /// A scalar with its text after unescaping, folding and chomping.
        case scalar(YAMLScalar)
        /// A sequence of nodes, in document order.
        case sequence([YAMLNode])
        /// A mapping with string keys, in document order.
        case mapping(YAMLMapping)
    }

    /// The node's content.
    public var content: Content
    /// Where the node starts (its first character, or the indicator `[`, `{`, `-`, `|`, `>`, `"`, `'`).
    public var position: SourcePosition

    /// Creates a node.
    public init(_ content: Content, at position: SourcePosition) {
        self.content = content
        self.position = position
    }

    /// A null node (an empty value such as `key:` with nothing after it).
    public static func null(at position: SourcePosition) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: "", style: .plain)), at: position)
    }

    /// Whether the node is YAML's null: an empty plain scalar, `~`, `null`, `Null` or `NULL`.
    public var isNull: Bool {
        guard case .scalar(let scalar) = content else { return false }
        return scalar.isNull
    }

    /// The scalar, if the node is one.
    public var scalar: YAMLScalar? {
        guard case .scalar(let scalar) = content else { return nil }
        return scalar
    }

    /// A short description of the node's kind for error messages: `sequence`, `mapping`, `null` or
    /// `string "text"`.
    public var kindDescription: String {
        switch content {
        case .sequence: "sequence"
        case .mapping: "mapping"
        case .scalar(let scalar):
            scalar.isNull ? "null" : "\(scalar.style == .plain ? "" : "quoted ")string \(GoString.quoted(scalar.text))"
        }
    }
}

/// A YAML scalar: its text and how it was written.
public struct YAMLScalar: Sendable, Hashable {
    /// The scalar's value after escapes, line folding and chomping were applied.
    public var text: String
    /// How the scalar was written; only plain scalars can be null, booleans or numbers.
    public var style: YAMLScalarStyle

    /// Creates a scalar.
    public init(text: String, style: YAMLScalarStyle) {
        self.text = text
        self.style = style
    }

    /// Whether this is a plain `~`, `null`, `Null`, `NULL` or empty scalar.
    public var isNull: Bool {
        style == .plain && ["", "~", "null", "Null", "NULL"].contains(text)
    }
}

/// The five ways to write a scalar in YAML.
public enum YAMLScalarStyle: Sendable, Hashable {
    /// Unquoted text.
    case plain
    /// `'text'`.
    case singleQuoted
    /// `"text"`, with backslash escapes.
    case doubleQuoted
    /// A `|` block scalar.
    case literal
    /// A `>` block scalar.
    case folded
}

/// A YAML mapping: string keys in document order, each with its position and value.
public struct YAMLMapping: Sendable, Hashable {
    /// One `key: value` pair.
    public struct Entry: Sendable, Hashable {
        /// The key's text.
        public var key: String
        /// Where the key starts.
        public var keyPosition: SourcePosition
        /// The value (a null node when the key has no value).
        public var value: YAMLNode

        /// Creates an entry.
        public init(key: String, keyPosition: SourcePosition, value: YAMLNode) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    /// The entries in document order; keys are unique.
    public var entries: [Entry]

    /// Creates a mapping from entries whose keys are unique.
    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// The value of `key`, or `nil` when the mapping has no such key.
    public subscript(key: String) -> YAMLNode? {
        entries.first(where: { $0.key == key })?.value
    }
}
