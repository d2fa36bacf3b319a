/// A scripted account history that the sample always contains, so that even a small sample
/// exercises every movement, billing period, currency and onboarding state. Stories are given to
/// accounts picked by the seed; every other account follows random hazards.
enum SampleStory: CaseIterable, Sendable {
    case bigEnterprise, usdMonthly, upgrade, reactivation, scheduledMonthly, free, contraction,
         expansion, churnOnFirst, churnMidMonth, downgrade, trial, freeWithBlip, scheduledAnnual,
         usdAnnual, bigProfessional, sixMonthBilling, onboardingBehind, onboarding,
         onboardingStalled, futureStart, seatsMissing, bigEnterpriseBiennial, quarterly, triennial,
         churnedBeforeWindow

    /// How the story's account starts and what happens to it.
    struct Setup {
        var plan: SamplePlan
        var billing: SampleBilling
        var chained = false
        var currency: SampleCurrency = .jpy
        var seats: Int? = nil
        var monthlyPrice: Int? = nil
        var signupDay: Int
        var paidStartDay: Int? = nil
        var trialDays = 0
        var addOnAtStart = false
        var futureStart = false
        var trend: SampleTrend = .stable
        var events: [SampleContractEvent] = []
    }

    /// The story's setup in `window`.
    func setup(_ window: SampleWindow, _ rng: inout SampleRandom) -> Setup {
        let last = window.lastMonth
        func month(_ before: Int) -> Int { window.monthBeforeEnd(before) }
        func day(_ month: Int, _ day: Int) -> Int {
            SampleCalendar.firstDay(ofMonth: month) + min(day, SampleCalendar.daysIn(month: month)) - 1
        }
        let early = day(window.historyMonth + rng.below(max(1, window.firstMonth - window.historyMonth)),
                        rng.int(1, 28))
        switch self {
        case .bigEnterprise:
            return Setup(plan: .enterprise, billing: .annual, chained: true, seats: rng.int(20, 30),
                         monthlyPrice: rng.int(1_200, 1_800) * 1_000, signupDay: early, trend: .growing)
        case .bigEnterpriseBiennial:
            return Setup(plan: .enterprise, billing: .biennial, seats: rng.int(22, 32),
                         monthlyPrice: rng.int(1_300, 2_000) * 1_000, signupDay: early)
        case .bigProfessional:
            return Setup(plan: .professional, billing: .monthly, seats: rng.int(15, 20),
                         monthlyPrice: 1_150_000, signupDay: early)
        case .usdMonthly:
            let start = SampleStory.usdStartMonth(window)
            return Setup(plan: .professional, billing: .monthly, currency: .usd, signupDay: day(start, 9),
                         paidStartDay: day(start, 11))
        case .usdAnnual:
            return Setup(plan: .enterprise, billing: .annual, chained: true, currency: .usd, signupDay: early)
        case .upgrade:
            return Setup(plan: .starter, billing: .monthly, signupDay: early, trend: .growing,
                         events: [.init(month: month(4), day: day(month(4), 1), kind: .upgrade)])
        case .downgrade:
            return Setup(plan: .professional, billing: .monthly, signupDay: early, trend: .declining,
                         events: [.init(month: month(6), day: day(month(6), 15), kind: .downgrade)])
        case .expansion:
            return Setup(plan: .professional, billing: .annual, signupDay: early, trend: .growing,
                         events: [.init(month: month(3), day: day(month(3), 10), kind: .addOn)])
        case .contraction:
            return Setup(plan: .professional, billing: .monthly, signupDay: early, addOnAtStart: true,
                         events: [.init(month: month(2), day: day(month(2), 1), kind: .dropAddOn)])
        case .churnOnFirst:
            return Setup(plan: .starter, billing: .monthly, signupDay: early, trend: .declining,
                         events: [.init(month: month(7), day: day(month(7), 12), kind: .churn(endsOnFirst: true, notice: true))])
        case .churnMidMonth:
            return Setup(plan: .professional, billing: .monthly, signupDay: early, trend: .declining,
                         events: [.init(month: month(9), day: day(month(9), 5), kind: .churn(endsOnFirst: false, notice: true))])
        case .reactivation:
            return Setup(plan: .starter, billing: .monthly, signupDay: early, trend: .declining,
                         events: [.init(month: month(11), day: day(month(11), 8), kind: .churn(endsOnFirst: true, notice: true)),
                                  .init(month: month(5), day: day(month(5), 1), kind: .reactivate)])
        case .scheduledMonthly:
            return Setup(plan: .professional, billing: .monthly, signupDay: early, trend: .declining,
                         events: [.init(month: last, day: day(last, 12), kind: .churn(endsOnFirst: true, notice: true))])
        case .scheduledAnnual:
            // A term that ends mid-month two months after the data, under notice since last month.
            let start = day(last - 10, 15)
            return Setup(plan: .enterprise, billing: .annual, chained: true, signupDay: start - 20,
                         paidStartDay: start, trend: .declining,
                         events: [.init(month: last - 1, day: day(last - 1, 20), kind: .churn(endsOnFirst: false, notice: true))])
        case .free:
            return Setup(plan: .free, billing: .monthly, seats: rng.int(1, 3), signupDay: early)
        case .freeWithBlip:
            return Setup(plan: .free, billing: .monthly, seats: 2, signupDay: early,
                         events: [.init(month: month(3), day: day(month(3), 5), kind: .blip)])
        case .trial:
            let signup = day(month(5), 3)
            return Setup(plan: .starter, billing: .monthly, signupDay: signup, trialDays: 14, trend: .growing)
        case .sixMonthBilling:
            return Setup(plan: .professional, billing: .months(6), signupDay: early)
        case .quarterly:
            return Setup(plan: .starter, billing: .quarterly, signupDay: early)
        case .triennial:
            return Setup(plan: .enterprise, billing: .triennial, signupDay: early, trend: .growing)
        case .onboarding:
            return Setup(plan: .starter, billing: .monthly, signupDay: day(last, 5), trend: .growing)
        case .onboardingBehind:
            return Setup(plan: .professional, billing: .monthly, signupDay: day(month(1), 3))
        case .onboardingStalled:
            return Setup(plan: .professional, billing: .monthly, signupDay: day(month(4), 10), trend: .declining)
        case .futureStart:
            return Setup(plan: .professional, billing: .annual, signupDay: day(last, 20),
                         paidStartDay: SampleCalendar.firstDay(ofMonth: last + 1), futureStart: true)
        case .seatsMissing:
            return Setup(plan: .professional, billing: .monthly, signupDay: early)
        case .churnedBeforeWindow:
            let signup = day(window.historyMonth, 1)
            return Setup(plan: .starter, billing: .monthly, signupDay: signup, trend: .declining,
                         events: [.init(month: window.firstMonth - 2, day: day(window.firstMonth - 2, 10), kind: .churn(endsOnFirst: true, notice: false))])
        }
    }

    /// The month the US-dollar monthly contract starts in, left out of the exchange-rate file so
    /// that its rate falls back to the month before.
    static func usdStartMonth(_ window: SampleWindow) -> Int {
        min(window.lastMonth, window.firstMonth + max(1, window.months / 3))
    }

    /// Whether the account's onboarding misses a milestone on purpose.
    var onboardingGap: SampleOnboardingGap? {
        switch self {
        case .onboardingBehind: .kickoffMissing
        case .onboardingStalled: .firstValueMissing
        default: nil
        }
    }
}
