/// The pipeline's `onboarding` section: the first-value milestone, the onboarding window and the
/// required milestones with their due days (docs/metrics.md §6).
package struct OnboardingSettings: Sendable, Equatable {
    /// A milestone an onboarding must reach, and when it is due.
    package struct RequiredMilestone: Sendable, Equatable {
        /// The milestone name as in `product/milestones.csv`.
        package var milestone: String
        /// Days after `signup_date` by which it is due.
        package var dueDays: Int

        /// Creates a required milestone.
        package init(milestone: String, dueDays: Int) {
            self.milestone = milestone
            self.dueDays = dueDays
        }
    }

    /// The milestone whose date is the first value (for time to first value). Default `first_value`.
    package var firstValueMilestone: String
    /// Days after signup that the onboarding window lasts. Default 90.
    package var windowDays: Int
    /// The required milestones, in file order. Default kickoff 7, setup_complete 30, first_value 60.
    package var required: [RequiredMilestone]

    /// Creates onboarding settings.
    package init(firstValueMilestone: String, windowDays: Int, required: [RequiredMilestone]) {
        self.firstValueMilestone = firstValueMilestone
        self.windowDays = windowDays
        self.required = required
    }

    /// The defaults of docs/metrics.md §6.
    package static let `default` = OnboardingSettings(
        firstValueMilestone: "first_value",
        windowDays: 90,
        required: [
            RequiredMilestone(milestone: "kickoff", dueDays: 7),
            RequiredMilestone(milestone: "setup_complete", dueDays: 30),
            RequiredMilestone(milestone: "first_value", dueDays: 60),
        ])
}

extension OnboardingSettings {
    /// Reads the `onboarding` section over the defaults; `required`, when given, replaces the default list.
    init(reading value: PipelineValue) throws(PipelineFileError) {
        let mapping = try value.mapping(keys: ["first_value_milestone", "window_days", "required"])
        var settings = OnboardingSettings.default
        if let milestone = mapping["first_value_milestone"] {
            settings.firstValueMilestone = try milestone.identifier()
        }
        if let window = mapping["window_days"] {
            let days = try window.integer()
            guard days > 0 else { throw window.error("expected a positive number of days for 'window_days', got \(window.got)") }
            settings.windowDays = days
        }
        if let required = mapping["required"] {
            var milestones: [RequiredMilestone] = []
            for entry in try required.mapping().entries {
                let days = try entry.value.integer()
                guard days >= 0 else {
                    throw entry.value.error("expected a number of days (0 or more) for '\(entry.key)', got \(entry.value.got)")
                }
                milestones.append(RequiredMilestone(milestone: entry.key, dueDays: days))
            }
            settings.required = milestones
        }
        self = settings
    }
}
