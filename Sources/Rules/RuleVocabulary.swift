/// The facts an expression may read, each with a type and a slot number (its index in `facts`).
///
/// Compiling an expression resolves each fact name to its slot once; evaluation then asks a
/// ``RuleFacts`` for values by slot, with no name lookups.
///
/// ```swift
/// let vocabulary = RuleVocabulary([("plan", .string), ("arr", .number), ("is_trial", .boolean)])
/// vocabulary.slot(of: "arr")        // 1
/// vocabulary.type(ofSlot: 1)        // .number
/// ```
public struct RuleVocabulary: Sendable, Equatable {
    /// The fact names in slot order: `names[slot]` is the fact in `slot`.
    public let names: [String]
    /// The fact types in slot order.
    private let types: [RuleType]
    /// The slot of each name.
    private let slots: [String: Int]

    /// Creates a vocabulary of the given facts; a fact's slot is its index in `facts`.
    ///
    /// - Precondition: the names are unique.
    public init(_ facts: [(name: String, type: RuleType)]) {
        var slots: [String: Int] = [:]
        slots.reserveCapacity(facts.count)
        for (slot, fact) in facts.enumerated() {
            precondition(slots.updateValue(slot, forKey: fact.name) == nil,
                         "fact '\(fact.name)' appears twice in the vocabulary")
        }
        self.names = facts.map(\.name)
        self.types = facts.map(\.type)
        self.slots = slots
    }

    /// The slot of the fact called `name` (case-sensitive), or `nil` when there is no such fact.
    public func slot(of name: String) -> Int? {
        slots[name]
    }

    /// The type of the fact in `slot`.
    ///
    /// - Precondition: `slot` is an index into ``names``.
    public func type(ofSlot slot: Int) -> RuleType {
        precondition(types.indices.contains(slot), "slot \(slot) is not in the vocabulary")
        return types[slot]
    }
}

extension RuleVocabulary {
    /// The vocabulary name closest to `name` by edit distance, when one is within 2 edits;
    /// ties go to the earlier name.
    func suggestion(for name: String) -> String? {
        let target = Array(name.unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in names {
            let distance = Self.editDistance(target, Array(candidate.unicodeScalars))
            if distance <= 2, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// The Levenshtein distance between two scalar sequences (insertions, deletions, substitutions).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
