/// A parsed PromQL expression: the typed syntax tree the parser produces and the printer renders.
///
/// Every node carries the byte range it was parsed from. Two trees parsed from differently formatted but
/// equivalent text compare equal after `strippingPositions()`.
public indirect enum Expression: Sendable, Equatable {
    /// A number such as `1`, `0x1f`, `Inf` or a duration used as a number (`5m` is 300).
    case number(NumberLiteral)
    /// A quoted string.
    case string(StringLiteral)
    /// `metric{label="value"}`: the latest sample of each matching series.
    case vectorSelector(VectorSelector)
    /// `metric{...}[5m]`: the samples of each matching series over a range.
    case matrixSelector(MatrixSelector)
    /// `expr[1h:5m]`: an instant-vector expression evaluated over a range.
    case subquery(Subquery)
    /// `rate(x[5m])`.
    case call(Call)
    /// `sum by (job) (x)`.
    case aggregation(Aggregation)
    /// `a + on(job) b`.
    case binary(BinaryExpression)
    /// `-x`.
    case unary(UnaryExpression)
    /// `(x)`, kept so printing reproduces the grouping.
    case parenthesized(ParenExpression)

    /// The byte range of the input this expression was parsed from.
    public var positionRange: PositionRange {
        switch self {
        case .number(let node): node.positionRange
        case .string(let node): node.positionRange
        case .vectorSelector(let node): node.positionRange
        case .matrixSelector(let node): node.positionRange
        case .subquery(let node): node.positionRange
        case .call(let node): node.positionRange
        case .aggregation(let node): node.positionRange
        case .binary(let node): node.positionRange
        case .unary(let node): node.positionRange
        case .parenthesized(let node): node.positionRange
        }
    }

    /// The type this expression evaluates to, as Prometheus's `Expr.Type()` defines it.
    public var type: ValueType {
        switch self {
        case .number: .scalar
        case .string: .string
        case .vectorSelector: .instantVector
        case .matrixSelector, .subquery: .rangeVector
        case .call(let node): node.function.returnType
        case .aggregation: .instantVector
        case .binary(let node):
            node.lhs.type == .scalar && node.rhs.type == .scalar ? .scalar : .instantVector
        case .unary(let node): node.expression.type
        case .parenthesized(let node): node.expression.type
        }
    }
}

/// A numeric literal.
public struct NumberLiteral: Sendable, Equatable {
    /// The value; `NaN` compares equal to `NaN` here so that trees with `NaN` literals compare equal.
    public var value: Double
    /// Whether it was written as a duration (`5m`), which the printer reproduces.
    public var isDuration: Bool
    /// Where it was parsed from.
    public var positionRange: PositionRange

    /// Creates a literal.
    public init(value: Double, isDuration: Bool = false, positionRange: PositionRange = .none) {
        self.value = value
        self.isDuration = isDuration
        self.positionRange = positionRange
    }

    /// Equal values (any two NaNs are equal), duration flags and positions.
    public static func == (lhs: NumberLiteral, rhs: NumberLiteral) -> Bool {
        (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN)) && lhs.isDuration == rhs.isDuration
            && lhs.positionRange == rhs.positionRange
    }
}

/// A string literal, already unquoted.
public struct StringLiteral: Sendable, Equatable {
    /// The unescaped value.
    public var value: String
    /// Where it was parsed from.
    public var positionRange: PositionRange

    /// Creates a literal.
    public init(value: String, positionRange: PositionRange = .none) {
        self.value = value
        self.positionRange = positionRange
    }
}

/// The `@` modifier of a selector or subquery.
public enum AtModifier: Sendable, Equatable {
    /// `@ 1609746000`: evaluate at this Unix time, in milliseconds.
    case timestamp(milliseconds: Int64)
    /// `@ start()`: evaluate at the start of the query range.
    case start
    /// `@ end()`: evaluate at the end of the query range.
    case end
}

/// How a label matcher compares a label's value.
public enum MatchType: String, Sendable, Equatable {
    /// `=`
    case equal = "="
    /// `!=`
    case notEqual = "!="
    /// `=~`, fully anchored RE2.
    case regexMatch = "=~"
    /// `!~`, fully anchored RE2.
    case regexNoMatch = "!~"
}

/// One `label<op>"value"` inside a selector's braces.
public struct LabelMatcher: Sendable, Equatable, CustomStringConvertible {
    /// The label name (`__name__` for the metric name).
    public var name: String
    /// The comparison.
    public var type: MatchType
    /// The value or regular expression, unquoted.
    public var value: String
    /// The compiled regular expression for `=~` and `!~`.
    public var regex: RE2Regex?
    /// Where the matcher was parsed from.
    public var positionRange: PositionRange

    /// Creates a matcher; throws for an invalid regular expression (positions then point at offset 0).
    public init(name: String, type: MatchType, value: String, positionRange: PositionRange = .none)
        throws(RE2Regex.SyntaxError)
    {
        self.name = name
        self.type = type
        self.value = value
        self.positionRange = positionRange
        switch type {
        case .equal, .notEqual: regex = nil
        case .regexMatch, .regexNoMatch: regex = try RE2Regex(value)
        }
    }

    /// `name="value"`, the name quoted when outside the legacy character set.
    public var description: String { labelNameText(name) + type.rawValue + goQuoted(value) }

    /// Whether a label with value `labelValue` (empty when the label is absent) satisfies the matcher.
    public func matches(_ labelValue: String) -> Bool {
        switch type {
        case .equal: labelValue == value
        case .notEqual: labelValue != value
        case .regexMatch: regex?.matches(labelValue) ?? false
        case .regexNoMatch: !(regex?.matches(labelValue) ?? false)
        }
    }
}

/// `name{matchers} @ t offset d`.
public struct VectorSelector: Sendable, Equatable {
    /// The metric name written before the braces, if any. It is not repeated in `matchers`.
    public var name: String?
    /// The matchers inside the braces, sorted by their text (byte order) as Prometheus prints them.
    public var matchers: [LabelMatcher]
    /// The `offset` in milliseconds (negative looks into the future); 0 means none.
    public var offsetMilliseconds: Int64
    /// The `@` modifier, if any.
    public var at: AtModifier?
    /// Where it was parsed from, modifiers included.
    public var positionRange: PositionRange

    /// Creates a selector.
    public init(
        name: String?, matchers: [LabelMatcher], offsetMilliseconds: Int64 = 0, at: AtModifier? = nil,
        positionRange: PositionRange = .none
    ) {
        self.name = name
        self.matchers = matchers
        self.offsetMilliseconds = offsetMilliseconds
        self.at = at
        self.positionRange = positionRange
    }
}

/// `selector[range]`; the selector holds the `offset` and `@` modifiers written after the brackets.
public struct MatrixSelector: Sendable, Equatable {
    /// The series selection and its modifiers.
    public var selector: VectorSelector
    /// The range in milliseconds.
    public var rangeMilliseconds: Int64
    /// Where it was parsed from.
    public var positionRange: PositionRange
}

/// `expr[range:step] @ t offset d`.
public struct Subquery: Sendable, Equatable {
    /// The instant-vector expression evaluated at each step.
    public var expression: Expression
    /// The range in milliseconds.
    public var rangeMilliseconds: Int64
    /// The step in milliseconds; 0 means the default evaluation interval (`[1h:]`).
    public var stepMilliseconds: Int64
    /// The `offset` in milliseconds; 0 means none.
    public var offsetMilliseconds: Int64
    /// The `@` modifier, if any.
    public var at: AtModifier?
    /// Where it was parsed from.
    public var positionRange: PositionRange
}

/// A function call.
public struct Call: Sendable, Equatable {
    /// The function's signature.
    public var function: PromQLFunction
    /// The arguments in order.
    public var arguments: [Expression]
    /// Where it was parsed from.
    public var positionRange: PositionRange
}

/// An aggregation operator.
public enum AggregationOperator: String, Sendable, Equatable, CaseIterable {
    case sum, avg, count, min, max, group, stddev, stdvar, topk, bottomk
    case countValues = "count_values"
    case quantile

    /// Whether the operator takes a parameter before the expression (`topk(3, x)`), and of which type.
    public var parameterType: ValueType? {
        switch self {
        case .topk, .bottomk, .quantile: .scalar
        case .countValues: .string
        default: nil
        }
    }
}

/// `op by|without (labels) ([parameter,] expression)`.
public struct Aggregation: Sendable, Equatable {
    /// The operator.
    public var op: AggregationOperator
    /// The aggregated expression.
    public var expression: Expression
    /// The parameter of `topk`, `bottomk`, `quantile` and `count_values`.
    public var parameter: Expression?
    /// The `by` or `without` labels; `by ()` is the same as no clause.
    public var grouping: [String]
    /// Whether `grouping` lists labels to drop (`without`) rather than keep (`by`).
    public var without: Bool
    /// Where it was parsed from.
    public var positionRange: PositionRange
}

/// A binary operator.
public enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^", atan2
    case equal = "==", notEqual = "!=", greater = ">", less = "<", greaterOrEqual = ">=", lessOrEqual = "<="
    case and, or, unless

    /// Binding strength: `or` < `and`/`unless` < comparisons < `+ -` < `* / % atan2` < `^`.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and, .unless: 2
        case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: 3
        case .add, .subtract: 4
        case .multiply, .divide, .modulo, .atan2: 5
        case .power: 6
        }
    }

    /// Whether `a op b op c` groups as `a op (b op c)` (only `^`).
    public var isRightAssociative: Bool { self == .power }

    /// `== != > < >= <=`.
    public var isComparison: Bool { precedence == 3 }

    /// `and or unless`.
    public var isSetOperator: Bool { self == .and || self == .or || self == .unless }
}

/// How series on the two sides of a binary operation pair up.
public enum VectorMatchCardinality: Sendable, Equatable {
    case oneToOne, manyToOne, oneToMany, manyToMany
}

/// The `on`/`ignoring` and `group_left`/`group_right` modifiers of a binary operation.
public struct VectorMatching: Sendable, Equatable {
    /// One-to-one by default, many-to-one with `group_left`, one-to-many with `group_right`; set operators are
    /// always many-to-many.
    public var cardinality: VectorMatchCardinality
    /// The labels of `on (...)` or `ignoring (...)`.
    public var matchingLabels: [String]
    /// Whether `matchingLabels` came from `on` (else from `ignoring`, or no clause).
    public var on: Bool
    /// The extra labels of `group_left (...)`/`group_right (...)`.
    public var include: [String]

    /// Creates a matching description.
    public init(
        cardinality: VectorMatchCardinality, matchingLabels: [String] = [], on: Bool = false, include: [String] = []
    ) {
        self.cardinality = cardinality
        self.matchingLabels = matchingLabels
        self.on = on
        self.include = include
    }
}

/// `lhs op [bool] [on|ignoring (...)] [group_left|group_right (...)] rhs`.
public struct BinaryExpression: Sendable, Equatable {
    /// The operator.
    public var op: BinaryOperator
    /// The left operand.
    public var lhs: Expression
    /// The right operand.
    public var rhs: Expression
    /// Whether a comparison returns 0/1 (`bool`) instead of filtering.
    public var returnBool: Bool
    /// The vector matching modifiers.
    public var matching: VectorMatching
    /// Where it was parsed from.
    public var positionRange: PositionRange
}

/// A unary operator.
public enum UnaryOperator: String, Sendable, Equatable {
    case minus = "-", plus = "+"
}

/// `-expr` or `+expr` (a sign directly before a number literal is folded into the literal).
public struct UnaryExpression: Sendable, Equatable {
    /// The operator.
    public var op: UnaryOperator
    /// The operand.
    public var expression: Expression
    /// Where it was parsed from.
    public var positionRange: PositionRange
}

/// `(expr)`.
public struct ParenExpression: Sendable, Equatable {
    /// The inner expression.
    public var expression: Expression
    /// Where it was parsed from, parentheses included.
    public var positionRange: PositionRange
}
