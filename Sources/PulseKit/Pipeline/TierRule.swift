import Rules

/// One customer-success tier and the rule that puts an account in it (`tiers:`); the first rule that
/// matches wins.
package struct TierRule: Sendable, Equatable {
    /// The tier's name, used in scopes (`tier:<name>`) and in rules (`tier == "high_touch"`).
    package var name: String
    /// The rule that selects the tier's accounts, as written.
    package let when: RuleSource
    /// The rule, compiled against the tier facts (`arr`, `mrr`, `plan`, `seats`, `industry`, `region`, `csm`).
    package let condition: RuleExpression

    /// Creates a tier rule; the rule is checked against the tier facts.
    package init(name: String, when: RuleSource) throws(PipelineFileError) {
        self.name = name
        self.when = when
        self.condition = try when.compile(TierFacts.vocabulary)
    }

    /// The default tiers of docs/metrics.md §2: high_touch, low_touch, tech_touch.
    package static let defaults: [TierRule] = [
        builtIn("high_touch", #"plan == "enterprise" or arr >= 12000000"#),
        builtIn("low_touch", "arr >= 1200000"),
        builtIn("tech_touch", "true"),
    ]

    /// A tier with a built-in rule (which always compiles).
    private static func builtIn(_ name: String, _ rule: String) -> TierRule {
        do { return try TierRule(name: name, when: .builtIn(rule)) } catch { preconditionFailure("\(error)") }
    }
}

extension TierRule {
    /// Reads the `tiers` list: at least one tier, names unique.
    static func readList(_ value: PipelineValue) throws(PipelineFileError) -> [TierRule] {
        let items = try value.list()
        guard !items.isEmpty else { throw value.error("expected at least one tier in 'tiers'") }
        var tiers: [TierRule] = []
        for item in items {
            let mapping = try item.mapping(keys: ["name", "when"])
            let nameValue = try mapping.required("name")
            let name = try nameValue.identifier()
            if tiers.contains(where: { $0.name == name }) {
                throw nameValue.error("tier '\(name)' is given twice")
            }
            tiers.append(try TierRule(name: name, when: try mapping.required("when").rule()))
        }
        return tiers
    }
}

extension PipelineValue {
    /// A name made of letters, digits, `_`, `-` and `.` (tier names, alert ids, features, milestones).
    func identifier() throws(PipelineFileError) -> String {
        let what = "a name (letters, digits, '_', '-', '.')"
        let text = try scalarText(what)
        guard text.wholeMatch(of: /[\p{L}\p{N}_.\-]+/) != nil else { throw expected(what) }
        return text
    }
}
