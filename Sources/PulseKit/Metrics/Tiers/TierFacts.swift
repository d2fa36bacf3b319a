import Rules

/// The facts a tier rule may read (docs/metrics.md §2): the account's `arr` for the month and what the CRM
/// says about it. `arr` is `12 × MRR_a(M)` when the account pays in M, else `12 × MRR_a(M−1)`.
///
/// Only `arr` and `mrr` change from month to month, which lets a tier be reused while they stay put.
struct TierFacts: RuleFacts {
    /// The names and types tier rules are checked against when the pipeline is loaded.
    static let vocabulary = RuleVocabulary([
        ("arr", .number), ("mrr", .number), ("plan", .string), ("seats", .number),
        ("industry", .string), ("region", .string), ("csm", .string),
    ])

    /// `arr` in ten-thousandths.
    var arrUnits: Int64
    /// The loaded accounts, borrowed for the duration of the month loop (no reference counting per
    /// evaluation, which runs millions of times).
    let accounts: UnsafeBufferPointer<Account>
    /// The account's index in `accounts`.
    var index: Int

    func value(ofSlot slot: Int) -> RuleValue {
        // Fields are read one by one: copying the whole account would retain every string it holds.
        switch slot {
        case 0: .number(Double(arrUnits) / Double(Money.unitsPerWhole))
        case 1: .number(Double(arrUnits / 12) / Double(Money.unitsPerWhole))
        case 2: .string(accounts[index].plan)
        case 3: accounts[index].seats.map { .number(Double($0)) } ?? .undefined
        case 4: accounts[index].industry.map(RuleValue.string) ?? .undefined
        case 5: accounts[index].region.map(RuleValue.string) ?? .undefined
        case 6: accounts[index].csm.map(RuleValue.string) ?? .undefined
        default: .undefined
        }
    }
}
