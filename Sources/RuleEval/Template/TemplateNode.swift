import PromText

/// A node of a parsed template (Go's `parse.Node` subset: text, actions and control structures).
indirect enum TemplateNode: Sendable {
    /// Literal text copied to the output.
    case text(String)
    /// `{{pipeline}}`: evaluates and prints unless it declares variables.
    case action(TemplatePipeline)
    /// `{{if}}…{{else}}…{{end}}`.
    case ifBlock(TemplateBranch)
    /// `{{range}}…{{else}}…{{end}}`.
    case rangeBlock(TemplateBranch)
    /// `{{with}}…{{else}}…{{end}}`.
    case withBlock(TemplateBranch)
    /// `{{break}}` inside a range.
    case breakLoop(position: Int)
    /// `{{continue}}` inside a range.
    case continueLoop(position: Int)
    /// `{{template "name" pipeline}}`: runs a named template (only where the caller provides named templates).
    case templateCall(TemplateCall)
}

/// The name and optional pipeline of a `{{template}}` action.
struct TemplateCall: Sendable {
    /// Byte offset of the `template` keyword.
    var position: Int
    /// The template's name.
    var name: String
    /// The pipeline whose value becomes the template's dot; `nil` means Go's nil.
    var pipeline: TemplatePipeline?

    /// Go's `TemplateNode.String()`.
    var goDescription: String {
        "{{template \(GoString.quoted(name))" + (pipeline.map { " " + $0.goDescription } ?? "") + "}}"
    }
}

/// The pipeline and bodies of an `if`, `range` or `with`.
struct TemplateBranch: Sendable {
    /// The controlling pipeline.
    var pipeline: TemplatePipeline
    /// The body run when the pipeline is true (or for each element).
    var list: [TemplateNode]
    /// The `{{else}}` body, if any.
    var elseList: [TemplateNode]?
}

/// `$x := cmd | cmd`: optional variable declarations and a chain of commands.
struct TemplatePipeline: Sendable {
    /// Byte offset of the pipeline's first token.
    var position: Int
    /// Whether the declarations are assignments (`=`) rather than declarations (`:=`).
    var isAssign = false
    /// Declared or assigned variable names (`$x`).
    var declarations: [String] = []
    /// The commands, each feeding the next as its final argument.
    var commands: [TemplateCommand] = []

    /// Go's `PipeNode.String()`.
    var goDescription: String {
        var text = ""
        if !declarations.isEmpty {
            text = declarations.joined(separator: ", ") + (isAssign ? " = " : " := ")
        }
        return text + commands.map(\.goDescription).joined(separator: " | ")
    }
}

/// One command of a pipeline: an operand optionally followed by arguments.
struct TemplateCommand: Sendable {
    /// Byte offset of the command's first token.
    var position: Int
    /// The operands; the first is the function, field, variable or value.
    var arguments: [TemplateOperand]

    /// Go's `CommandNode.String()`.
    var goDescription: String {
        arguments.map { argument in
            if case .pipeline(let pipeline) = argument { return "(" + pipeline.goDescription + ")" }
            return argument.goDescription
        }.joined(separator: " ")
    }
}

/// A parsed numeric constant with the interpretations Go's `NumberNode` records.
struct TemplateNumber: Sendable {
    /// The constant as written.
    var text: String
    /// The value as an integer, if it is one that fits in 64 bits.
    var integer: Int64?
    /// The value as a float, if it can be one.
    var float: Double?
}

/// An operand inside a command.
indirect enum TemplateOperand: Sendable {
    /// A function name.
    case identifier(String, position: Int)
    /// `.`, the cursor.
    case dot(position: Int)
    /// `nil`.
    case nilLiteral(position: Int)
    /// `$x` or `$x.Field.Key`: the variable name first, then fields.
    case variable([String], position: Int)
    /// `.Field.Key`, without the leading dots.
    case field([String], position: Int)
    /// `(pipeline).Field` or `fn.Field`: fields applied to another operand.
    case chain(TemplateOperand, [String], position: Int)
    /// `true` or `false`.
    case bool(Bool, position: Int)
    /// A numeric or character constant.
    case number(TemplateNumber, position: Int)
    /// A string constant: as written (with quotes) and its value.
    case string(quoted: String, value: String, position: Int)
    /// `(pipeline)`.
    case pipeline(TemplatePipeline)

    /// Byte offset of the operand.
    var position: Int {
        switch self {
        case .identifier(_, let position), .dot(let position), .nilLiteral(let position),
            .variable(_, let position), .field(_, let position), .chain(_, _, let position), .bool(_, let position),
            .number(_, let position), .string(_, _, let position):
            position
        case .pipeline(let pipeline): pipeline.position
        }
    }

    /// Go's `Node.String()` of the operand.
    var goDescription: String {
        switch self {
        case .identifier(let name, _): name
        case .dot: "."
        case .nilLiteral: "nil"
        case .variable(let path, _): path.joined(separator: ".")
        case .field(let path, _): path.map { "." + $0 }.joined()
        case .chain(let base, let fields, _):
            (base.isPipeline ? "(" + base.goDescription + ")" : base.goDescription)
                + fields.map { "." + $0 }.joined()
        case .bool(let value, _): value ? "true" : "false"
        case .number(let number, _): number.text
        case .string(let quoted, _, _): quoted
        case .pipeline(let pipeline): pipeline.goDescription
        }
    }

    private var isPipeline: Bool {
        if case .pipeline = self { return true }
        return false
    }
}
