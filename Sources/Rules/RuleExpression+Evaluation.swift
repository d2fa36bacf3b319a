extension RuleExpression {
    /// Whether the expression holds for the given facts.
    ///
    /// Comparisons that read an undefined fact (or a value of the wrong type) are false; see
    /// ``RuleExpression`` for the full semantics. Specialised for `Facts` in the caller's module.
    ///
    /// - Complexity: O(n) in the number of comparisons, short-circuiting; each reads at most two
    ///   facts. No allocation beyond what `Facts.value(ofSlot:)` does.
    @inlinable
    public func evaluate<Facts: RuleFacts>(_ facts: Facts) -> Bool {
        run(from: 0, facts)
    }

    /// Runs the nodes from `start` until a jump returns a result.
    @inlinable
    func run<Facts: RuleFacts>(from start: Int, _ facts: Facts) -> Bool {
        // Through the buffer, so that the loop borrows the nodes instead of retaining the array.
        nodes.withUnsafeBufferPointer { nodes in
            var index = start
            while true {
                let next = holds(nodes[index].test, facts) ? nodes[index].onTrue : nodes[index].onFalse
                if next < 0 { return next == RuleNode.yieldsTrue }
                index = next
            }
        }
    }

    /// Whether one node's test holds.
    @inlinable @inline(__always)
    func holds<Facts: RuleFacts>(_ test: RuleTest, _ facts: Facts) -> Bool {
        switch test {
        case let .number(slot, comparison, constant):
            guard case let .number(value) = facts.value(ofSlot: slot) else { return false }
            return comparison.holds(value, constant)
        case let .string(slot, equal, constant):
            guard case let .string(value) = facts.value(ofSlot: slot) else { return false }
            return (value == strings[constant]) == equal
        case let .boolean(slot, equal, constant):
            guard case let .boolean(value) = facts.value(ofSlot: slot) else { return false }
            return (value == constant) == equal
        case let .constant(value):
            return value
        case let .general(lhs, comparison, rhs):
            return comparison.holds(value(of: lhs, facts), value(of: rhs, facts))
        }
    }

    /// The value of a general node's operand.
    @inlinable
    func value<Facts: RuleFacts>(of operand: RuleOperand, _ facts: Facts) -> RuleValue {
        switch operand {
        case let .fact(slot, type):
            // A value of another type than the vocabulary's counts as undefined, as in the
            // fact-against-constant tests (`b1 == b1` is false when b1 holds a string).
            facts.value(ofSlot: slot).ifOfType(type)
        case let .number(value): .number(value)
        case let .string(index): .string(strings[index])
        case let .boolean(value): .boolean(value)
        case let .condition(start): .boolean(run(from: start, facts))
        }
    }
}
