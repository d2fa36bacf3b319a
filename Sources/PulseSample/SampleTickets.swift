import Foundation

/// Writes the support exports: `helpdesk/tickets.jsonl` and the surveys tied to tickets,
/// `surveys/csat.csv` and `surveys/ces.csv`.
///
/// Tickets arrive month by month from the accounts in service (more from larger and unhappier
/// accounts, bursts now and then), mostly in office hours but also at night, on weekends and on
/// national holidays. Responses and resolutions run on the support team's business clock (P1 on
/// the calendar clock), some late, some escalated or reopened; tickets still open when the data
/// ends have no `solved_at`. Ids are numbers from 100001, written as strings except a few.
///
/// The export's usual blemishes are there on purpose: deleted tickets, tickets of an account the
/// CRM does not know, ids exported twice (a newer copy, a stale copy, and a number exported again
/// as a string), a null priority with urgency and impact (and a few with neither), a response
/// stamped before creation, an unknown priority value; in a sample large enough that it stays
/// far below the quarantine threshold, one closed ticket without `solved_at` and one CSAT rating
/// out of range.
struct SampleTickets {
    let portfolio: SamplePortfolio

    private var window: SampleWindow { portfolio.window }
    private var seed: UInt64 { portfolio.seed }

    /// Writes the three files; returns what was written to each (tickets, CSAT, CES).
    func write(to directory: URL) throws -> [(path: String, rows: Int, bytes: Int)] {
        var tickets = try SampleJSONLinesFile(directory: directory, source: .tickets)
        var csat = try SampleCSVFile(directory: directory, source: .csat)
        var ces = try SampleCSVFile(directory: directory, source: .ces)
        let size = portfolio.accounts.count * window.months
        var nextID = 100_001
        var csatNumber = 0
        var cesNumber = 0
        var newer: SampleTicket?
        var stale: SampleTicket?
        var numeric: SampleTicket?
        var ratingQuirkDone = false
        let forced = forcedTimes()

        for month in window.firstMonth...window.lastMonth {
            let days = SampleMonthDays(month: month)
            var list: [SampleTicket] = []
            for account in portfolio.accounts {
                let mask = days.mask(of: account.live)
                guard mask != 0 else { continue }
                var rng = SampleRandom(seed: seed, 30, account.index, month)
                var rate: Int
                switch account.plan {
                case .free: rate = 60
                case .starter: rate = 220
                case .professional: rate = 600
                case .enterprise: rate = 1_400
                }
                rate = rate * (1_500 - account.sentiment) / 1_000
                var count = rate / 1_000 + (rng.chance(rate % 1_000) ? 1 : 0)
                if rng.chance(12) { count += rng.int(2, 4) }
                for _ in 0..<count {
                    guard let created = ticketTime(days: days, mask: mask, &rng) else { continue }
                    list.append(makeTicket(account: account, created: created, &rng))
                }
            }
            var extraRng = SampleRandom(seed: seed, 31, month)
            for instant in forced where SampleCalendar.month(ofDay: SampleCalendar.floorDiv(instant, 86_400)) == month {
                let day = SampleCalendar.floorDiv(instant, 86_400)
                let start = extraRng.below(portfolio.accounts.count)
                for step in 0..<portfolio.accounts.count {
                    let account = portfolio.accounts[(start + step) % portfolio.accounts.count]
                    if account.isLive(on: day) {
                        list.append(makeTicket(account: account, created: instant, &extraRng))
                        break
                    }
                }
            }
            for (k, unknownMonth) in [window.monthBeforeEnd(1), window.monthBeforeEnd(6)].enumerated()
            where unknownMonth == month && (k == 0 || window.monthBeforeEnd(6) != window.monthBeforeEnd(1)) {
                let day = days.firstDay + extraRng.below(days.count)
                let created = day * 86_400 + SampleMonthDays.workSecond(kind: days.kinds[day - days.firstDay], &extraRng)
                var ticket = makeUnknownTicket(k: k, created: created, &extraRng)
                ticket.accountIndex = nil
                list.append(ticket)
            }
            // Creation order; generation order on ties (so the order never depends on the sort).
            list = list.enumerated().sorted {
                ($0.element.created, $0.element.accountID, $0.offset) < ($1.element.created, $1.element.accountID, $1.offset)
            }.map(\.element)
            applyQuirks(&list, month: month, size: size)

            for index in list.indices {
                list[index].id = nextID
                nextID += 1
                let ticket = list[index]
                if numeric == nil && ticket.numericID && ticket.status == "closed" && month <= window.lastMonth - 1 {
                    numeric = ticket
                }
                if month == window.monthBeforeEnd(4) && ticket.status == "closed" {
                    if newer == nil { newer = ticket } else if stale == nil { stale = ticket }
                }
                ticket.write(to: &tickets.line)
                try tickets.endRow()

                var rng = SampleRandom(seed: seed, 32, ticket.id)
                guard ticket.isSolved, let solved = ticket.solved else { continue }
                if rng.chance(350) {
                    let responded = Self.awake(solved + rng.int(1_800, 259_200))
                    if responded < window.endInstant {
                        csatNumber += 1
                        csat.csv.appendField("CS-" + SampleFormat.padded(csatNumber, width: 6))
                        csat.csv.appendField(rng.chance(850) ? String(ticket.id) : nil)
                        csat.csv.appendField(ticket.accountID)
                        let outOfRange = size >= 1_200 && month == window.monthBeforeEnd(2) && !ratingQuirkDone
                        csat.csv.appendInteger(outOfRange ? 6 : rating(ticket, &rng))
                        csat.csv.appendField(SampleFormat.dateTime(responded))
                        try csat.endRow()
                        if outOfRange { ratingQuirkDone = true }
                    }
                }
                if rng.chance(150) {
                    let responded = Self.awake(solved + rng.int(600, 86_400))
                    if responded < window.endInstant {
                        cesNumber += 1
                        ces.csv.appendField("CES-" + SampleFormat.padded(cesNumber, width: 6))
                        ces.csv.appendField(String(ticket.id))
                        ces.csv.appendField(ticket.accountID)
                        ces.csv.appendInteger(rng.weighted([0, 3, 5, 7, 10, 20, 30, 25]))
                        ces.csv.appendField(SampleFormat.dateTime(responded))
                        try ces.endRow()
                    }
                }
            }
        }

        // Ids exported twice, at the end of the export.
        if var copy = newer, let solved = copy.solved {
            var rng = SampleRandom(seed: seed, 33)
            let resolved = solved + rng.int(1, 3) * 86_400
            if resolved + 3_600 < window.endInstant {
                copy.solved = resolved
                copy.reopens = (copy.reopens ?? 0) + 1
                copy.status = "solved"
                copy.updated = max(copy.updated, resolved) + 3_600
                copy.write(to: &tickets.line)
                try tickets.endRow()
            }
        }
        if var copy = stale {
            copy.status = "open"
            copy.solved = nil
            copy.updated = min(copy.updated - 60, (copy.firstResponse ?? copy.created) + 60)
            copy.write(to: &tickets.line)
            try tickets.endRow()
        }
        if var copy = numeric {
            copy.numericID = false
            copy.priority = copy.priority == "high" ? "urgent" : "high"
            copy.urgency = nil
            copy.impact = nil
            copy.updated = max(copy.updated + 1, min(window.endInstant - 60, copy.updated + 86_400))
            copy.write(to: &tickets.line)
            try tickets.endRow()
        }
        return [try tickets.finish(), try csat.finish(), try ces.finish()]
    }

    // MARK: - One ticket

    private func makeTicket(account: SampleAccount, created: Int, _ rng: inout SampleRandom) -> SampleTicket {
        var ticket = SampleTicket(accountID: account.id, accountIndex: account.index, created: created,
                                  updated: created, status: "new")
        let level: Int
        switch rng.weighted([5, 17, 56, 15, 6, 1]) {
        case 0: ticket.priority = "urgent"; level = 1
        case 1: ticket.priority = "high"; level = 2
        case 2: ticket.priority = "normal"; level = 3
        case 3: ticket.priority = "low"; level = 4
        case 4:
            let scale = ["high", "medium", "low"]
            ticket.urgency = scale[rng.weighted([25, 50, 25])]
            ticket.impact = scale[rng.weighted([20, 50, 30])]
            level = 3
        default: level = 3
        }
        let categories: [String?] = ["how_to", "technical", "bug", "feature_request", "billing", nil]
        ticket.category = categories[rng.weighted([35, 20, 20, 12, 10, 3])]
        ticket.channel = ["email", "web", "chat", "phone", "community"][rng.weighted([45, 20, 20, 10, 5])]
        let technical = ticket.category == "bug" || ticket.category == "technical"
        let escalation = technical ? [1, 2, 3][rng.weighted([74, 20, 6])] : [1, 2, 3][rng.weighted([94, 5, 1])]
        let reopens = [0, 1, 2][rng.weighted([90, 8, 2])]
        var tags: [String] = []
        for _ in 0..<rng.weighted([30, 45, 20, 5]) {
            let tag = rng.pick(SampleVocabulary.ticketTags)
            if !tags.contains(tag) { tags.append(tag) }
        }
        if account.plan == .enterprise { tags.append("vip") }
        if level == 1 && ticket.category == "bug" && !tags.contains("障害") { tags.append("障害") }
        let omit = rng.chance(20) && escalation == 1
        ticket.escalation = omit ? nil : escalation
        ticket.reopens = omit ? nil : reopens
        ticket.tags = omit ? nil : tags

        // First response and resolution.
        let responseLate = rng.chance([0, 100, 150, 120, 100][level])
        let response: Int
        switch level {
        case 1: response = created + (responseLate ? rng.int(65, 180) : rng.int(3, 50)) * 60
        case 2: response = SampleCalendar.adding(businessMinutes: responseLate ? rng.int(250, 900) : rng.int(10, 220), to: created)
        case 3: response = SampleCalendar.adding(businessMinutes: responseLate ? rng.int(500, 1_500) : rng.int(20, 450), to: created)
        default: response = SampleCalendar.adding(businessMinutes: responseLate ? rng.int(1_500, 3_000) : rng.int(60, 1_300), to: created)
        }
        let resolutionLate = rng.chance(130)
        var minutes: Int
        switch level {
        case 1: minutes = resolutionLate ? rng.int(250, 900) : rng.int(60, 230)
        case 2: minutes = resolutionLate ? rng.int(560, 2_000) : rng.int(120, 520)
        case 3: minutes = resolutionLate ? rng.int(1_650, 4_000) : rng.int(300, 1_600)
        default: minutes = resolutionLate ? rng.int(2_750, 6_000) : rng.int(600, 2_650)
        }
        if escalation >= 2 { minutes *= escalation }
        var solved = level == 1 && escalation == 1
            ? created + minutes * 60
            : SampleCalendar.adding(businessMinutes: minutes, to: created)
        solved = max(solved, response + 600) + rng.below(60)
        if reopens > 0 { solved += reopens * rng.int(1, 3) * 86_400 }
        ticket.breached = responseLate || resolutionLate

        let end = window.endInstant
        let firstResponse = response + rng.below(60)
        switch rng.weighted([5, 15, 980]) {
        case 0:
            ticket.status = "deleted"
            ticket.updated = min(end - 1, created + rng.int(60, 3_600))
            return ticket
        case 1:
            ticket.status = rng.chance(500) ? "hold" : "pending"
            if firstResponse < end { ticket.firstResponse = firstResponse }
            ticket.updated = min(end - 1, (ticket.firstResponse ?? created) + rng.int(1, 10) * 86_400)
            return ticket
        default:
            break
        }
        if solved < end {
            ticket.firstResponse = firstResponse
            ticket.solved = solved
            let closes = solved + 4 * 86_400
            ticket.status = closes < end ? "closed" : "solved"
            ticket.updated = closes < end ? closes : min(end - 1, solved + rng.int(60, 1_800))
        } else if firstResponse < end {
            ticket.firstResponse = firstResponse
            ticket.status = ["open", "pending", "hold"][rng.weighted([55, 35, 10])]
            ticket.updated = min(end - 1, firstResponse + rng.below(max(1, end - firstResponse)))
        } else {
            ticket.status = "new"
            ticket.updated = created
        }
        return ticket
    }

    private func makeUnknownTicket(k: Int, created: Int, _ rng: inout SampleRandom) -> SampleTicket {
        let stranger = SampleAccount(
            index: 0, id: portfolio.unknownAccountID(k), name: "", plan: .starter, industry: nil, region: nil,
            csm: nil, signupDay: 0, seats: nil, parentID: nil, renewalDay: nil, currency: .jpy, story: nil,
            subscriptions: [], trend: .stable, sentiment: 500, firstLoginDay: 0, live: [], churnDays: [],
            userBase: 1, contacts: 1)
        return makeTicket(account: stranger, created: created, &rng)
    }

    /// A creation time on a live day of the month: working days more likely, a quarter of them
    /// outside office hours.
    private func ticketTime(days: SampleMonthDays, mask: UInt32, _ rng: inout SampleRandom) -> Int? {
        for _ in 0..<12 {
            let day = rng.below(days.count)
            guard mask & (1 << UInt32(day)) != 0 else { continue }
            let kind = days.kinds[day]
            if kind == .weekend && !rng.chance(250) { continue }
            if kind == .holiday && !rng.chance(300) { continue }
            let second: Int
            if kind == .workday && rng.chance(250) {
                let hour = [rng.int(19, 23), rng.int(0, 5), rng.int(6, 8)][rng.weighted([70, 20, 10])]
                second = hour * 3600 + rng.below(3600)
            } else {
                second = SampleMonthDays.workSecond(kind: kind, &rng)
            }
            return (days.firstDay + day) * 86_400 + second
        }
        return nil
    }

    /// Extra tickets at times every sample should have: on the first national holiday of the
    /// window and on a Saturday and a Sunday night of the last month.
    private func forcedTimes() -> [Int] {
        var times: [Int] = []
        var day = window.firstDay
        while day < window.endDay {
            if SampleCalendar.isNationalHoliday(day) && SampleCalendar.weekday(day) < 5 {
                times.append(day * 86_400 + 10 * 3600 + 17 * 60 + 5)
                break
            }
            day += 1
        }
        let lastFirst = SampleCalendar.firstDay(ofMonth: window.lastMonth)
        for offset in 0..<7 where SampleCalendar.weekday(lastFirst + offset) == 5 {
            times.append((lastFirst + offset) * 86_400 + 14 * 3600 + 3 * 60 + 41)
            times.append((lastFirst + offset + 1) * 86_400 + 23 * 3600 + 48 * 60 + 12)
        }
        return times.sorted()
    }

    /// The export's blemishes, put into particular months.
    private func applyQuirks(_ list: inout [SampleTicket], month: Int, size: Int) {
        guard !list.isEmpty else { return }
        if month == window.monthBeforeEnd(6) {
            list[0].numericID = true
        }
        if list.count > 3 && month != window.monthBeforeEnd(6) && month % 2 == 0 {
            list[3].numericID = true
        }
        if month == window.monthBeforeEnd(2),
           let index = list.firstIndex(where: { $0.firstResponse != nil && $0.accountIndex != nil }) {
            list[index].firstResponse = list[index].created - 300
        }
        if month == window.monthBeforeEnd(3), list.count > 1 {
            list[1].priority = "critical"
            list[1].urgency = nil
            list[1].impact = nil
        }
        if month == window.monthBeforeEnd(4), list.count > 2 {
            list[2].priority = nil
            list[2].urgency = "high"
            list[2].impact = nil
        }
        if size >= 600 && month == window.monthBeforeEnd(5),
           let index = list.lastIndex(where: { $0.status == "closed" }) {
            list[index].solved = nil
        }
    }

    /// `instant`, moved from the small hours to the morning (when people answer surveys).
    static func awake(_ instant: Int) -> Int {
        let second = instant - SampleCalendar.floorDiv(instant, 86_400) * 86_400
        return second < 7 * 3600 ? instant + 7 * 3600 : instant
    }

    private func rating(_ ticket: SampleTicket, _ rng: inout SampleRandom) -> Int {
        let unhappy = ticket.breached || (ticket.reopens ?? 0) > 0
        let weights = unhappy ? [0, 15, 15, 20, 25, 25] : [0, 4, 4, 9, 28, 55]
        return rng.weighted(weights)
    }
}
