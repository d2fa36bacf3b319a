/// The SLA targets of one priority: how soon the first response and the resolution are due.
package struct ServiceLevelTarget: Sendable, Equatable, Hashable {
    /// The first-response target (fulfilled by the earlier of first response and solve).
    package var firstResponse: ServiceLevelDuration
    /// The resolution target (fulfilled by the solve).
    package var resolution: ServiceLevelDuration

    /// Creates the targets of one priority.
    package init(firstResponse: ServiceLevelDuration, resolution: ServiceLevelDuration) {
        self.firstResponse = firstResponse
        self.resolution = resolution
    }
}

/// A per-plan change to one priority's SLA targets: only the targets given replace the general ones.
package struct ServiceLevelOverride: Sendable, Equatable, Hashable {
    /// The plan's first-response target, or nil to keep the general one.
    package var firstResponse: ServiceLevelDuration?
    /// The plan's resolution target, or nil to keep the general one.
    package var resolution: ServiceLevelDuration?

    /// Creates a partial override.
    package init(firstResponse: ServiceLevelDuration? = nil, resolution: ServiceLevelDuration? = nil) {
        self.firstResponse = firstResponse
        self.resolution = resolution
    }
}

/// The pipeline's `sla` section: targets per priority, with optional per-plan overrides
/// (docs/metrics.md §3.14).
///
/// In a file, each priority given replaces that priority's defaults target by target (a priority that
/// sets only `first_response` keeps the default `resolution`); `plans`, when given, replaces the
/// default plan overrides entirely (`plans: {}` removes the `enterprise` override).
package struct ServiceLevelTargets: Sendable, Equatable {
    /// The general targets, one per priority (always all four).
    package var priorities: [SupportPriority: ServiceLevelTarget]
    /// Per-plan overrides: plan name → priority → the targets that change.
    package var plans: [String: [SupportPriority: ServiceLevelOverride]]

    /// Creates SLA targets.
    package init(priorities: [SupportPriority: ServiceLevelTarget],
                plans: [String: [SupportPriority: ServiceLevelOverride]]) {
        self.priorities = priorities
        self.plans = plans
    }

    /// The targets that apply to a ticket of `priority` whose account is on `plan` (nil: an unknown
    /// account, which gets the general targets, docs/metrics.md §3.15).
    package func target(for priority: SupportPriority, plan: String?) -> ServiceLevelTarget {
        var target = priorities[priority] ?? Self.default.priorities[priority]!
        if let plan, let override = plans[plan]?[priority] {
            if let firstResponse = override.firstResponse { target.firstResponse = firstResponse }
            if let resolution = override.resolution { target.resolution = resolution }
        }
        return target
    }

    /// The defaults of docs/metrics.md §3.14: P1 60m/240m, P2 4bh/1bd, P3 8bh/3bd, P4 24bh/5bd; plan
    /// `enterprise`: P1 first response 30m, P2 first response 2bh.
    package static let `default` = ServiceLevelTargets(
        priorities: [
            .p1: ServiceLevelTarget(firstResponse: .init(60, .calendarMinutes), resolution: .init(240, .calendarMinutes)),
            .p2: ServiceLevelTarget(firstResponse: .init(4, .businessHours), resolution: .init(1, .businessDays)),
            .p3: ServiceLevelTarget(firstResponse: .init(8, .businessHours), resolution: .init(3, .businessDays)),
            .p4: ServiceLevelTarget(firstResponse: .init(24, .businessHours), resolution: .init(5, .businessDays)),
        ],
        plans: [
            "enterprise": [
                .p1: ServiceLevelOverride(firstResponse: .init(30, .calendarMinutes)),
                .p2: ServiceLevelOverride(firstResponse: .init(2, .businessHours)),
            ],
        ])
}

extension ServiceLevelTargets {
    /// Reads the `sla` section over the defaults.
    init(reading value: PipelineValue) throws(PipelineFileError) {
        let priorityKeys = SupportPriority.allCases.map(\.rawValue)
        let mapping = try value.mapping(keys: priorityKeys + ["plans"])
        var targets = ServiceLevelTargets.default
        for priority in SupportPriority.allCases {
            guard let entry = mapping[priority.rawValue] else { continue }
            let fields = try entry.mapping(keys: ["first_response", "resolution"])
            var target = targets.priorities[priority]!
            if let firstResponse = fields["first_response"] { target.firstResponse = try firstResponse.serviceLevelDuration() }
            if let resolution = fields["resolution"] { target.resolution = try resolution.serviceLevelDuration() }
            targets.priorities[priority] = target
        }
        if let plansValue = mapping["plans"] {
            var plans: [String: [SupportPriority: ServiceLevelOverride]] = [:]
            for plan in try plansValue.mapping().entries {
                var overrides: [SupportPriority: ServiceLevelOverride] = [:]
                for entry in try plan.value.mapping(keys: priorityKeys).entries {
                    let priority = SupportPriority(rawValue: entry.key)!
                    let fields = try entry.value.mapping(keys: ["first_response", "resolution"])
                    overrides[priority] = ServiceLevelOverride(
                        firstResponse: try fields["first_response"]?.serviceLevelDuration(),
                        resolution: try fields["resolution"]?.serviceLevelDuration())
                }
                plans[plan.key] = overrides
            }
            targets.plans = plans
        }
        self = targets
    }
}
