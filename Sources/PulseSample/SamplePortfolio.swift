/// The sample's customers: every account with its CRM attributes and contract history, and the
/// exchange rates its dollar contracts need. Everything else (tickets, surveys, usage, onboarding)
/// is generated from it.
struct SamplePortfolio: Sendable {
    let window: SampleWindow
    let seed: UInt64
    private(set) var accounts: [SampleAccount] = []
    private(set) var fxRates: SampleFXRates
    /// The number of customer success managers accounts are spread over.
    let csmCount: Int

    init(settings: SampleSettings) {
        let window = SampleWindow(settings: settings)
        self.window = window
        seed = settings.seed
        let count = max(1, settings.accounts)
        csmCount = min(320, max(4, count / 25))

        // Stories and awkward names go to accounts picked by the seed.
        var picker = SampleRandom(seed: settings.seed, 1)
        var picked: [Int] = []
        let wanted = SampleStory.allCases.count + SampleCompanyNames.awkward.count
        for slot in 0..<min(wanted, count) {
            var index = picker.below(count)
            var tries = 0
            while picked.contains(index) && tries < 64 {
                index = picker.below(count)
                tries += 1
            }
            if picked.contains(index) { index = (0..<count).first { !picked.contains($0) } ?? slot }
            picked.append(index)
        }
        var storyOf: [Int: SampleStory] = [:]
        var awkwardNameOf: [Int: String] = [:]
        for (slot, index) in picked.enumerated() {
            if slot < SampleStory.allCases.count {
                storyOf[index] = SampleStory.allCases[slot]
            } else {
                awkwardNameOf[index] = SampleCompanyNames.awkward[slot - SampleStory.allCases.count]
            }
        }

        let idWidth = max(5, String(count + 1_000).count)
        var names = Set<String>()
        var accounts: [SampleAccount] = []
        accounts.reserveCapacity(count)
        for index in 0..<count {
            var account = Self.makeAccount(index: index, idWidth: idWidth, story: storyOf[index], window: window,
                                           seed: settings.seed, csmCount: csmCount)
            if let awkward = awkwardNameOf[index] {
                account.name = awkward
            } else {
                var rng = SampleRandom(seed: settings.seed, 11, index)
                let english = account.currency == .usd || rng.chance(60)
                var name = english ? SampleCompanyNames.english(&rng) : SampleCompanyNames.japanese(&rng)
                var tries = 0
                while names.contains(name) && tries < 8 {
                    name = english ? SampleCompanyNames.english(&rng) : SampleCompanyNames.japanese(&rng)
                    tries += 1
                }
                account.name = name
            }
            names.insert(account.name)
            accounts.append(account)
        }
        Self.assignParents(&accounts, seed: settings.seed, keeping: Set(awkwardNameOf.keys))
        self.accounts = accounts

        // Dollar rates from the month before the earliest signup; the dollar story's start month
        // and one other month are missing.
        let fxFirst = window.historyMonth - 1
        var missing: [Int] = []
        if storyOf.values.contains(.usdMonthly) {
            let month = SampleStory.usdStartMonth(window)
            if month > fxFirst + 1 { missing.append(month) }
        }
        var fxRng = SampleRandom(seed: settings.seed, 4)
        if window.lastMonth - fxFirst > 6 {
            let other = fxFirst + 2 + fxRng.below(window.lastMonth - fxFirst - 3)
            if !missing.contains(other) { missing.append(other) }
        }
        fxRates = SampleFXRates(firstMonth: fxFirst, lastMonth: window.lastMonth, missing: missing, seed: settings.seed)
    }

    // MARK: - Accounts

    private static func makeAccount(index: Int, idWidth: Int, story: SampleStory?, window: SampleWindow,
                                    seed: UInt64, csmCount: Int) -> SampleAccount {
        var rng = SampleRandom(seed: seed, 10, index)
        let setup = story?.setup(window, &rng) ?? randomSetup(window, index: index, seed: seed, &rng)
        let plan = setup.plan
        let seats = setup.seats ?? defaultSeats(plan, &rng)

        var contracts = SampleContracts(window: window, currency: setup.currency, plan: plan, seats: seats,
                                        rng: SampleRandom(seed: seed, 12, index))
        switch setup.trend {
        case .declining: contracts.churnRisk = 1_800
        case .stable: contracts.churnRisk = 900
        case .growing: contracts.churnRisk = 500
        }
        let paidStart = setup.paidStartDay ?? setup.signupDay
        contracts.run(signupDay: setup.signupDay, paidStart: paidStart, billing: setup.billing,
                      chained: setup.chained, monthlyPrice: setup.monthlyPrice, trialDays: setup.trialDays,
                      addOnAtStart: setup.addOnAtStart, futureStart: setup.futureStart,
                      events: story == nil ? nil : setup.events)
        // Start order; rows the simulation wrote first stay first on ties.
        let subscriptions = contracts.rows.enumerated().sorted {
            ($0.element.startDay, $0.element.endDay ?? Int.max, $0.offset)
                < ($1.element.startDay, $1.element.endDay ?? Int.max, $1.offset)
        }.map(\.element)

        let firstLogin = setup.signupDay + rng.int(1, 5)
        let live = liveRanges(subscriptions, from: max(firstLogin, window.firstDay), to: window.endDay)
        let churnDays = paidEnds(subscriptions, window: window)

        var sentiment: Int
        switch setup.trend {
        case .growing: sentiment = 780
        case .stable: sentiment = 620
        case .declining: sentiment = 380
        }
        sentiment = min(1_000, max(0, sentiment + rng.int(-120, 120)))
        let adoption: Int
        switch setup.trend {
        case .growing: adoption = rng.int(60, 110)
        case .stable: adoption = rng.int(50, 95)
        case .declining: adoption = rng.int(35, 85)
        }
        let finalSeats = contracts.seats
        let userBase = max(1, (finalSeats * adoption + 50) / 100)
        let contacts: Int
        switch contracts.plan {
        case .free: contacts = 1
        case .starter: contacts = rng.int(1, 2)
        case .professional: contacts = rng.int(2, 3)
        case .enterprise: contacts = rng.int(3, 6)
        }

        let csm: String?
        switch contracts.plan {
        case .enterprise, .professional: csm = SampleVocabulary.csm(rng.below(csmCount))
        case .starter: csm = rng.chance(600) ? SampleVocabulary.csm(rng.below(csmCount)) : nil
        case .free: csm = nil
        }
        let industry = rng.chance(950)
            ? SampleVocabulary.industries[rng.weighted(SampleVocabulary.industryWeights)] : nil
        let region = setup.currency == .usd ? "海外"
            : (rng.chance(970) ? SampleVocabulary.prefectures[rng.weighted(SampleVocabulary.prefectureWeights)] : nil)

        var account = SampleAccount(
            index: index, id: "A" + SampleFormat.padded(index + 1, width: idWidth), name: "",
            plan: contracts.plan, industry: industry, region: region, csm: csm, signupDay: setup.signupDay,
            seats: story == .seatsMissing ? nil : finalSeats, parentID: nil, renewalDay: nil,
            currency: setup.currency, story: story, subscriptions: subscriptions, trend: setup.trend,
            sentiment: sentiment, firstLoginDay: firstLogin, live: live, churnDays: churnDays,
            userBase: userBase, contacts: contacts)
        account.renewalDay = renewalDay(account, window: window, &rng)
        return account
    }

    /// A random account: plan, signup (half before the window), currency, billing and trend.
    /// Plan and trend are drawn from a low-discrepancy sequence over the accounts, so that even a
    /// small sample has the intended mix (and a file size close to the average).
    private static func randomSetup(_ window: SampleWindow, index: Int, seed: UInt64,
                                    _ rng: inout SampleRandom) -> SampleStory.Setup {
        let plan = [SamplePlan.free, .starter, .professional, .enterprise][
            stratified(index, step: 61_803, seed: seed, salt: 6, weights: [8, 45, 33, 14])]
        let signupMonth = rng.chance(500)
            ? window.historyMonth + rng.below(max(1, window.firstMonth - window.historyMonth))
            : window.firstMonth + rng.below(window.months)
        let signup = SampleCalendar.firstDay(ofMonth: signupMonth) + rng.below(SampleCalendar.daysIn(month: signupMonth))
        let currency: SampleCurrency = plan != .free && rng.chance(30) ? .usd : .jpy
        let billing: SampleBilling
        switch plan {
        case .free:
            billing = .monthly
        case .starter:
            billing = [SampleBilling.monthly, .annual, .quarterly][rng.weighted([75, 20, 5])]
        case .professional:
            billing = [SampleBilling.monthly, .quarterly, .annual, .months(6), .biennial][rng.weighted([30, 15, 45, 3, 7])]
        case .enterprise:
            billing = [SampleBilling.monthly, .quarterly, .annual, .biennial, .triennial][rng.weighted([10, 5, 65, 15, 5])]
        }
        let trial = (plan == .starter || plan == .professional) && rng.chance(80)
        let nextFirst = SampleCalendar.firstDay(ofMonth: SampleCalendar.month(ofDay: signup) + 1)
        let trend = [SampleTrend.growing, .stable, .declining][
            stratified(index, step: 41_421, seed: seed, salt: 7, weights: [25, 50, 25])]
        return SampleStory.Setup(
            plan: plan, billing: billing, chained: billing.months >= 12 && rng.chance(500), currency: currency,
            signupDay: signup, paidStartDay: trial ? signup : (rng.chance(600) ? nextFirst : signup),
            trialDays: trial ? (rng.chance(500) ? 14 : 30) : 0,
            addOnAtStart: plan >= .professional && rng.chance(100), trend: trend)
    }

    /// The index into `weights` that the `index`-th point of an additive recurrence (step / 100000,
    /// shifted by the seed) falls in: evenly spread over the weights for any run of indices.
    private static func stratified(_ index: Int, step: Int, seed: UInt64, salt: Int, weights: [Int]) -> Int {
        let shift = Int(SampleRandom.hash(seed, salt) % 100_000)
        let point = (index % 100_000 * step + shift) % 100_000
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        var draw = point * total / 100_000
        for (choice, weight) in weights.enumerated() {
            if draw < weight { return choice }
            draw -= weight
        }
        return weights.count - 1
    }

    private static func defaultSeats(_ plan: SamplePlan, _ rng: inout SampleRandom) -> Int {
        switch plan {
        case .free: return rng.int(1, 3)
        case .starter: return rng.int(2, 4) + rng.below(5)
        case .professional: return rng.int(5, 12) + rng.below(9)
        case .enterprise: return rng.chance(60) ? rng.int(60, 110) : rng.int(15, 40) + rng.below(21)
        }
    }

    /// The days the account can use the product: the union of its subscriptions (free ones
    /// included), clipped to `[from, to)`.
    private static func liveRanges(_ subscriptions: [SampleSubscription], from: Int, to: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for subscription in subscriptions {
            let start = max(from, subscription.startDay)
            let end = min(to, subscription.endDay ?? to)
            guard start < end else { continue }
            if let last = ranges.last, start <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, end)
            } else {
                ranges.append(start..<end)
            }
        }
        return ranges
    }

    /// The days inside the window on which paid service stopped with nothing paid after.
    private static func paidEnds(_ subscriptions: [SampleSubscription], window: SampleWindow) -> [Int] {
        let paid = subscriptions.filter { $0.amount > 0 }
        let ranges = liveRanges(paid, from: Int.min / 4, to: Int.max / 4)
        return ranges.map(\.upperBound).filter { $0 >= window.firstDay && $0 < window.endDay }
    }

    /// The next contract renewal: the end of the running term (or the notice's end date), the
    /// next anniversary of a multi-month contract, sometimes the signup anniversary of a monthly
    /// one; the planned start of a contract that has not started; none for former customers.
    private static func renewalDay(_ account: SampleAccount, window: SampleWindow,
                                   _ rng: inout SampleRandom) -> Int? {
        let lastDay = window.endDay - 1
        let running = account.subscriptions.filter { $0.amount > 0 && $0.isActive(on: lastDay) }
        guard let main = running.max(by: { $0.amount * (12 / $0.billing.months + 1) < $1.amount * (12 / $1.billing.months + 1) }) else {
            if let future = account.subscriptions.first(where: { $0.startDay >= window.endDay }) {
                return SampleCalendar.adding(months: 12, to: future.startDay)
            }
            return nil
        }
        if let end = main.endDay { return end }
        let step = main.billing.months >= 3 ? main.billing.months : 12
        if main.billing.months < 3 && !rng.chance(400) { return nil }
        let anchor = main.billing.months >= 3 ? main.startDay : account.signupDay
        var count = 1
        var day = SampleCalendar.adding(months: step, to: anchor)
        while day < window.endDay && count < 10_000 {
            count += 1
            day = SampleCalendar.adding(months: step * count, to: anchor)
        }
        return day
    }

    /// Makes a few accounts branches of an earlier professional or enterprise account.
    private static func assignParents(_ accounts: inout [SampleAccount], seed: UInt64, keeping: Set<Int>) {
        var rng = SampleRandom(seed: seed, 5)
        var made = 0
        for index in accounts.indices where index >= 2 && !keeping.contains(index) {
            let force = made == 0 && index == accounts.count - 1
            guard rng.chance(25) || force else { continue }
            var parent = index - 1 - rng.below(min(index, 60))
            var tries = 0
            while parent >= 0 && (accounts[parent].plan < .professional || accounts[parent].parentID != nil) && tries < 60 {
                parent -= 1
                tries += 1
            }
            guard parent >= 0, accounts[parent].plan >= .professional, accounts[parent].parentID == nil else { continue }
            accounts[index].parentID = accounts[parent].id
            if accounts[index].currency == .jpy {
                accounts[index].name = SampleCompanyNames.branch(of: accounts[parent].name, &rng)
            }
            made += 1
        }
    }
}

extension SamplePortfolio {
    /// The id of the `k`-th account that the helpdesk knows but the CRM does not (past the last
    /// CRM id, same shape).
    func unknownAccountID(_ k: Int) -> String {
        let width = max(5, String(accounts.count + 1_000).count)
        return "A" + SampleFormat.padded(accounts.count + 501 + k, width: width)
    }
}
