/// A plan of the sample price list, from free to enterprise.
enum SamplePlan: Int, Comparable, Sendable {
    case free, starter, professional, enterprise

    /// The plan's name in the CRM.
    var name: String {
        switch self {
        case .free: "free"
        case .starter: "starter"
        case .professional: "professional"
        case .enterprise: "enterprise"
        }
    }

    /// The next plan up (enterprise stays enterprise).
    var upgraded: SamplePlan { SamplePlan(rawValue: rawValue + 1) ?? .enterprise }

    /// The next paid plan down (starter stays starter).
    var downgraded: SamplePlan { rawValue <= 1 ? self : SamplePlan(rawValue: rawValue - 1) ?? .starter }

    static func < (lhs: SamplePlan, rhs: SamplePlan) -> Bool { lhs.rawValue < rhs.rawValue }
}
