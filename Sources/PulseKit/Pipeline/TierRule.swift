/// One customer-success tier and the rule that puts an account in it (`tiers:`); the first rule that
/// matches wins.
public struct TierRule: Sendable, Equatable {
    /// The tier's name, used in scopes (`tier:<name>`) and in rules (`tier == "high_touch"`).
    public var name: String
    /// The rule that selects the tier's accounts.
    public var when: RuleSource

    /// Creates a tier rule.
    public init(name: String, when: RuleSource) {
        self.name = name
        self.when = when
    }

    /// The default tiers of metrics.md §2: high_touch, low_touch, tech_touch.
    public static let defaults: [TierRule] = [
        TierRule(name: "high_touch", when: .builtIn(#"plan == "enterprise" or arr >= 12000000"#)),
        TierRule(name: "low_touch", when: .builtIn("arr >= 1200000")),
        TierRule(name: "tech_touch", when: .builtIn("true")),
    ]
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
            tiers.append(TierRule(name: name, when: try mapping.required("when").rule()))
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
