/// A playbook rule (`alerts:`, metrics.md §8): when its expression holds for a paying account, an
/// alert with this id, kind, owner and action is raised.
public struct AlertRule: Sendable, Equatable {
    /// Whether an alert warns of a risk or points at an opportunity.
    public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        /// Something to prevent (churn, contraction, a bad experience).
        case risk
        /// Something to act on for growth (expansion, advocacy).
        case opportunity
    }

    /// The rule's unique id, e.g. `health-red`.
    public var id: String
    /// Risk or opportunity.
    public var kind: Kind
    /// The condition over the account's facts.
    public var when: RuleSource
    /// Who acts on the alert, e.g. `csm` or `sales`.
    public var owner: String
    /// What the owner should do.
    public var action: String

    /// Creates an alert rule.
    public init(id: String, kind: Kind, when: RuleSource, owner: String, action: String) {
        self.id = id
        self.kind = kind
        self.when = when
        self.owner = owner
        self.action = action
    }

    /// The eleven default rules of metrics.md §8, with their owners and an action each.
    public static let defaults: [AlertRule] = [
        AlertRule(id: "health-red", kind: .risk, when: .builtIn(#"health_band == "red""#), owner: "csm",
                  action: "Call the customer and open a recovery plan"),
        AlertRule(id: "health-drop", kind: .risk, when: .builtIn("health_delta <= -15"), owner: "csm",
                  action: "Find out what changed since last month and contact the customer"),
        AlertRule(id: "low-utilization", kind: .risk, when: .builtIn("license_utilization < 0.3 and tenure_days >= 60"),
                  owner: "csm", action: "Run an adoption session to put the unused licences to work"),
        AlertRule(id: "usage-drop", kind: .risk, when: .builtIn("mau_change <= -0.3"), owner: "csm",
                  action: "Ask the main users why usage fell and re-engage them"),
        AlertRule(id: "nps-detractor", kind: .risk,
                  when: .builtIn("latest_nps_score <= 6 and days_since_last_nps <= 30"), owner: "csm",
                  action: "Follow up on the detractor's feedback and agree on next steps"),
        AlertRule(id: "renewal-at-risk", kind: .risk,
                  when: .builtIn(#"days_to_renewal >= 0 and days_to_renewal <= 90 and health_band != "green""#),
                  owner: "csm", action: "Prepare a renewal plan with the account team before the renewal date"),
        AlertRule(id: "onboarding-behind", kind: .risk, when: .builtIn(#"onboarding_status == "behind""#),
                  owner: "csm", action: "Unblock the overdue onboarding milestones with the customer"),
        AlertRule(id: "nps-unanswered", kind: .risk, when: .builtIn("nps_responses_365d == 0 and tenure_days >= 90"),
                  owner: "csm", action: "Ask the customer for feedback: send the NPS survey or schedule a check-in call"),
        AlertRule(id: "seat-expansion", kind: .opportunity, when: .builtIn("license_utilization >= 0.9"),
                  owner: "sales", action: "Propose additional seats"),
        AlertRule(id: "advocate", kind: .opportunity, when: .builtIn("health_score >= 85 and latest_nps_score >= 9"),
                  owner: "csm", action: "Invite the customer to a case study, review or reference call"),
        AlertRule(id: "plan-upgrade", kind: .opportunity,
                  when: .builtIn(#"feature_breadth >= 0.8 and plan != "enterprise""#), owner: "sales",
                  action: "Propose an upgrade to the enterprise plan"),
    ]
}

extension AlertRule {
    /// Reads the `alerts` list, which replaces the default rules; ids are unique. Every rule gives
    /// `id`, `kind`, `when`, `owner` and `action`.
    static func readList(_ value: PipelineValue) throws(PipelineFileError) -> [AlertRule] {
        var rules: [AlertRule] = []
        for item in try value.list() {
            let mapping = try item.mapping(keys: ["id", "kind", "when", "owner", "action"])
            let idValue = try mapping.required("id")
            let id = try idValue.identifier()
            if rules.contains(where: { $0.id == id }) {
                throw idValue.error("alert id '\(id)' is used twice")
            }
            rules.append(AlertRule(
                id: id,
                kind: try mapping.required("kind").choice(Kind.self),
                when: try mapping.required("when").rule(),
                owner: try mapping.required("owner").string(),
                action: try mapping.required("action").string()))
        }
        return rules
    }
}
