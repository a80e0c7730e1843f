import PromText

/// Runs a parsed template over a data value with the semantics of Go's `text/template/exec.go`, the
/// `missingkey=zero` option Prometheus sets, and Go's error messages and positions.
///
/// Execution is bounded: at most ``maximumIterations`` range iterations and ``maximumOutputBytes`` of output,
/// past which it stops with an execution error, so no template can hang or exhaust memory.
struct TemplateExecutor {
    /// Range iterations allowed in one execution, all loops together.
    static let maximumIterations = 100_000
    /// Output bytes allowed in one execution.
    static let maximumOutputBytes = 1 << 20
    /// Bytes of strings that function calls may produce in one execution (a `printf` in a loop can build
    /// megabytes per call without printing them).
    static let maximumProducedBytes = 16 << 20

    /// Control flow out of the walk: an error, or `break`/`continue` travelling to their range.
    private enum Signal: Error {
        case failure(TemplateError)
        case breakLoop
        case continueLoop
    }

    /// The node Go's `state.at` last recorded, used for error locations.
    private enum NodeReference {
        case operand(TemplateOperand)
        case command(TemplateCommand)
        case pipeline(TemplatePipeline)
        case templateCall(TemplateCall)

        var position: Int {
            switch self {
            case .operand(let operand): operand.position
            case .command(let command): command.position
            case .pipeline(let pipeline): pipeline.position
            case .templateCall(let call): call.position
            }
        }

        var goDescription: String {
            switch self {
            case .operand(let operand): operand.goDescription
            case .command(let command): command.goDescription
            case .pipeline(let pipeline): pipeline.goDescription
            case .templateCall(let call): call.goDescription
            }
        }
    }

    private let name: String
    private let text: String
    private let environment: TemplateEnvironment
    private var variables: [(name: String, value: TemplateValue)]
    private var current: NodeReference?
    private var iterations = 0
    private(set) var output = ""
    private var outputBytes = 0
    private var producedBytes = 0

    private init(name: String, text: String, data: TemplateValue, environment: TemplateEnvironment) {
        self.name = name
        self.text = text
        self.environment = environment
        self.variables = [("$", data)]
    }

    /// Executes `nodes` (parsed from `text`, named `name`) with `data` as `.` and `$`.
    static func execute(
        _ nodes: [TemplateNode], text: String, name: String, data: TemplateValue, environment: TemplateEnvironment
    ) throws(TemplateError) -> String {
        var executor = TemplateExecutor(name: name, text: text, data: data, environment: environment)
        do throws(Signal) {
            try executor.walk(data, nodes)
        } catch .failure(let error) {
            throw error
        } catch {
            // The parser only accepts break and continue inside a range, which consumes them.
            preconditionFailure("loop control escaped its range")
        }
        return executor.output
    }

    // MARK: - Errors (exec.go errorf)

    private func failure(_ message: String) -> Signal {
        guard let current else {
            return .failure(
                TemplateError(
                    phase: .execution, message: "template: \(name): \(message)",
                    position: SourcePosition(offset: 0, line: 1, column: 1)))
        }
        let position = SourcePosition(offset: current.position, in: text.utf8)
        // Current Go prints the whole node (parse.go ErrorContext); releases before Go 1.11 cut it at 20 bytes.
        let context = current.goDescription
        // Go's ErrorContext prints the column as a 0-based byte offset within the line.
        let location = "\(name):\(position.line):\(position.column - 1)"
        return .failure(
            TemplateError(
                phase: .execution,
                message: "template: \(location): executing \(GoString.quoted(name)) at <\(context)>: \(message)",
                position: position))
    }

    private mutating func at(_ node: NodeReference) {
        current = node
    }

    // MARK: - Walking

    private mutating func walk(_ dot: TemplateValue, _ nodes: [TemplateNode]) throws(Signal) {
        for node in nodes { try walk(dot, node) }
    }

    private mutating func walk(_ dot: TemplateValue, _ node: TemplateNode) throws(Signal) {
        switch node {
        case .text(let text):
            try write(text)
        case .action(let pipeline):
            let value = try evalPipeline(dot, pipeline)
            if pipeline.declarations.isEmpty { try write(escaped(Self.printed(value), unless: value)) }
        case .ifBlock(let branch):
            try walkIfOrWith(dot, branch, isWith: false)
        case .withBlock(let branch):
            try walkIfOrWith(dot, branch, isWith: true)
        case .rangeBlock(let branch):
            try walkRange(dot, branch)
        case .breakLoop:
            throw .breakLoop
        case .continueLoop:
            throw .continueLoop
        case .templateCall(let call):
            at(.templateCall(call))
            guard let template = environment.namedTemplates[call.name] else {
                throw failure("template \(GoString.quoted(call.name)) not defined")
            }
            let value = try call.pipeline.map { pipeline throws(Signal) in try evalPipeline(dot, pipeline) } ?? .missing
            try write(escaped(template(value), unless: .missing))
        }
    }

    /// `text`, HTML-escaped when the environment asks for it and `value` is not already `template.HTML`.
    private func escaped(_ text: String, unless value: TemplateValue) -> String {
        guard environment.escapesHTML else { return text }
        if case .html = value { return text }
        return GoEscaping.htmlText(text)
    }

    private mutating func write(_ text: String) throws(Signal) {
        outputBytes += text.utf8.count
        guard outputBytes <= Self.maximumOutputBytes else {
            throw failure("template output exceeds \(Self.maximumOutputBytes) bytes")
        }
        output += text
    }

    /// What Go's `printValue` writes: pointers dereferenced, a missing value as `<no value>`.
    static func printed(_ value: TemplateValue) -> String {
        switch value {
        case .missing: return "<no value>"
        case .sample(let sample?): return String(GoPrinter.sprint([.sample(sample)]).dropFirst())
        default: return GoPrinter.sprint([value])
        }
    }

    private mutating func walkIfOrWith(_ dot: TemplateValue, _ branch: TemplateBranch, isWith: Bool) throws(Signal) {
        let mark = variables.count
        defer { variables.removeLast(variables.count - mark) }
        let value = try evalPipeline(dot, branch.pipeline)
        if value.isTrue {
            try walk(isWith ? value : dot, branch.list)
        } else if let elseList = branch.elseList {
            try walk(dot, elseList)
        }
    }

    private mutating func walkRange(_ dot: TemplateValue, _ branch: TemplateBranch) throws(Signal) {
        let outerMark = variables.count
        defer { variables.removeLast(variables.count - outerMark) }
        let value = try evalPipeline(dot, branch.pipeline)
        let elements: [(TemplateValue, TemplateValue)]
        switch value {
        case .queryResult(let samples):
            elements = samples.enumerated().map { (.int($0.offset), .sample($0.element)) }
        case .stringMap(let map), .keyValues(let map):
            elements = map.keys.sorted(by: goStringLess).map { (.string($0), .string(map[$0] ?? "")) }
        case .list(let list):
            elements = list.elements.enumerated().map { (.int($0.offset), $0.element) }
        case .anyMap(let map):
            elements = map.keys.sorted(by: goStringLess).map { (.string($0), map[$0] ?? .missing) }
        case .int(let count):
            if branch.pipeline.declarations.count > 1 {
                throw failure("can't use \(count) to iterate over more than one variable")
            }
            guard count <= Self.maximumIterations else { throw iterationLimit() }
            elements = count > 0 ? (0..<count).map { (.int($0), .int($0)) } : []
        case .missing:
            elements = []
        default:
            throw failure("range can't iterate over \(Self.printed(value))")
        }
        guard !elements.isEmpty else {
            if let elseList = branch.elseList { try walk(dot, elseList) }
            return
        }
        let mark = variables.count
        do throws(Signal) {
            for (index, element) in elements {
                iterations += 1
                guard iterations <= Self.maximumIterations else { throw iterationLimit() }
                try assignRangeVariables(branch.pipeline, index: index, element: element)
                do throws(Signal) {
                    try walk(element, branch.list)
                } catch .continueLoop {
                    // Go: panic(walkContinue) is recovered per iteration.
                }
                variables.removeLast(variables.count - mark)
            }
        } catch .breakLoop {
            return
        }
    }

    private func iterationLimit() -> Signal {
        failure("range iterations exceed the limit of \(Self.maximumIterations)")
    }

    private mutating func assignRangeVariables(
        _ pipeline: TemplatePipeline, index: TemplateValue, element: TemplateValue
    )
        throws(Signal)
    {
        let declarations = pipeline.declarations
        guard !declarations.isEmpty else { return }
        if pipeline.isAssign {
            try setVariable(declarations[0], declarations.count > 1 ? index : element)
            if declarations.count > 1 { try setVariable(declarations[1], element) }
        } else {
            variables[variables.count - 1].value = element
            if declarations.count > 1 { variables[variables.count - 2].value = index }
        }
    }

    // MARK: - Variables

    private func variableValue(_ variable: String) throws(Signal) -> TemplateValue {
        guard let entry = variables.last(where: { $0.name == variable }) else {
            throw failure("undefined variable: \(variable)")
        }
        return entry.value
    }

    private mutating func setVariable(_ variable: String, _ value: TemplateValue) throws(Signal) {
        guard let index = variables.lastIndex(where: { $0.name == variable }) else {
            throw failure("undefined variable: \(variable)")
        }
        variables[index].value = value
    }

    // MARK: - Pipelines and commands

    private mutating func evalPipeline(_ dot: TemplateValue, _ pipeline: TemplatePipeline) throws(Signal)
        -> TemplateValue
    {
        at(.pipeline(pipeline))
        var value: TemplateValue?
        for command in pipeline.commands { value = try evalCommand(dot, command, final: value) }
        let result = value ?? .missing
        for variable in pipeline.declarations {
            if pipeline.isAssign {
                try setVariable(variable, result)
            } else {
                variables.append((variable, result))
            }
        }
        return result
    }

    private mutating func evalCommand(_ dot: TemplateValue, _ command: TemplateCommand, final: TemplateValue?)
        throws(Signal) -> TemplateValue
    {
        let first = command.arguments[0]
        let arguments = command.arguments.dropFirst()
        switch first {
        case .field(let path, _):
            at(.operand(first))
            return try evalFieldChain(dot, receiver: dot, path[...], arguments: arguments, final: final)
        case .chain(let base, let fields, _):
            // Go's evalChainNode does not record the chain again after evaluating its base, so errors in the
            // fields name the base's last node.
            at(.operand(first))
            let receiver = try evalArgument(dot, base, as: nil)
            return try evalFieldChain(dot, receiver: receiver, fields[...], arguments: arguments, final: final)
        case .identifier(let name, _):
            at(.operand(first))
            return try evalCall(dot, name, node: .command(command), arguments: arguments, final: final)
        case .pipeline(let pipeline):
            try notAFunction(command.arguments, final: final)
            return try evalPipeline(dot, pipeline)
        case .variable(let path, _):
            at(.operand(first))
            return try evalVariable(dot, path, arguments: arguments, final: final)
        default:
            at(.operand(first))
            try notAFunction(command.arguments, final: final)
            return try literal(first, dot: dot)
        }
    }

    private func notAFunction(_ arguments: [TemplateOperand], final: TemplateValue?) throws(Signal) {
        if arguments.count > 1 || final != nil {
            throw failure("can't give argument to non-function \(arguments[0].goDescription)")
        }
    }

    /// A constant operand (or dot) as Go's `evalEmptyInterface`/`idealConstant` see it.
    private func literal(_ operand: TemplateOperand, dot: TemplateValue) throws(Signal) -> TemplateValue {
        switch operand {
        case .bool(let value, _): return .bool(value)
        case .dot: return dot
        case .nilLiteral: throw failure("nil is not a command")
        case .string(_, let value, _): return .string(value)
        case .number(let number, _):
            // exec.go idealConstant: float syntax makes a float64, except hex integers and rune constants.
            let text = number.text.lowercased()
            let isHexOrRune = (text.hasPrefix("0x") && !text.contains("p")) || text.hasPrefix("'")
            if let float = number.float, !isHexOrRune, text.contains(where: { ".ep".contains($0) }) {
                return .float(float)
            }
            if let integer = number.integer, let value = Int(exactly: integer) { return .int(value) }
            throw failure("\(number.text) overflows int")
        default:
            throw failure("can't evaluate command \(GoString.quoted(operand.goDescription))")
        }
    }

    private mutating func evalVariable(
        _ dot: TemplateValue, _ path: [String], arguments: ArraySlice<TemplateOperand>, final: TemplateValue?
    ) throws(Signal) -> TemplateValue {
        let value = try variableValue(path[0])
        guard path.count > 1 else {
            if !arguments.isEmpty || final != nil {
                throw failure("can't give argument to non-function \(path.joined(separator: "."))")
            }
            return value
        }
        return try evalFieldChain(dot, receiver: value, path.dropFirst(), arguments: arguments, final: final)
    }

    private mutating func evalFieldChain(
        _ dot: TemplateValue, receiver: TemplateValue, _ fields: ArraySlice<String>,
        arguments: ArraySlice<TemplateOperand>, final: TemplateValue?
    ) throws(Signal) -> TemplateValue {
        let node = current
        var receiver = receiver
        for (index, field) in fields.enumerated() {
            let isLast = index == fields.count - 1
            if let method = receiver.method(named: field) {
                receiver = try call(
                    dot, method, name: field, node: node, arguments: isLast ? arguments : [],
                    final: isLast ? final : nil)
            } else {
                receiver = try evalField(
                    field, receiver: receiver, hasArguments: isLast && (!arguments.isEmpty || final != nil))
            }
        }
        return receiver
    }

    /// Go's `evalField` for the receivers templates meet: the alert data struct, maps and samples.
    private func evalField(_ field: String, receiver: TemplateValue, hasArguments: Bool) throws(Signal)
        -> TemplateValue
    {
        switch receiver {
        case .missing:
            return .missing
        case .alertData(let data):
            let value: TemplateValue
            switch field {
            case "Labels": value = .stringMap(data.labels)
            case "ExternalLabels": value = .stringMap(data.externalLabels)
            case "ExternalURL": value = .string(data.externalURL)
            case "Value": value = .float(data.value)
            default: throw failure("can't evaluate field \(field) in type \(receiver.goTypeName)")
            }
            if hasArguments { throw failure("\(field) has arguments but cannot be invoked as function") }
            return value
        case .stringMap(let map), .keyValues(let map):
            if hasArguments { throw failure("\(field) is not a method but has arguments") }
            return .string(map[field] ?? "")
        case .object(let object):
            guard let value = object.field(field) else {
                throw failure("can't evaluate field \(field) in type \(receiver.goTypeName)")
            }
            if hasArguments { throw failure("\(field) has arguments but cannot be invoked as function") }
            return value
        case .anyMap(let map):
            if hasArguments { throw failure("\(field) is not a method but has arguments") }
            return map[field] ?? .missing
        case .sample(let sample):
            guard field == "Labels" || field == "Value" else {
                throw failure("can't evaluate field \(field) in type \(receiver.goTypeName)")
            }
            guard let sample else { throw failure("nil pointer evaluating \(receiver.goTypeName).\(field)") }
            if hasArguments { throw failure("\(field) has arguments but cannot be invoked as function") }
            return field == "Labels" ? .stringMap(sample.labels) : .float(sample.value)
        default:
            throw failure("can't evaluate field \(field) in type \(receiver.goTypeName)")
        }
    }

    // MARK: - Calls (exec.go evalCall)

    private mutating func evalCall(
        _ dot: TemplateValue, _ name: String, node: NodeReference, arguments: ArraySlice<TemplateOperand>,
        final: TemplateValue?
    ) throws(Signal) -> TemplateValue {
        guard let function = environment.functions[name] else {
            throw failure("\(GoString.quoted(name)) is not a defined function")
        }
        return try call(dot, function, name: name, node: node, arguments: arguments, final: final)
    }

    /// Go's `evalCall`: checks the argument count, evaluates the arguments for the parameter types, calls.
    private mutating func call(
        _ dot: TemplateValue, _ function: TemplateFunction, name: String, node: NodeReference?,
        arguments: ArraySlice<TemplateOperand>, final: TemplateValue?
    ) throws(Signal) -> TemplateValue {
        let fixed = function.parameters.count
        let count = arguments.count + (final == nil ? 0 : 1)
        if function.variadic != nil {
            if count < fixed {
                throw failure("wrong number of args for \(name): want at least \(fixed) got \(arguments.count)")
            }
        } else if count != fixed {
            throw failure("wrong number of args for \(name): want \(fixed) got \(count)")
        }
        if name == "and" || name == "or" {
            var value = TemplateValue.missing
            for argument in arguments {
                value = try evalArgument(dot, argument, as: .reflectValue)
                if value.isTrue == (name == "or") { return value }
            }
            if let final { value = final }
            return value
        }
        var values: [TemplateValue] = []
        for (index, argument) in arguments.enumerated() {
            let type = index < fixed ? function.parameters[index] : function.variadic ?? .anyValue
            values.append(try evalArgument(dot, argument, as: type))
        }
        if let final {
            let type = count - 1 < fixed ? function.parameters[count - 1] : function.variadic ?? .anyValue
            values.append(try validate(final, as: type))
        }
        let result: TemplateValue
        do throws(TemplateFunctionError) {
            result = try function.body(values, environment)
        } catch {
            if let node { at(node) }
            throw failure("error calling \(name): \(error.message)")
        }
        producedBytes += result.stringKindValue?.utf8.count ?? 0
        guard producedBytes <= Self.maximumProducedBytes else {
            throw failure("template functions produced more than \(Self.maximumProducedBytes) bytes")
        }
        return result
    }

    /// Go's `evalArg`: evaluates `operand` for a parameter of `type` (`nil` means untyped).
    private mutating func evalArgument(
        _ dot: TemplateValue, _ operand: TemplateOperand, as type: TemplateParameterType?
    )
        throws(Signal) -> TemplateValue
    {
        at(.operand(operand))
        switch operand {
        case .dot:
            return try validate(dot, as: type)
        case .nilLiteral:
            guard let type else { return .missing }
            guard let zero = type.zeroForNil else { throw failure("cannot assign nil to \(type.goName)") }
            return zero
        case .field(let path, _):
            return try validate(
                try evalFieldChain(dot, receiver: dot, path[...], arguments: [], final: nil), as: type)
        case .variable(let path, _):
            return try validate(try evalVariable(dot, path, arguments: [], final: nil), as: type)
        case .pipeline(let pipeline):
            return try validate(try evalPipeline(dot, pipeline), as: type)
        case .identifier(let name, _):
            return try validate(try evalCall(dot, name, node: .operand(operand), arguments: [], final: nil), as: type)
        case .chain(let base, let fields, _):
            let receiver = try evalArgument(dot, base, as: nil)
            return try validate(
                try evalFieldChain(dot, receiver: receiver, fields[...], arguments: [], final: nil), as: type)
        case .bool, .number, .string:
            return try constantArgument(operand, dot: dot, as: type)
        }
    }

    private func constantArgument(_ operand: TemplateOperand, dot: TemplateValue, as type: TemplateParameterType?)
        throws(Signal) -> TemplateValue
    {
        switch type {
        case nil, .reflectValue, .anyValue:
            return try literal(operand, dot: dot)
        case .string:
            guard case .string(_, let value, _) = operand else {
                throw failure("expected string; found \(operand.goDescription)")
            }
            return .string(value)
        case .float:
            guard case .number(let number, _) = operand, let float = number.float else {
                throw failure("expected float; found \(operand.goDescription)")
            }
            return .float(float)
        case .int:
            guard case .number(let number, _) = operand, let integer = number.integer else {
                throw failure("expected integer; found \(operand.goDescription)")
            }
            guard let value = Int(exactly: integer) else { throw failure("\(number.text) overflows int") }
            return .int(value)
        case .queryResult, .sample, .stringSlice, .time:
            throw failure("can't handle \(operand.goDescription) for arg of type \(type?.goName ?? "")")
        }
    }

    /// Go's `validateType`.
    private func validate(_ value: TemplateValue, as type: TemplateParameterType?) throws(Signal) -> TemplateValue {
        guard let type else { return value }
        if case .missing = value {
            guard let zero = type.zeroForNil else { throw failure("invalid value; expected \(type.goName)") }
            return zero
        }
        guard type.accepts(value) else {
            throw failure("wrong type for value; expected \(type.goName); got \(value.goTypeName)")
        }
        return value
    }
}
