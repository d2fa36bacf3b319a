import Rules

/// A playbook rule (`alerts:`, docs/metrics.md §8): when its expression holds for a paying account, an
/// alert with this id, kind, owner and action is raised.
package struct AlertRule: Sendable, Equatable {
    /// Whether an alert warns of a risk or points at an opportunity.
    package enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        /// Something to prevent (churn, contraction, a bad experience).
        case risk
        /// Something to act on for growth (expansion, advocacy).
        case opportunity
    }

    /// The rule's unique id, e.g. `health-red`.
    package var id: String
    /// Risk or opportunity.
    package var kind: Kind
    /// The condition over the account's facts, as written.
    package let when: RuleSource
    /// The condition, compiled against the account facts of docs/metrics.md §8.
    package let condition: RuleExpression
    /// Who acts on the alert, e.g. `csm` or `sales`.
    package var owner: String
    /// What the owner should do.
    package var action: String

    /// Creates an alert rule; the condition is checked against the account facts.
    package init(id: String, kind: Kind, when: RuleSource, owner: String, action: String) throws(PipelineFileError) {
        self.id = id
        self.kind = kind
        self.when = when
        self.condition = try when.compile(AccountFactCatalog.vocabulary)
        self.owner = owner
        self.action = action
    }

    /// A rule with a built-in condition (which always compiles).
    private static func builtIn(_ id: String, _ kind: Kind, _ when: String, owner: String, action: String) -> AlertRule {
        do { return try AlertRule(id: id, kind: kind, when: .builtIn(when), owner: owner, action: action) } catch {
            preconditionFailure("\(error)")
        }
    }

    /// The eleven default rules of docs/metrics.md §8, with their owners and an action each.
    package static let defaults: [AlertRule] = [
        builtIn("health-red", .risk, #"health_band == "red""#, owner: "csm",
                  action: "Call the customer and open a recovery plan"),
        builtIn("health-drop", .risk, "health_delta <= -15", owner: "csm",
                  action: "Find out what changed since last month and contact the customer"),
        builtIn("low-utilization", .risk, "license_utilization < 0.3 and tenure_days >= 60",
                  owner: "csm", action: "Run an adoption session to put the unused licences to work"),
        builtIn("usage-drop", .risk, "mau_change <= -0.3", owner: "csm",
                  action: "Ask the main users why usage fell and re-engage them"),
        builtIn("nps-detractor", .risk, "latest_nps_score <= 6 and days_since_last_nps <= 30", owner: "csm",
                  action: "Follow up on the detractor's feedback and agree on next steps"),
        builtIn("renewal-at-risk", .risk, #"days_to_renewal >= 0 and days_to_renewal <= 90 and health_band != "green""#,
                  owner: "csm", action: "Prepare a renewal plan with the account team before the renewal date"),
        builtIn("onboarding-behind", .risk, #"onboarding_status == "behind""#,
                  owner: "csm", action: "Unblock the overdue onboarding milestones with the customer"),
        builtIn("nps-unanswered", .risk, "nps_responses_365d == 0 and tenure_days >= 90",
                  owner: "csm", action: "Ask the customer for feedback: send the NPS survey or schedule a check-in call"),
        builtIn("seat-expansion", .opportunity, "license_utilization >= 0.9",
                  owner: "sales", action: "Propose additional seats"),
        builtIn("advocate", .opportunity, "health_score >= 85 and latest_nps_score >= 9",
                  owner: "csm", action: "Invite the customer to a case study, review or reference call"),
        builtIn("plan-upgrade", .opportunity, #"feature_breadth >= 0.8 and plan != "enterprise""#, owner: "sales",
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
            rules.append(try AlertRule(
                id: id,
                kind: try mapping.required("kind").choice(Kind.self),
                when: try mapping.required("when").rule(),
                owner: try mapping.required("owner").string(),
                action: try mapping.required("action").string()))
        }
        return rules
    }
}
