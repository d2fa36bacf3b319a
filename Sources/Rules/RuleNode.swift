/// One test in a compiled expression, with where evaluation goes next.
///
/// An expression compiles to a flat array of nodes, one per comparison, in text order. `and`, `or`
/// and `not` become jumps: each node says which node to test next (or which result to return)
/// when its test holds and when it does not, so evaluation short-circuits in a plain loop. Jumps
/// only go forward, so evaluation always ends.
@usableFromInline
struct RuleNode: Sendable, Equatable {
    /// The jump target that returns `true`.
    @inlinable static var yieldsTrue: Int { -1 }
    /// The jump target that returns `false`.
    @inlinable static var yieldsFalse: Int { -2 }

    /// What the node tests.
    @usableFromInline var test: RuleTest
    /// The next node's index when the test holds, or ``yieldsTrue``/``yieldsFalse``.
    @usableFromInline var onTrue: Int
    /// The next node's index when the test does not hold, or ``yieldsTrue``/``yieldsFalse``.
    @usableFromInline var onFalse: Int

    init(test: RuleTest, onTrue: Int, onFalse: Int) {
        self.test = test
        self.onTrue = onTrue
        self.onFalse = onFalse
    }
}
