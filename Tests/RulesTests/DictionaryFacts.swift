import Rules

/// The vocabulary most tests compile against: the facts of the documented examples
/// (docs/metrics.md §2 and §8) and a few more.
let testVocabulary = RuleVocabulary([
    ("plan", .string),
    ("arr", .number),
    ("health_score", .number),
    ("health_band", .string),
    ("days_to_renewal", .number),
    ("health_delta", .number),
    ("is_trial", .boolean),
    ("x", .number),
    ("region", .string),
    ("account.name", .string),
    ("flag", .boolean),
])

/// Facts for tests: values by fact name; a name that is absent is undefined.
struct DictionaryFacts: RuleFacts {
    let vocabulary: RuleVocabulary
    let values: [String: RuleValue]

    init(_ values: [String: RuleValue], vocabulary: RuleVocabulary = testVocabulary) {
        for name in values.keys {
            precondition(vocabulary.slot(of: name) != nil, "test fact '\(name)' is not in the vocabulary")
        }
        self.vocabulary = vocabulary
        self.values = values
    }

    func value(ofSlot slot: Int) -> RuleValue {
        values[vocabulary.names[slot]] ?? .undefined
    }
}
