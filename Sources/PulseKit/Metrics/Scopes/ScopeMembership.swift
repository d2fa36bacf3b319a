/// The scopes every metric family writes (`company`, `tier:*`, `plan:*`, from the revenue result) and
/// the scopes each account is in for M: its tier for M and its plan. Records of an account the CRM
/// does not know count in `company` only (docs/metrics.md §0.12).
struct ScopeMembership: Sendable {
    /// The scope names in written order.
    let names: [String]
    /// Per account position: its tier scope and plan scope indices in `names`.
    private let memberships: [(tier: Int32, plan: Int32)]
    /// Account id → position.
    private let positions: [String: Int32]

    /// The scopes of `revenue`, with each loaded account's membership for M.
    init(accounts: [Account], revenue: RevenueResult) {
        names = revenue.scopes
        var scopeIndex: [String: Int32] = [:]
        for (k, name) in names.enumerated() { scopeIndex[name] = Int32(k) }
        memberships = zip(accounts, revenue.accounts).map { account, row in
            (scopeIndex["tier:\(revenue.tiers[row.tier])"] ?? -1, scopeIndex["plan:\(account.plan)"] ?? -1)
        }
        var positions: [String: Int32] = [:]
        positions.reserveCapacity(accounts.count)
        for (k, account) in accounts.enumerated() { positions[account.id] = Int32(k) }
        self.positions = positions
    }

    /// The position of an account in the loaded accounts, nil when the CRM does not know it.
    func position(of accountID: String) -> Int? { positions[accountID].map(Int.init) }

    /// The scopes a record of the account at `position` counts in (`company` only when nil).
    func scopes(ofPosition position: Int?) -> ScopeSet {
        guard let position else { return ScopeSet(company: true) }
        let membership = memberships[position]
        return ScopeSet(tier: membership.tier, plan: membership.plan)
    }

    /// The scopes a record of `accountID` counts in.
    func scopes(of accountID: String?) -> ScopeSet {
        scopes(ofPosition: accountID.flatMap(position(of:)))
    }
}

/// The (at most three) scopes one record counts in: `company`, and for a known account its tier
/// and plan.
struct ScopeSet: Sequence {
    private let tier: Int32
    private let plan: Int32

    /// `company` only.
    init(company: Bool) { tier = -1; plan = -1 }

    /// `company`, the tier scope and the plan scope (negative: absent).
    init(tier: Int32, plan: Int32) {
        self.tier = tier
        self.plan = plan
    }

    /// Iterates `company`, then the tier and plan scopes that are present.
    struct Iterator: IteratorProtocol {
        var remaining: (Int32, Int32, Int32)
        mutating func next() -> Int? {
            while true {
                let value = remaining.0
                guard value != Int32.min else { return nil }
                remaining = (remaining.1, remaining.2, Int32.min)
                if value >= 0 { return Int(value) }
            }
        }
    }

    func makeIterator() -> Iterator { Iterator(remaining: (0, tier, plan)) }
}
