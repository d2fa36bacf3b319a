/// A milestone an onboarding story leaves unachieved.
enum SampleOnboardingGap: Sendable {
    case kickoffMissing, firstValueMissing
}
