import Testing

@testable import RuleEval

/// Renders a node compactly: mappings `{k: v}`, sequences `[a, b]`, scalars as Swift string literals, `null`.
func render(_ node: YAMLNode) -> String {
    switch node.content {
    case .scalar(let scalar):
        scalar.isNull ? "null" : literal(scalar.text)
    case .sequence(let items):
        "[" + items.map(render).joined(separator: ", ") + "]"
    case .mapping(let mapping):
        "{" + mapping.entries.map { "\($0.key): \(render($0.value))" }.joined(separator: ", ") + "}"
    }
}

/// A Swift string literal for `text` with every scalar outside printable ASCII written as `\u{HEX}`.
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        case "\0": result += "\\0"
        case " "..."~": result.unicodeScalars.append(scalar)
        default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }
    }
    return result + "\""
}

@Suite struct YAMLParserTests {
    @Test(arguments: [
        // Block mappings and sequences.
        ("a: 1\nb: two\n", #"{a: "1", b: "two"}"#),
        ("a:\n  b:\n    c: d\n", #"{a: {b: {c: "d"}}}"#),
        ("- a\n- b\n", #"["a", "b"]"#),
        ("a:\n- x\n- y\nb: z\n", #"{a: ["x", "y"], b: "z"}"#),
        ("a:\n  - x\n  - y\n", #"{a: ["x", "y"]}"#),
        ("- name: x\n  v: 1\n- name: y\n", #"[{name: "x", v: "1"}, {name: "y"}]"#),
        ("- - a\n  - b\n- c\n", #"[["a", "b"], "c"]"#),
        ("-\n  a: 1\n", #"[{a: "1"}]"#),
        ("a:\nb:\n", "{a: null, b: null}"),
        ("- \n- x\n", #"[null, "x"]"#),
        ("a: ~\nb: null\n", "{a: null, b: null}"),
        ("\"quoted key\": 1\n'single': 2\n", #"{quoted key: "1", single: "2"}"#),
        ("a:    spaced   \n", #"{a: "spaced"}"#),
        ("a:\tx\n", #"{a: "x"}"#),
        ("a: x\t# comment\n", #"{a: "x"}"#),
        ("a: {b: c,\n\td: e}\n", #"{a: {b: "c", d: "e"}}"#),
        ("a: \"x\n\ty\"\n", #"{a: "x y"}"#),
        ("a: x\n   \ty\n", #"{a: "x y"}"#),
        // Document markers.
        ("---\na: 1\n", #"{a: "1"}"#),
        ("--- # comment\na: 1\n...\n", #"{a: "1"}"#),
        ("--- text\n", #""text""#),
        ("", "null"),
        ("# only a comment\n", "null"),
        ("---\n", "null"),
        ("\u{FEFF}a: 1", #"{a: "1"}"#),
        ("a: 1\r\nb: 2\r\n", #"{a: "1", b: "2"}"#),
        ("a: 1\rb: 2\r", #"{a: "1", b: "2"}"#),
        ("a: x\u{85}y\u{2028}z\n", #"{a: "x\u{85}y\u{2028}z"}"#),
        // Flow collections.
        ("[a, b, c]", #"["a", "b", "c"]"#),
        ("{k: v, n: [1, 2]}", #"{k: "v", n: ["1", "2"]}"#),
        ("[a, b,]", #"["a", "b"]"#),
        ("[]", "[]"),
        ("{}", "{}"),
        ("a: [x,\n  y]\n", #"{a: ["x", "y"]}"#),
        ("a: {\"k\":v}\n", #"{a: {k: "v"}}"#),
        ("{a, b: c}", #"{a: null, b: "c"}"#),
        ("{a:b}", "{a:b: null}"),
        ("{a:}", "{a:: null}"),
        ("[a:, http://x:9]", #"["a:", "http://x:9"]"#),
        ("[\"a,b\", 'c]']", #"["a,b", "c]"]"#),
        ("[a # comment\n, b]", #"["a", "b"]"#),
        ("[-, -a]", #"["-", "-a"]"#),
        ("|-\n    ", #""""#),
        ("x\n...\n...\n", #""x""#),
        ("---\n...\n", "null"),
        ("[[a, [b]], {c: {d: e}}]", #"[["a", ["b"]], {c: {d: "e"}}]"#),
        // Plain scalars and comments.
        ("a: b#c\n", #"{a: "b#c"}"#),
        ("a: b #c\n", #"{a: "b"}"#),
        ("a: http://x:9090/y\n", #"{a: "http://x:9090/y"}"#),
        ("a: -1\n", #"{a: "-1"}"#),
        ("a: :x\n", #"{a: ":x"}"#),
        ("a: ?x\n", #"{a: "?x"}"#),
        ("a: x: \n", "error"),
        ("a: up == 0\n", #"{a: "up == 0"}"#),
        ("a: multi\n  line\n  plain\n", #"{a: "multi line plain"}"#),
        ("a: one\n\n  two\n", #"{a: "one\ntwo"}"#),
        ("a: one\n\n\n  two\n", #"{a: "one\n\ntwo"}"#),
        ("- x\n  - y\n", #"["x - y"]"#),
        ("a: one\n  # not a comment? it is\n", #"{a: "one"}"#),
        ("plain\ntext\n", #""plain text""#),
        // Single-quoted.
        ("a: 'it''s'\n", #"{a: "it's"}"#),
        ("a: 'x\n  y'\n", #"{a: "x y"}"#),
        ("a: 'x\n\n  y'\n", #"{a: "x\ny"}"#),
        ("a: 'trailing   \n  lead'\n", #"{a: "trailing lead"}"#),
        ("a: '\\n'\n", #"{a: "\\n"}"#),
        // Double-quoted with every escape.
        (#"a: "\0\a\b\t\n\v\f\r\e\ \"\/\\""#, #"{a: "\0\u{7}\u{8}\t\n\u{B}\u{C}\r\u{1B} \"/\\"}"#),
        (#"a: "\'""#, #"{a: "'"}"#),
        (#"a: "\N\_\L\P""#, #"{a: "\u{85}\u{A0}\u{2028}\u{2029}"}"#),
        (#"a: "\x41\u00e9\U0001F600""#, #"{a: "A\u{E9}\u{1F600}"}"#),
        ("a: \"tab\\\there\"", #"{a: "tab\there"}"#),
        ("a: \"x\\\n   y\"\n", #"{a: "xy"}"#),
        ("a: \"x \\\n\n  y\"\n", #"{a: "x \ny"}"#),
        ("a: \"x\n  y\"\n", #"{a: "x y"}"#),
        ("a: \"x   \n\n  y\"\n", #"{a: "x\ny"}"#),
        ("a: \"keep\\ \n  y\"\n", #"{a: "keep  y"}"#),
        // Literal block scalars.
        ("a: |\n  line1\n  line2\nb: x\n", #"{a: "line1\nline2\n", b: "x"}"#),
        ("a: |-\n  line1\n  line2\n\n", #"{a: "line1\nline2"}"#),
        ("a: |+\n  line1\n\n\nb: x\n", #"{a: "line1\n\n\n", b: "x"}"#),
        ("a: |\n  line1\n\n\nb: x\n", #"{a: "line1\n", b: "x"}"#),
        ("a: |\n    indented\n  less\n", "error"),
        ("a: |\n  x\n    more\n  back\n", #"{a: "x\n  more\nback\n"}"#),
        ("a: |2\n    four\n", #"{a: "  four\n"}"#),
        ("a: |1-\n  two\n", #"{a: " two"}"#),
        ("a: |-1\n  two\n", #"{a: " two"}"#),
        ("a: |\n\n  after empty\n", #"{a: "\nafter empty\n"}"#),
        ("a: | # comment\n  x\n", #"{a: "x\n"}"#),
        ("a: |\n  # not a comment\n", ##"{a: "# not a comment\n"}"##),
        ("a: |\n  no break at end", #"{a: "no break at end"}"#),
        ("a: |\nb: 1\n", #"{a: "", b: "1"}"#),
        ("- |\n  item\n- x\n", #"["item\n", "x"]"#),
        ("a: |\n  x\n  \ty\n", #"{a: "x\n\ty\n"}"#),
        (">-\n  \n   \n", #""""#),
        ("a: |+\n   \nb: 1\n", #"{a: "\n", b: "1"}"#),
        ("a: |\n   \nb: 1\n", #"{a: "", b: "1"}"#),
        // Folded block scalars.
        ("a: >\n  one\n  two\n\n  three\n", #"{a: "one two\nthree\n"}"#),
        ("a: >-\n  one\n  two\n", #"{a: "one two"}"#),
        ("a: >\n  one\n    more\n  two\n", #"{a: "one\n  more\ntwo\n"}"#),
        ("a: >+\n  one\n\n", #"{a: "one\n\n"}"#),
        ("a: >\n\n  lead\n", #"{a: "\nlead\n"}"#),
        ("a: >\n  one\n\n\n  two\n", #"{a: "one\n\ntwo\n"}"#),
    ])
    func parsesConstruct(input: String, expected: String) {
        do {
            let node = try YAMLParser.parse(input)
            #expect(render(node) == expected, "input: \(String(reflecting: input))")
        } catch {
            #expect(expected == "error", "input: \(String(reflecting: input)) failed: \(error)")
        }
    }

    @Test(arguments: [
        ("a: &x 1\n", "1:4: anchors (&) are not supported"),
        ("a: *x\n", "1:4: aliases (*) are not supported"),
        ("a: !!str 1\n", "1:4: tags (!) are not supported"),
        ("- !x y\n", "1:3: tags (!) are not supported"),
        ("[&a b]", "1:2: anchors (&) are not supported"),
        ("%YAML 1.2\n---\na: 1\n", "1:1: directives (%YAML, %TAG) are not supported"),
        ("a: 1\n---\nb: 2\n", "2:1: several documents in one file are not supported"),
        ("a: 1\n...\nb: 2\n", "3:1: expected the end of input after the document end marker '...', found 'b'"),
        ("? a\n: b\n", "1:1: complex mapping keys (?) are not supported"),
        (
            "# c\n...\n",
            "2:1: found the document end marker '...' before any content; a document without '---' cannot be empty"
        ),
        ("[a]: b\n", "1:1: complex mapping keys are not supported; a key must be a scalar"),
        ("{a: 1}: b\n", "1:1: complex mapping keys are not supported; a key must be a scalar"),
        ("a:\n\tb: 1\n", "2:1: tabs are not allowed for indentation; indent with spaces"),
        ("a:\n\t\n  b: 1\n", "2:1: tabs are not allowed for indentation; indent with spaces"),
        ("a:\n  \t# c\n  b: 1\n", "2:3: tabs are not allowed for indentation; indent with spaces"),
        ("a: 1\n\t", "2:1: tabs are not allowed for indentation; indent with spaces"),
        ("-\tx\n", "1:2: tabs are not allowed after a sequence entry '-'; use spaces"),
        ("a:\n  b: x\n\t\n   y\n", "3:1: tabs are not allowed for indentation; indent with spaces"),
        ("a: 1\na: 2\n", "2:1: mapping key \"a\" already defined at line 1"),
        ("{a: 1, a: 2}", "1:8: mapping key \"a\" already defined at line 1"),
        ("{'a\n b': 1}", "1:2: a mapping key must fit on one line"),
        ("<<: {a: 1}\n", "1:1: merge keys (<<) are not supported"),
        (
            "a: b: c\n",
            "1:5: mapping values are not allowed here; start a nested mapping on its own line, or quote the value"
        ),
        ("a: - b\n", "1:4: block sequence entries are not allowed here; start the sequence on its own line"),
        (
            "a: 1\n b: 2\n",
            "2:3: mapping values are not allowed here; start a nested mapping on its own line, or quote the value"
        ),
        ("a:\n  b: 1\n c: 2\n", "3:2: bad indentation: expected a mapping key at column 1, found 'c'"),
        ("a:\n  - x\n - y\n", "3:2: bad indentation: expected a mapping key at column 1, found '-'"),
        ("  a: 1\nb: 2\n", "2:1: expected the end of the document, found 'b' (check its indentation)"),
        ("a: 1\nb\n", "2:2: expected ':' after the mapping key \"b\", found line break"),
        ("- a\n  b: 1\n", "1:3: a mapping key must fit on one line"),
        ("- a\nb: 1\n", "2:1: expected a sequence entry '-' at column 1, found 'b'"),
        ("a: [1, 2\n", "2:1: unterminated flow sequence starting at line 1, column 4, found end of input"),
        ("a: {b: 1\n", "2:1: unterminated flow mapping starting at line 1, column 4, found end of input"),
        ("[a b: c]", "1:5: single-pair mappings inside flow sequences ([a: b]) are not supported"),
        ("[a, , b]", "1:5: expected a value, found ','"),
        ("[a] b\n", "1:5: expected a comment or a line break after the value, found 'b'"),
        ("a: \"x\" y\n", "1:8: expected a comment or a line break after the value, found 'y'"),
        ("a: \"x\"#c\n", "1:7: a comment must be separated from the text before it by whitespace"),
        ("a: \"unterminated\n", "1:4: unterminated double-quoted string: expected \" before the end of input"),
        ("a: 'unterminated\n", "1:4: unterminated single-quoted string: expected ' before the end of input"),
        ("a: \"\\q\"\n", "1:5: unknown escape sequence '\\q'"),
        ("a: \"\\x4\"\n", "1:5: expected 2 hexadecimal digits after '\\x'"),
        ("a: \"\\uD800\"\n", "1:5: escape sequence is not a valid Unicode code point"),
        ("a: \"x\n---\ny\"\n", "2:1: found a document marker inside a quoted string; is a closing quote missing?"),
        ("a: |0\n  x\n", "1:5: a block scalar's indentation indicator must be between 1 and 9"),
        ("a: |x\n", "1:5: expected a comment or a line break after the block scalar header, found 'x'"),
        ("a: |\n    \n  x\n", "2:5: a leading empty line of a block scalar is indented more than its first line"),
        ("a: @x\n", "1:4: found '@', which cannot start a plain scalar; quote the value"),
        ("a: %x\n", "1:4: found '%', which cannot start a plain scalar; quote the value"),
        ("a: ]\n", "1:4: found ']', which cannot start a plain scalar; quote the value"),
        (": x\n", "1:1: found ':' without a mapping key before it"),
        ("[- a]", "1:2: block sequence entries are not allowed inside flow collections"),
        ("[|]", "1:2: block scalars are not allowed inside flow collections"),
        ("[?x]", "1:2: complex mapping keys (?) are not supported"),
        ("[a?b]", "1:3: expected ',' or ']' in the flow sequence, found '?'"),
        ("{'k'\n: v}", "1:2: a mapping key must fit on one line"),
        ("a: |\n  \tx\n", "2:3: found a tab character where an indentation space is expected"),
        ("{:x}", "1:2: found ':' without a mapping key before it"),
        ("a: \u{01}\n", "1:4: control character U+1 is not allowed"),
    ])
    func rejectsWithPosition(input: String, expected: String) {
        #expect(throws: YAMLError.self, "input: \(String(reflecting: input))") {
            try YAMLParser.parse(input)
        }
        do {
            _ = try YAMLParser.parse(input)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func errorNamesTheFile() {
        #expect(
            throws: YAMLError(
                fileName: "prometheus.yml", position: .init(offset: 3, line: 1, column: 4),
                message: "anchors (&) are not supported")
        ) {
            try YAMLParser.parse("a: &x 1", fileName: "prometheus.yml")
        }
        let error = YAMLError(fileName: "p.yml", position: .init(offset: 3, line: 1, column: 4), message: "m")
        #expect(error.description == "p.yml:1:4: m")
    }

    @Test func keysMustBeAtMost1024CharactersLong() throws {
        let longest = String(repeating: "é", count: 1024)
        #expect(render(try YAMLParser.parse(longest + ": x")) == "{\(longest): \"x\"}")
        #expect(
            throws: YAMLError(
                fileName: "", position: .init(offset: 0, line: 1, column: 1),
                message: "a mapping key must be at most 1024 characters long")
        ) {
            try YAMLParser.parse(longest + "x: x")
        }
        #expect(throws: YAMLError.self) { try YAMLParser.parse("{" + longest + "x: 1}") }
    }

    @Test func invalidUTF8IsRejected() {
        #expect(throws: YAMLError.self) { try YAMLParser.parse([UInt8(ascii: "a"), 0xFF]) }
    }

    @Test func deepNestingIsRejectedNotCrashing() {
        let deep = String(repeating: "[", count: 5000)
        #expect(throws: YAMLError.self) { try YAMLParser.parse(deep) }
        let deepBlock = (0..<300).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n")
        #expect(throws: YAMLError.self) { try YAMLParser.parse(deepBlock) }
    }

    @Test func positionsPointAtKeysAndValues() throws {
        let node = try YAMLParser.parse("groups:\n  - name: x\n    rules: []\n")
        guard case .mapping(let root) = node.content, case .sequence(let groups)? = root["groups"]?.content,
            case .mapping(let group) = groups[0].content
        else {
            Issue.record("unexpected shape \(render(node))")
            return
        }
        #expect(root.entries[0].keyPosition.description == "1:1")
        #expect(groups[0].position.description == "2:5")
        #expect(group.entries[1].keyPosition.description == "3:5")
        #expect(group["rules"]?.position.description == "3:12")
        #expect(group["name"]?.scalar?.style == .plain)
    }

    @Test(arguments: [
        ("a: x", YAMLScalarStyle.plain), ("a: 'x'", .singleQuoted), ("a: \"x\"", .doubleQuoted),
        ("a: |\n x", .literal), ("a: >\n x", .folded),
    ])
    func keepsScalarStyle(input: String, style: YAMLScalarStyle) throws {
        let node = try YAMLParser.parse(input)
        guard case .mapping(let mapping) = node.content else {
            Issue.record("not a mapping")
            return
        }
        #expect(mapping["a"]?.scalar?.style == style)
    }
}
