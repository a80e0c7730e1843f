/// A binary operator.
public enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
    /// Arithmetic: `+ - * / % ^ atan2`.
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^", atan2
    /// Comparisons: `== != > < >= <=`; they filter unless `bool` is given.
    case equal = "==", notEqual = "!=", greater = ">", less = "<", greaterOrEqual = ">=", lessOrEqual = "<="
    /// Set operators between instant vectors: intersection, union, complement.
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
