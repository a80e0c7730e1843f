import PromText

/// Go's `text/template` builtin functions (`funcs.go`): `and`, `or`, `not`, `len`, `index`, the comparisons,
/// `print`, `printf`, `println`, `html`, `js` and `urlquery`.
///
/// `and` and `or` short-circuit and are evaluated by the executor; their entries here only carry the signature.
enum GoBuiltinFunctions {
    static let all: [String: TemplateFunction] = [
        "and": TemplateFunction([.reflectValue], variadic: .reflectValue) { arguments, _ in arguments.last ?? .missing
        },
        "or": TemplateFunction([.reflectValue], variadic: .reflectValue) { arguments, _ in arguments.last ?? .missing },
        "not": TemplateFunction([.reflectValue]) { arguments, _ in .bool(!arguments[0].isTrue) },
        "len": TemplateFunction([.reflectValue]) { arguments, _ throws(TemplateFunctionError) in
            .int(try length(arguments[0]))
        },
        "index": TemplateFunction([.reflectValue], variadic: .reflectValue) {
            arguments, _ throws(TemplateFunctionError) in
            try index(arguments[0], Array(arguments.dropFirst()))
        },
        "slice": TemplateFunction([.reflectValue], variadic: .reflectValue) {
            arguments, _ throws(TemplateFunctionError) in
            try slice(arguments[0], Array(arguments.dropFirst()))
        },
        "print": TemplateFunction([], variadic: .anyValue) { arguments, _ in .string(GoPrinter.sprint(arguments)) },
        "println": TemplateFunction([], variadic: .anyValue) { arguments, _ in
            .string(GoPrinter.sprintln(arguments))
        },
        "printf": TemplateFunction([.string], variadic: .anyValue) { arguments, _ in
            .string(GoPrinter.sprintf(arguments[0].stringKindValue ?? "", Array(arguments.dropFirst())))
        },
        "html": TemplateFunction([], variadic: .anyValue) { arguments, _ in
            .string(GoEscaping.html(escaperInput(arguments)))
        },
        "js": TemplateFunction([], variadic: .anyValue) { arguments, _ in
            .string(GoEscaping.javaScript(escaperInput(arguments)))
        },
        "urlquery": TemplateFunction([], variadic: .anyValue) { arguments, _ in
            .string(GoString.queryEscaped(escaperInput(arguments)))
        },
        "eq": TemplateFunction([.reflectValue], variadic: .reflectValue) { arguments, _ throws(TemplateFunctionError) in
            .bool(try equal(arguments[0], Array(arguments.dropFirst())))
        },
        "ne": TemplateFunction([.reflectValue, .reflectValue]) { arguments, _ throws(TemplateFunctionError) in
            .bool(try !equal(arguments[0], [arguments[1]]))
        },
        "lt": TemplateFunction([.reflectValue, .reflectValue]) { arguments, _ throws(TemplateFunctionError) in
            .bool(try less(arguments[0], arguments[1]))
        },
        "le": TemplateFunction([.reflectValue, .reflectValue]) { arguments, _ throws(TemplateFunctionError) in
            .bool(try lessOrEqual(arguments[0], arguments[1]))
        },
        "gt": TemplateFunction([.reflectValue, .reflectValue]) { arguments, _ throws(TemplateFunctionError) in
            .bool(try !lessOrEqual(arguments[0], arguments[1]))
        },
        "ge": TemplateFunction([.reflectValue, .reflectValue]) { arguments, _ throws(TemplateFunctionError) in
            .bool(try !less(arguments[0], arguments[1]))
        },
    ]

    /// Go's `evalArgs`: a lone string as is, otherwise the printable forms joined by `fmt.Sprint`.
    private static func escaperInput(_ arguments: [TemplateValue]) -> String {
        if arguments.count == 1, case .string(let text) = arguments[0] { return text }
        return GoPrinter.sprint(arguments.map(\.printable))
    }

    private static func length(_ value: TemplateValue) throws(TemplateFunctionError) -> Int {
        switch value {
        // Go asks the type of the invalid value for its message and reports reflect's panic.
        case .missing: throw TemplateFunctionError("reflect: call of reflect.Value.Type on zero Value")
        case .string(let text), .html(let text): return text.utf8.count
        case .stringMap(let map), .keyValues(let map): return map.count
        case .list(let list): return list.elements.count
        case .anyMap(let map): return map.count
        case .queryResult(let samples): return samples.count
        case .sample(nil): throw TemplateFunctionError("len of nil pointer")
        case .sample: throw TemplateFunctionError("len of type template.sample")
        case .time: throw TemplateFunctionError("len of type time.Time")
        case .duration: throw TemplateFunctionError("len of type time.Duration")
        default: throw TemplateFunctionError("len of type \(value.goTypeName)")
        }
    }

    private static func index(_ item: TemplateValue, _ indexes: [TemplateValue]) throws(TemplateFunctionError)
        -> TemplateValue
    {
        guard case .missing = item else {
            var current = item
            for index in indexes { current = try indexOnce(current, index) }
            return current
        }
        throw TemplateFunctionError("index of untyped nil")
    }

    private static func indexOnce(_ item: TemplateValue, _ index: TemplateValue) throws(TemplateFunctionError)
        -> TemplateValue
    {
        switch item {
        case .sample(nil): throw TemplateFunctionError("index of nil pointer")
        case .string(let text), .html(let text):
            let bytes = Array(text.utf8)
            return .int(Int(bytes[try sliceIndex(index, count: bytes.count, kind: "string")]))
        case .queryResult(let samples):
            return .sample(samples[try sliceIndex(index, count: samples.count, kind: "slice")])
        case .stringMap(let map), .keyValues(let map):
            return .string(map[try mapKey(index)] ?? "")
        case .list(let list):
            return list.elements[try sliceIndex(index, count: list.elements.count, kind: "slice")]
        case .anyMap(let map):
            return map[try mapKey(index)] ?? .missing
        case .missing:
            throw TemplateFunctionError("index of untyped nil")
        default:
            let typeName = item.goTypeName.hasPrefix("*") ? String(item.goTypeName.dropFirst()) : item.goTypeName
            throw TemplateFunctionError("can't index item of type \(typeName)")
        }
    }

    /// Go's `slice`: `slice x 1 2` is `x[1:2]` for strings (by bytes) and query results.
    private static func slice(_ item: TemplateValue, _ indexes: [TemplateValue]) throws(TemplateFunctionError)
        -> TemplateValue
    {
        guard indexes.count <= 3 else { throw TemplateFunctionError("too many slice indexes: \(indexes.count)") }
        let length: Int
        switch item {
        case .missing: throw TemplateFunctionError("slice of untyped nil")
        case .string(let text), .html(let text):
            if indexes.count == 3 { throw TemplateFunctionError("cannot 3-index slice a string") }
            length = text.utf8.count
        case .queryResult(let samples): length = samples.count
        default:
            let typeName = item.goTypeName.hasPrefix("*") ? String(item.goTypeName.dropFirst()) : item.goTypeName
            throw TemplateFunctionError("can't slice item of type \(typeName)")
        }
        var bounds = [0, length, length]
        for (position, index) in indexes.enumerated() {
            bounds[position] = try boundedIndex(index, capacity: length)
        }
        if bounds[0] > bounds[1] { throw TemplateFunctionError("invalid slice index: \(bounds[0]) > \(bounds[1])") }
        if indexes.count == 3 && bounds[1] > bounds[2] {
            throw TemplateFunctionError("invalid slice index: \(bounds[1]) > \(bounds[2])")
        }
        switch item {
        case .string(let text): return .string(String(decoding: Array(text.utf8)[bounds[0]..<bounds[1]], as: UTF8.self))
        case .html(let text): return .html(String(decoding: Array(text.utf8)[bounds[0]..<bounds[1]], as: UTF8.self))
        case .queryResult(let samples): return .queryResult(Array(samples[bounds[0]..<bounds[1]]))
        default: return item
        }
    }

    /// Go's `indexArg`: an int between 0 and `capacity` inclusive.
    private static func boundedIndex(_ index: TemplateValue, capacity: Int) throws(TemplateFunctionError) -> Int {
        switch index {
        case .int(let value):
            guard value >= 0, value <= capacity else { throw TemplateFunctionError("index out of range: \(value)") }
            return value
        case .missing: throw TemplateFunctionError("cannot index slice/array with nil")
        default: throw TemplateFunctionError("cannot index slice/array with type \(index.goTypeName)")
        }
    }

    private static func sliceIndex(_ index: TemplateValue, count: Int, kind: String) throws(TemplateFunctionError)
        -> Int
    {
        let value = try boundedIndex(index, capacity: count)
        // Go accepts index == len in indexArg and then panics in reflect.
        guard value < count else { throw TemplateFunctionError("reflect: \(kind) index out of range") }
        return value
    }

    private static func mapKey(_ index: TemplateValue) throws(TemplateFunctionError) -> String {
        switch index {
        case .string(let key): return key
        case .missing: throw TemplateFunctionError("value is nil; should be of type string")
        default: throw TemplateFunctionError("value has type \(index.goTypeName); should be string")
        }
    }

    // MARK: - Comparisons (funcs.go eq/lt/le)

    private enum BasicKind: Equatable {
        case bool(Bool), int(Int), float(Double), string(String), invalid
    }

    private static func basicKind(_ value: TemplateValue) -> BasicKind {
        switch value {
        case .bool(let value): .bool(value)
        case .int(let value): .int(value)
        case .float(let value): .float(value)
        case .string(let text), .html(let text): .string(text)
        default: .invalid
        }
    }

    private static func sameKind(_ lhs: BasicKind, _ rhs: BasicKind) -> Bool {
        switch (lhs, rhs) {
        case (.bool, .bool), (.int, .int), (.float, .float), (.string, .string), (.invalid, .invalid): true
        default: false
        }
    }

    private static func equal(_ first: TemplateValue, _ others: [TemplateValue]) throws(TemplateFunctionError)
        -> Bool
    {
        guard !others.isEmpty else { throw TemplateFunctionError("missing argument for comparison") }
        let lhs = basicKind(first)
        for other in others {
            let rhs = basicKind(other)
            var truth = false
            if !sameKind(lhs, rhs) {
                if !first.isMissing && !other.isMissing { throw incompatible(first, other) }
            } else if case .invalid = lhs {
                guard first.isMissing || other.isMissing else {
                    throw TemplateFunctionError(
                        "non-comparable types \(GoPrinter.sprint([first])): \(first.goTypeName), "
                            + "\(other.goTypeName): \(GoPrinter.sprint([other]))")
                }
                truth = first.isMissing && other.isMissing
            } else {
                truth = lhs == rhs
            }
            if truth { return true }
        }
        return false
    }

    private static func less(_ first: TemplateValue, _ second: TemplateValue) throws(TemplateFunctionError) -> Bool {
        let lhs = basicKind(first)
        let rhs = basicKind(second)
        if case .invalid = lhs { throw TemplateFunctionError("invalid type for comparison") }
        if case .invalid = rhs { throw TemplateFunctionError("invalid type for comparison") }
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a < b
        case (.float(let a), .float(let b)): return a < b
        case (.string(let a), .string(let b)): return goStringLess(a, b)
        case (.bool, .bool): throw TemplateFunctionError("invalid type for comparison")
        default: throw incompatible(first, second)
        }
    }

    private static func incompatible(_ first: TemplateValue, _ second: TemplateValue) -> TemplateFunctionError {
        TemplateFunctionError("incompatible types for comparison: \(first.goTypeName) and \(second.goTypeName)")
    }

    private static func lessOrEqual(_ first: TemplateValue, _ second: TemplateValue) throws(TemplateFunctionError)
        -> Bool
    {
        if try less(first, second) { return true }
        return try equal(first, [second])
    }
}

extension TemplateValue {
    /// Whether this is Go's invalid (nil) value.
    var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }

    /// Go's `printableValue`: a nil value prints as `<no value>`, pointers print what they point to.
    var printable: TemplateValue {
        switch self {
        case .missing: .string("<no value>")
        default: self
        }
    }
}
