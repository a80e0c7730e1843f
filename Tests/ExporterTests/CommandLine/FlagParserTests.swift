import Testing

@testable import Exporter

@Suite struct FlagParserTests {
    private let parser = FlagParser([
        FlagSpec("web.listen-address", default: ":9100", help: "address"),
        FlagSpec("collector.cpu", kind: .boolean, default: "true", help: "cpu"),
        FlagSpec("collect", kind: .repeated, help: "collectors"),
    ])

    @Test func defaultsApplyWhenAbsent() throws {
        let flags = try parser.parse([])
        #expect(flags.string("web.listen-address") == ":9100")
        #expect(flags.bool("collector.cpu"))
        #expect(!flags.isExplicit("web.listen-address"))
    }

    @Test func valuesAcceptEqualsOrNextArgument() throws {
        #expect(try parser.parse(["--web.listen-address=127.0.0.1:1"]).string("web.listen-address") == "127.0.0.1:1")
        #expect(try parser.parse(["--web.listen-address", ":2"]).string("web.listen-address") == ":2")
        #expect(try parser.parse(["--web.listen-address="]).string("web.listen-address") == "")
    }

    @Test func booleansHaveNoPrefixForm() throws {
        #expect(try !parser.parse(["--no-collector.cpu"]).bool("collector.cpu"))
        #expect(try parser.parse(["--no-collector.cpu", "--collector.cpu"]).bool("collector.cpu"))
        #expect(try !parser.parse(["--collector.cpu=false"]).bool("collector.cpu"))
    }

    @Test func repeatedFlagsKeepEveryValue() throws {
        #expect(try parser.parse(["--collect=a", "--collect", "b"]).strings("collect") == ["a", "b"])
    }

    @Test func positionalArgumentsAreKept() throws {
        let flags = try parser.parse(["check", "rules", "--collect=x", "a.yml", "--", "--not-a-flag"])
        #expect(flags.positional == ["check", "rules", "a.yml", "--not-a-flag"])
    }

    @Test(arguments: [
        (["--web.listen-adress=1"], "unknown long flag '--web.listen-adress', try --help"),
        (["--web.listen-address"], "expected argument for flag '--web.listen-address', try --help"),
        (["--collector.cpu=yes"], "invalid boolean value 'yes' for flag '--collector.cpu', try --help"),
        (["--no-web.listen-address"], "unknown long flag '--no-web.listen-address', try --help"),
    ])
    func badCommandLinesAreErrors(arguments: [String], message: String) {
        #expect(throws: FlagError.self) { try parser.parse(arguments) }
        do {
            _ = try parser.parse(arguments)
        } catch {
            #expect(error.description == message)
        }
    }
}
