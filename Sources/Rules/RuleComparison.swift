/// A comparison operator: `==`, `!=`, `<`, `<=`, `>` or `>=`.
@usableFromInline
enum RuleComparison: UInt8, Sendable, Equatable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

    /// The operator as written.
    var symbol: String {
        switch self {
        case .equal: "=="
        case .notEqual: "!="
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        }
    }

    /// Whether the operator orders numbers (`<`, `<=`, `>`, `>=`) rather than testing equality.
    var isOrdering: Bool { self != .equal && self != .notEqual }

    /// The operator with its operands swapped: `a < b` is `b > a`.
    var swapped: RuleComparison {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        }
    }

    /// Whether `a op b` holds for two numbers (IEEE 754 comparison).
    @inlinable @inline(__always)
    func holds(_ a: Double, _ b: Double) -> Bool {
        switch self {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        }
    }

    /// Whether `a op b` holds given whether two strings or booleans are equal; ordering never holds.
    @inlinable @inline(__always)
    func holds(equal: Bool) -> Bool {
        switch self {
        case .equal: equal
        case .notEqual: !equal
        case .less, .lessOrEqual, .greater, .greaterOrEqual: false
        }
    }

    /// Whether `a op b` holds for two values: false when either is undefined or their types differ.
    @inlinable
    func holds(_ a: RuleValue, _ b: RuleValue) -> Bool {
        switch (a, b) {
        case let (.number(x), .number(y)): holds(x, y)
        case let (.string(x), .string(y)): holds(equal: x == y)
        case let (.boolean(x), .boolean(y)): holds(equal: x == y)
        default: false
        }
    }
}
