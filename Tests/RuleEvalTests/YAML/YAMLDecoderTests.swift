import PromText
import Testing

@testable import RuleEval

@Suite struct YAMLDecoderTests {
    let decoder = YAMLDecoder(fileName: "test.yml")

    /// The value of `v` in a one-line document `v: <text>`.
    func value(_ text: String) throws -> YAMLNode {
        let root = try YAMLParser.parse("v: " + text, fileName: "test.yml")
        guard case .mapping(let mapping) = root.content, let node = mapping["v"] else {
            throw YAMLError(fileName: "", position: root.position, message: "no value")
        }
        return node
    }

    @Test(
        arguments: [
            ("0", 0), ("1ms", 1), ("1s", 1000), ("1m", 60_000), ("1h30m", 5_400_000), ("1d", 86_400_000),
            ("1w", 604_800_000), ("1y", 31_536_000_000), ("1y2w3d4h5m6s7ms", 33_019_506_007), ("500ms", 500),
            ("0s", 0), ("10m0s", 600_000),
        ] as [(String, Int64)])
    func parsesDurations(text: String, milliseconds: Int64) throws {
        #expect(try PrometheusDuration(parsing: text).milliseconds == milliseconds)
    }

    @Test(arguments: [
        ("", "empty duration string"),
        ("1", #"not a valid duration string: "1""#),
        ("1.5s", #"unknown unit "." in duration "1.5s""#),
        ("-1s", #"not a valid duration string: "-1s""#),
        ("1m1h", #"not a valid duration string: "1m1h""#),
        ("1s1s", #"not a valid duration string: "1s1s""#),
        ("s", #"not a valid duration string: "s""#),
        (" 1s", #"not a valid duration string: " 1s""#),
        ("1x", #"unknown unit "x" in duration "1x""#),
        ("1ns", #"unknown unit "ns" in duration "1ns""#),
        ("1S", #"unknown unit "S" in duration "1S""#),
        ("300y", "duration out of range"),
        ("99999999999999999999s", #"not a valid duration string: "99999999999999999999s""#),
    ])
    func rejectsDurationsAsPrometheus(text: String, message: String) {
        #expect(throws: PrometheusDurationError(message: message)) { try PrometheusDuration(parsing: text) }
    }

    @Test(
        arguments: [
            (0, "0s"), (1, "1ms"), (90_000, "1m30s"), (604_800_000, "1w"), (31_536_000_000, "1y"),
            (93_784_005, "1d2h3m4s5ms"),
        ] as [(Int64, String)])
    func printsDurationsAsPrometheus(milliseconds: Int64, text: String) {
        #expect(PrometheusDuration(milliseconds: milliseconds).description == text)
    }

    @Test(arguments: [
        ("true", true), ("True", true), ("TRUE", true), ("yes", true), ("on", true), ("y", true), ("Y", true),
        ("false", false), ("no", false), ("Off", false), ("n", false),
    ])
    func readsBooleansAsYAMLv2(text: String, expected: Bool) throws {
        #expect(try decoder.bool(value(text)) == expected)
    }

    @Test(arguments: ["\"true\"", "'yes'", "maybe", "1", "[true]"])
    func rejectsNonBooleans(text: String) throws {
        let node = try value(text)
        #expect(throws: YAMLError.self) { try decoder.bool(node) }
    }

    @Test(arguments: [
        ("10", 10), ("-3", -3), ("+4", 4), ("0x1F", 31), ("0o17", 15), ("017", 15), ("0b101", 5), ("1_000", 1000),
        ("1.9", 1), ("1e3", 1000), ("08", 8),
    ])
    func readsIntegersAsYAMLv2(text: String, expected: Int) throws {
        #expect(try decoder.int(value(text)) == expected)
    }

    @Test(arguments: [
        ("\"10\"", "quoted string \"10\""), ("ten", "string \"ten\""), ("[1]", "sequence"),
        ("{a: 1}", "mapping"), ("0x", "string \"0x\""), (".inf", "string \".inf\""),
        ("9.3e18", "string \"9.3e18\""), ("9223372036854775808", "string \"9223372036854775808\""),
    ])
    func rejectsNonIntegers(text: String, found: String) throws {
        let node = try value(text)
        #expect(
            throws: YAMLError(
                fileName: "test.yml", position: node.position,
                message: "expected an integer, found \(found)")
        ) { try decoder.int(node) }
    }

    @Test func unsignedRejectsNegatives() throws {
        #expect(try decoder.uint(value("7")) == 7)
        #expect(try decoder.uint(value("18446744073709551615")) == .max)
        #expect(try decoder.uint(value("1.5e19")) == 15_000_000_000_000_000_000)
        let node = try value("-1")
        #expect(throws: YAMLError.self) { try decoder.uint(node) }
    }

    @Test func stringsAcceptAnyScalar() throws {
        #expect(try decoder.string(value("10")) == "10")
        #expect(try decoder.string(value("true")) == "true")
        #expect(try decoder.string(value("'x'")) == "x")
        let node = try value("[a]")
        #expect(
            throws: YAMLError(
                fileName: "test.yml", position: node.position,
                message: "expected a string, found sequence")
        ) { try decoder.string(node) }
    }

    @Test func durationMismatchNamesKindAndPosition() throws {
        let node = try value("[1s]")
        #expect(
            throws: YAMLError(
                fileName: "test.yml", position: node.position,
                message: "expected a duration, found sequence")
        ) { try decoder.duration(node) }
        let invalid = try value("5x")
        #expect(
            throws: YAMLError(
                fileName: "test.yml", position: invalid.position,
                message: #"unknown unit "x" in duration "5x""#)
        ) { try decoder.duration(invalid) }
    }

    @Test func fieldsRejectUnknownAndUnsupportedFieldsByName() throws {
        let node = try YAMLParser.parse("known: 1\nremote_write: []\n", fileName: "test.yml")
        #expect(
            throws: YAMLError(
                fileName: "test.yml", position: .init(offset: 9, line: 2, column: 1),
                message: "field remote_write is not supported by Tocsin")
        ) {
            try decoder.fields(of: node, type: "config.Config", known: ["known"], unsupported: ["remote_write"])
        }
        #expect(
            throws: YAMLError(
                fileName: "test.yml", position: .init(offset: 9, line: 2, column: 1),
                message: "field remote_write not found in type config.Config")
        ) {
            try decoder.fields(of: node, type: "config.Config", known: ["known"])
        }
        let fields = try decoder.fields(of: node, type: "config.Config", known: ["known", "remote_write"])
        #expect(fields["known"]?.scalar?.text == "1")
        #expect(fields["missing"] == nil)
    }

    @Test func nullFieldsReadAsAbsent() throws {
        let node = try YAMLParser.parse("a:\nb: ~\n")
        let fields = try decoder.fields(of: node, type: "T", known: ["a", "b"])
        #expect(fields["a"] == nil && fields["b"] == nil)
        #expect(try decoder.sequence(YAMLNode.null(at: node.position)).isEmpty)
    }
}
