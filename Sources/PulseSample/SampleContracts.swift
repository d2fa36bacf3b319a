/// Plays out an account's contract history month by month, from its first paid day to the end of
/// the window, and writes it down as subscription rows: term rows renewed back to back (with
/// occasional price changes), upgrades and downgrades that replace a subscription back to back,
/// add-on subscriptions that come and go, churn with or without notice, and reactivations.
///
/// Events come either from a story's script or from monthly hazards that depend on the plan and
/// on how the account's usage is going.
struct SampleContracts {
    /// A subscription in force whose row is not written yet.
    struct OpenLine {
        var plan: SamplePlan
        var startDay: Int
        var billing: SampleBilling
        /// Price per billing period (minor units).
        var amount: Int
        /// Whether the contract is written as one row per term, renewed back to back.
        var chained: Bool
    }

    let window: SampleWindow
    let currency: SampleCurrency
    var rng: SampleRandom
    /// The rows written so far.
    private(set) var rows: [SampleSubscription] = []
    /// The current (or last) plan.
    private(set) var plan: SamplePlan
    /// The seats the current contract is for.
    private(set) var seats: Int
    /// Per-mille multiplier of the churn hazard (declining accounts churn more).
    var churnRisk = 1000

    private var base: OpenLine?
    private var addOn: OpenLine?
    private var inactiveSince: Int?
    private var reactivations = 0
    private var finished = false

    init(window: SampleWindow, currency: SampleCurrency, plan: SamplePlan, seats: Int, rng: SampleRandom) {
        self.window = window
        self.currency = currency
        self.plan = plan
        self.seats = seats
        self.rng = rng
    }

    /// Plays the history out: a trial first when `trialDays` > 0, then the first subscription
    /// from `paidStart`; `events` replace the random hazards when given.
    mutating func run(signupDay: Int, paidStart: Int, billing: SampleBilling, chained: Bool,
                      monthlyPrice: Int?, trialDays: Int, addOnAtStart: Bool, futureStart: Bool,
                      events: [SampleContractEvent]?) {
        var start = paidStart
        if trialDays > 0 {
            let trialEnd = signupDay + trialDays
            rows.append(SampleSubscription(plan: plan, startDay: signupDay, endDay: trialEnd, billing: .monthly,
                                           amount: 0, currency: currency, canceledDay: nil))
            start = trialEnd
        }
        let monthly = monthlyPrice ?? SamplePricing.monthlyPrice(plan: plan, seats: seats, currency: currency, &rng)
        let first = OpenLine(plan: plan, startDay: start, billing: billing,
                             amount: SamplePricing.periodAmount(monthly: monthly, billing: billing, currency: currency),
                             chained: chained && billing.months >= 12)
        if futureStart {
            write(first, endingAt: nil, canceled: nil)
            return
        }
        base = first
        if addOnAtStart { addOn = makeAddOn(startDay: start) }

        let firstMonth = SampleCalendar.month(ofDay: start)
        var month = firstMonth
        while month <= window.lastMonth && !finished {
            if let events {
                for event in events where event.month == month {
                    apply(event)
                }
            } else if month > firstMonth {
                if let event = randomEvent(in: month) { apply(event) }
            }
            month += 1
        }
        if let line = base { writeOpen(line) }
        if let line = addOn { writeOpen(line) }
        base = nil
        addOn = nil
    }

    // MARK: - Events

    private mutating func apply(_ event: SampleContractEvent) {
        let day = event.day
        switch event.kind {
        case .churn(let endsOnFirst, let notice):
            guard let line = base, day > line.startDay else { return }
            let end = churnEnd(line, notice: day, endsOnFirst: endsOnFirst)
            // An end date beyond the data is only known because the customer gave notice.
            let canceled = notice || end >= window.endDay ? day : nil
            if let extra = addOn {
                write(extra, endingAt: max(end, extra.startDay + 1), canceled: canceled)
                addOn = nil
            }
            write(line, endingAt: end, canceled: canceled)
            base = nil
            inactiveSince = end
            if end >= window.endDay { finished = true }
        case .upgrade, .downgrade:
            guard let line = base, day > line.startDay else { return }
            let up: Bool
            if case .upgrade = event.kind { up = true } else { up = false }
            let newPlan = up ? line.plan.upgraded : line.plan.downgraded
            guard newPlan != line.plan else { return }
            // A term contract changes plan at its renewal when the renewal is only days away.
            var day = day
            if line.chained {
                let renewal = boundary(line, onOrAfter: day)
                let previous = SampleCalendar.adding(months: -line.billing.months, to: renewal)
                if previous > line.startDay && day - previous < 31 {
                    day = previous
                } else if renewal - day < 31 && renewal < window.endDay {
                    day = renewal
                }
            }
            write(line, endingAt: day, canceled: nil)
            seats = up ? seats * 13 / 10 + 1 : max(1, seats * 7 / 10)
            plan = newPlan
            var billing = line.billing
            var chained = line.chained
            if line.plan == .free {
                billing = .monthly
                chained = false
            }
            let monthly = SamplePricing.monthlyPrice(plan: newPlan, seats: seats, currency: currency, &rng)
            base = OpenLine(plan: newPlan, startDay: day, billing: billing,
                            amount: SamplePricing.periodAmount(monthly: monthly, billing: billing, currency: currency),
                            chained: chained)
        case .addOn:
            guard let line = base, addOn == nil, line.plan >= .starter, day > line.startDay else { return }
            addOn = makeAddOn(startDay: day)
        case .dropAddOn:
            guard let extra = addOn, day > extra.startDay else { return }
            let canceled = rng.chance(500) ? max(extra.startDay, day - rng.int(10, 30)) : nil
            write(extra, endingAt: day, canceled: canceled)
            addOn = nil
        case .reactivate:
            guard base == nil, let since = inactiveSince, day >= since else { return }
            reactivations += 1
            if plan == .enterprise && rng.chance(500) { plan = .professional }
            if plan == .free { plan = .starter }
            let billing: SampleBilling = rng.chance(700) ? .monthly : .annual
            let monthly = SamplePricing.monthlyPrice(plan: plan, seats: seats, currency: currency, &rng)
            base = OpenLine(plan: plan, startDay: day, billing: billing,
                            amount: SamplePricing.periodAmount(monthly: monthly, billing: billing, currency: currency),
                            chained: false)
            inactiveSince = nil
        case .blip:
            let month = SampleCalendar.month(ofDay: day)
            let monthEnd = SampleCalendar.firstDay(ofMonth: month + 1)
            let end = min(day + rng.int(8, 14), monthEnd - 1)
            guard end > day else { return }
            let monthly = SamplePricing.monthlyPrice(plan: .starter, seats: max(2, seats), currency: currency, &rng)
            rows.append(SampleSubscription(plan: .starter, startDay: day, endDay: end, billing: .monthly,
                                           amount: monthly, currency: currency, canceledDay: max(day, end - 2)))
        }
    }

    /// At most one random event in `month`, from the hazards of the account's state.
    private mutating func randomEvent(in month: Int) -> SampleContractEvent? {
        let first = SampleCalendar.firstDay(ofMonth: month)
        let days = SampleCalendar.daysIn(month: month)
        let day = first + rng.below(days)
        if let line = base {
            let monthlyBilling = line.billing.months == 1 && !line.chained
            var churn: Int
            switch line.plan {
            case .free: churn = 4
            case .starter: churn = monthlyBilling ? 20 : 14
            case .professional: churn = monthlyBilling ? 11 : 8
            case .enterprise: churn = monthlyBilling ? 6 : 4
            }
            churn = churn * churnRisk / 1000
            let up = [30, 8, 4, 0][line.plan.rawValue]
            let down = [0, 0, 5, 4][line.plan.rawValue]
            let add = addOn == nil ? [0, 6, 14, 16][line.plan.rawValue] : 0
            let drop = addOn == nil ? 0 : 45
            switch rng.weighted([churn, up, down, add, drop, 1000 - churn - up - down - add - drop]) {
            case 0:
                return .init(month: month, day: day, kind: .churn(endsOnFirst: rng.chance(550), notice: rng.chance(800)))
            case 1:
                return .init(month: month, day: rng.chance(500) ? first : day, kind: .upgrade)
            case 2:
                return .init(month: month, day: rng.chance(500) ? first : day, kind: .downgrade)
            case 3:
                return .init(month: month, day: day, kind: .addOn)
            case 4:
                return .init(month: month, day: rng.chance(500) ? first : day, kind: .dropAddOn)
            default:
                if line.plan == .free && rng.chance(3) {
                    return .init(month: month, day: first + rng.below(max(1, days - 16)), kind: .blip)
                }
                return nil
            }
        }
        if let since = inactiveSince, reactivations == 0,
           month >= SampleCalendar.month(ofDay: since) + 2, rng.chance(60) {
            return .init(month: month, day: max(day, since), kind: .reactivate)
        }
        return nil
    }

    // MARK: - Rows

    /// The day a churned contract ends: the end of its paid period for term and multi-month
    /// contracts, else the first of the next month or a day mid-month.
    private mutating func churnEnd(_ line: OpenLine, notice: Int, endsOnFirst: Bool) -> Int {
        if line.chained || line.billing.months > 1 {
            return boundary(line, onOrAfter: notice + 30)
        }
        let nextMonth = SampleCalendar.month(ofDay: notice) + 1
        if endsOnFirst { return SampleCalendar.firstDay(ofMonth: nextMonth) }
        return SampleCalendar.firstDay(ofMonth: nextMonth) + rng.int(9, 20)
    }

    /// The first end of a billing period (or term) of `line` on or after `day`.
    private func boundary(_ line: OpenLine, onOrAfter day: Int) -> Int {
        let step = line.billing.months
        var count = 1
        var end = SampleCalendar.adding(months: step, to: line.startDay)
        while end < day && count < 10_000 {
            count += 1
            end = SampleCalendar.adding(months: step * count, to: line.startDay)
        }
        return end
    }

    private mutating func makeAddOn(startDay: Int) -> OpenLine {
        let billing: SampleBilling = rng.chance(700) ? .monthly : .annual
        let full = SamplePricing.monthlyPrice(plan: max(plan, .starter), seats: seats, currency: currency, &rng)
        var monthly = full * rng.int(20, 40) / 100
        if currency == .jpy { monthly = max(1_000, SamplePricing.roundTo(monthly, 1_000)) }
        return OpenLine(plan: max(plan, .starter), startDay: startDay, billing: billing,
                        amount: SamplePricing.periodAmount(monthly: monthly, billing: billing, currency: currency),
                        chained: false)
    }

    /// Writes a line that ends at `end` (open-ended when nil): term contracts as one row per
    /// term, the last one ending at `end`.
    private mutating func write(_ line: OpenLine, endingAt end: Int?, canceled: Int?) {
        guard line.chained, let end else {
            rows.append(SampleSubscription(plan: line.plan, startDay: line.startDay, endDay: end, billing: line.billing,
                                           amount: line.amount, currency: currency, canceledDay: canceled))
            return
        }
        var termStart = line.startDay
        var amount = line.amount
        for _ in 0..<1_000 {
            let termEnd = SampleCalendar.adding(months: line.billing.months, to: termStart)
            if termEnd >= end {
                rows.append(SampleSubscription(plan: line.plan, startDay: termStart, endDay: end, billing: line.billing,
                                               amount: amount, currency: currency, canceledDay: canceled))
                return
            }
            rows.append(SampleSubscription(plan: line.plan, startDay: termStart, endDay: termEnd, billing: line.billing,
                                           amount: amount, currency: currency, canceledDay: nil))
            termStart = termEnd
            amount = renewed(amount)
        }
    }

    /// Writes a line still in force at the end of the data: term contracts up to the term that
    /// runs past the data, other contracts open-ended.
    private mutating func writeOpen(_ line: OpenLine) {
        guard line.chained else { return write(line, endingAt: nil, canceled: nil) }
        var end = SampleCalendar.adding(months: line.billing.months, to: line.startDay)
        var terms = 1
        while end <= window.endDay && terms < 1_000 {
            terms += 1
            end = SampleCalendar.adding(months: line.billing.months * terms, to: line.startDay)
        }
        write(line, endingAt: end, canceled: nil)
    }

    /// The price of a renewed term: mostly unchanged, sometimes raised, now and then discounted.
    private mutating func renewed(_ amount: Int) -> Int {
        switch rng.weighted([65, 30, 5]) {
        case 1: return SamplePricing.adjusted(amount, percent: rng.int(5, 12), currency: currency)
        case 2: return SamplePricing.adjusted(amount, percent: -rng.int(5, 10), currency: currency)
        default: return amount
        }
    }
}
