/// Compiles a type-checked ``RuleSyntax`` to flat ``RuleNode``s and a string table.
///
/// Each condition becomes one node; `and`/`or` set the jump targets (short-circuit), `not` swaps
/// them. So `not (x < 3)` still holds when `x` is undefined: the comparison is false and `not`
/// turns false into true. A parenthesised condition used as an operand of `==`/`!=` is compiled as
/// its own run of nodes after the main one.
struct RuleEmitter {
    private(set) var nodes: [RuleNode] = []
    private(set) var strings: [String] = []
    /// Conditions used as operands, waiting to be compiled: the node and side that read them.
    private var pending: [(node: Int, isLHS: Bool, syntax: RuleSyntax)] = []

    /// The nodes and string table of a type-checked condition; evaluation starts at node 0.
    static func emit(_ syntax: RuleSyntax) -> (nodes: [RuleNode], strings: [String]) {
        var emitter = RuleEmitter()
        emitter.emit(syntax, onTrue: RuleNode.yieldsTrue, onFalse: RuleNode.yieldsFalse)
        var next = 0
        while next < emitter.pending.count {
            let (node, isLHS, syntax) = emitter.pending[next]
            next += 1
            let start = emitter.nodes.count
            emitter.emit(syntax, onTrue: RuleNode.yieldsTrue, onFalse: RuleNode.yieldsFalse)
            guard case .general(let lhs, let comparison, let rhs) = emitter.nodes[node].test else {
                preconditionFailure("a pending condition belongs to a general node")
            }
            emitter.nodes[node].test = isLHS
                ? .general(.condition(start: start), comparison, rhs)
                : .general(lhs, comparison, .condition(start: start))
        }
        return (emitter.nodes, emitter.strings)
    }

    /// Appends the nodes of a condition that jumps to `onTrue` when it holds, else to `onFalse`.
    private mutating func emit(_ syntax: RuleSyntax, onTrue: Int, onFalse: Int) {
        switch syntax {
        case .group(let inner, _):
            emit(inner, onTrue: onTrue, onFalse: onFalse)
        case .not(let inner, let negated, _):
            emit(inner, onTrue: negated ? onFalse : onTrue, onFalse: negated ? onTrue : onFalse)
        case .all(let terms):
            for (index, term) in terms.enumerated() {
                let isLast = index == terms.count - 1
                let next = nodes.count + term.leafCount
                emit(term, onTrue: isLast ? onTrue : next, onFalse: onFalse)
            }
        case .any(let terms):
            for (index, term) in terms.enumerated() {
                let isLast = index == terms.count - 1
                let next = nodes.count + term.leafCount
                emit(term, onTrue: onTrue, onFalse: isLast ? onFalse : next)
            }
        case .boolean(let value, _):
            nodes.append(RuleNode(test: .constant(value), onTrue: onTrue, onFalse: onFalse))
        case .fact(let slot, _, _, _):
            nodes.append(RuleNode(test: .boolean(slot: slot, equal: true, true), onTrue: onTrue, onFalse: onFalse))
        case .comparison(let lhs, let comparison, let rhs, _):
            nodes.append(RuleNode(test: test(lhs, comparison, rhs), onTrue: onTrue, onFalse: onFalse))
        case .number, .string:
            preconditionFailure("type checking admits only boolean conditions")
        }
    }

    /// The test for `lhs op rhs`: a fact against a constant in its own case (constant first is
    /// swapped), two constants decided now, anything else general.
    private mutating func test(_ lhs: RuleSyntax, _ comparison: RuleComparison, _ rhs: RuleSyntax) -> RuleTest {
        let lhs = lhs.operand, rhs = rhs.operand
        if let constant = constant(rhs), case .fact(let slot, _, _, _) = lhs {
            return factTest(slot, comparison, constant)
        }
        if let constant = constant(lhs), case .fact(let slot, _, _, _) = rhs {
            return factTest(slot, comparison.swapped, constant)
        }
        if let left = constant(lhs), let right = constant(rhs) {
            return .constant(comparison.holds(left, right))
        }
        let nodeIndex = nodes.count
        return .general(operand(lhs, node: nodeIndex, isLHS: true), comparison,
                        operand(rhs, node: nodeIndex, isLHS: false))
    }

    private mutating func factTest(_ slot: Int, _ comparison: RuleComparison, _ constant: RuleValue) -> RuleTest {
        switch constant {
        case .number(let value):
            return .number(slot: slot, comparison, value)
        case .string(let value):
            return .string(slot: slot, equal: comparison == .equal, intern(value))
        case .boolean(let value):
            return .boolean(slot: slot, equal: comparison == .equal, value)
        case .undefined:
            preconditionFailure("constants are never undefined")
        }
    }

    /// The value of a literal, or `nil` for anything else.
    private func constant(_ syntax: RuleSyntax) -> RuleValue? {
        switch syntax {
        case .number(let value, _, _): .number(value)
        case .string(let value, _, _): .string(value)
        case .boolean(let value, _): .boolean(value)
        default: nil
        }
    }

    /// The operand for a general node; a condition is queued to be compiled after the main nodes.
    private mutating func operand(_ syntax: RuleSyntax, node: Int, isLHS: Bool) -> RuleOperand {
        switch syntax {
        case .fact(let slot, _, let type, _): return .fact(slot: slot, type: type)
        case .number(let value, _, _): return .number(value)
        case .string(let value, _, _): return .string(intern(value))
        case .boolean(let value, _): return .boolean(value)
        default:
            pending.append((node, isLHS, syntax))
            return .condition(start: -1)
        }
    }

    /// The index of a string in the string table, adding it once.
    private mutating func intern(_ string: String) -> Int {
        if let index = strings.firstIndex(of: string) { return index }
        strings.append(string)
        return strings.count - 1
    }
}
