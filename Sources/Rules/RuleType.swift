/// The type of a fact or of a value in a rule expression.
///
/// `<`, `<=`, `>` and `>=` need two numbers; `==` and `!=` need two operands of the same type;
/// `and`, `or`, `not` and the whole expression need booleans.
public enum RuleType: String, Sendable, Equatable, Hashable {
    /// A number (a `Double` at evaluation), written like `12000000`, `-15` or `0.25`.
    case number
    /// A string, written in double quotes like `"enterprise"`.
    case string
    /// A boolean, written `true` or `false`.
    case boolean
}
