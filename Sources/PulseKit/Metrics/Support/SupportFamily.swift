import Foundation
import BusinessTime
import Tabular

/// The support metrics of docs/metrics.md §3 per scope, with the help-center self-service metrics, each
/// ticket's assessment for `tickets.csv`, and the drivers of the KPI review.
package enum SupportFamily {
    /// The family's name, for logs.
    static let name = "support"
    /// The event sources its figures are computed from.
    static let sources: [CanonicalSource] = [.tickets, .articleEvents]

    /// The business calendar of the pipeline, precomputed over the dates `tickets` and as-of need.
    package static func calendar(_ settings: BusinessCalendarSettings, timeZone: TimeZone, tickets: [Ticket], asOf: Instant) -> BusinessCalendar {
        let zone = ZoneOffsets(timeZone: timeZone)
        var earliest = asOf
        for k in tickets.indices where tickets[k].createdAt < earliest { earliest = tickets[k].createdAt }
        let first = zone.localDate(at: earliest)
        var week: [Int: WorkingSpan] = [:]
        for (weekday, span) in settings.hours.days {
            let iso = weekday.calendarWeekday == 1 ? 7 : weekday.calendarWeekday - 1
            week[iso] = WorkingSpan(startMinute: span.startMinute, endMinute: span.endMinute)
        }
        let holidays = settings.extraHolidays.map { holiday in
            holiday.year.flatMap { LocalDate(year: $0, month: holiday.month, day: holiday.day) }.map(CompanyHoliday.once)
                ?? .everyYear(month: holiday.month, day: holiday.day)
        }
        let last = zone.localDate(at: asOf).adding(days: 366)
        return BusinessCalendar(timeZone: timeZone, week: WorkingWeek(week), japaneseHolidays: settings.holidays == .jp,
                                companyHolidays: holidays, dates: first.adding(days: -1)...last)
    }

    /// Computes the family for the run's period.
    static func compute(_ input: TransformInput, context: TransformContext) -> SupportResult {
        let configuration = input.configuration
        let period = input.period
        let asOf = period.asOf
        let scopes = context.scopes
        let revenue = context.revenue
        let calendar = context.calendar
        let monthEnd = min(period.end, asOf)
        let ticketsLoaded = input.data.isLoaded(.tickets)
        let articlesLoaded = input.data.isLoaded(.articleEvents)
        let tickets = input.data.tickets
        var totals = [SupportTotals](repeating: SupportTotals(), count: scopes.names.count)
        var result = SupportResult()
        var categories: [String: (now: Int, before: Int)] = [:]
        var ticketsByAccount: [Int: Int] = [:]
        let previousStart = period.month.adding(months: -1)
        let previous = MonthBounds(month: previousStart, timeZone: configuration.timeZone)

        for k in tickets.indices {
            // Only tickets created before as-of are seen, and deleted ones are dropped. Most tickets of a
            // long export are solved long before M: they are skipped without copying them.
            let created = tickets[k].createdAt
            guard created < asOf, tickets[k].status != .deleted else { continue }
            let solved = tickets[k].solvedAt.flatMap { $0 < asOf ? $0 : nil }
            let inMonth = created >= period.start && created < monthEnd
            let solvedInMonth = solved.map { $0 >= period.start && $0 < monthEnd } ?? false
            let inPreviousMonth = created >= previous.start && created < previous.end
            guard inMonth || solvedInMonth || solved == nil || inPreviousMonth else { continue }
            let ticket = tickets[k]
            let position = scopes.position(of: ticket.accountID)
            if inPreviousMonth { categories[ticket.category ?? "(none)", default: (0, 0)].before += 1 }
            if !inMonth && !solvedInMonth {
                // Created before M and not solved in M: backlog only when still unsolved at as-of (a
                // ticket created and solved in M−1 was read for the category drivers alone).
                if solved == nil { for s in scopes.scopes(ofPosition: position) { totals[s].backlog += 1 } }
                continue
            }
            if !inMonth {
                // Created before M, solved in M: only its resolution is read, so its SLAs are not assessed.
                let resolution = TicketAssessment.duration(from: created, to: solved, calendar: calendar)
                for s in scopes.scopes(ofPosition: position) {
                    totals[s].solved += 1
                    if ticket.reopens > 0 { totals[s].solvedReopened += 1 }
                    if let resolution {
                        totals[s].resolutionMinutes.append(resolution.calendar)
                        totals[s].resolutionBusinessMinutes.append(resolution.business)
                    }
                }
                continue
            }
            let plan = position.map { input.data.accounts[$0].plan }
            let assessment = TicketAssessment(ticket, plan: plan, asOf: asOf, calendar: calendar,
                                              matrix: configuration.priorityMatrix, targets: configuration.sla)
            for s in scopes.scopes(ofPosition: position) {
                if assessment.solvedAt == nil { totals[s].backlog += 1 }
                if solvedInMonth {
                    totals[s].solved += 1
                    if ticket.reopens > 0 { totals[s].solvedReopened += 1 }
                    if let minutes = assessment.resolutionMinutes { totals[s].resolutionMinutes.append(minutes) }
                    if let minutes = assessment.resolutionBusinessMinutes { totals[s].resolutionBusinessMinutes.append(minutes) }
                }
                guard inMonth else { continue }
                let p = SupportPriority.allCases.firstIndex(of: assessment.priority)!
                totals[s].created += 1
                totals[s].createdByPriority[p] += 1
                if let category = ticket.category { totals[s].createdByCategory[category, default: 0] += 1 }
                if let channel = ticket.channel { totals[s].createdByChannel[channel, default: 0] += 1 }
                if let minutes = assessment.firstResponseMinutes { totals[s].firstResponseMinutes.append(minutes) }
                if let minutes = assessment.firstResponseBusinessMinutes { totals[s].firstResponseBusinessMinutes.append(minutes) }
                switch assessment.firstResponseSLA {
                case .achieved: totals[s].firstResponseSLA[p].achieved += 1
                case .breached: totals[s].firstResponseSLA[p].breached += 1
                case .pending, .excluded: break
                }
                switch assessment.resolutionSLA {
                case .achieved: totals[s].resolutionSLA[p].achieved += 1
                case .breached: totals[s].resolutionSLA[p].breached += 1
                case .pending, .excluded: break
                }
                if assessment.firstResponseSLA == .breached || assessment.resolutionSLA == .breached { totals[s].breachedTickets += 1 }
                if ticket.escalationLevel >= 2 { totals[s].escalated += 1 }
                if ticket.escalationLevel == 3 { totals[s].escalatedToL3 += 1 }
            }
            if inMonth {
                result.tickets.append((ticket, assessment))
                categories[ticket.category ?? "(none)", default: (0, 0)].now += 1
                if let position { ticketsByAccount[position, default: 0] += 1 }
            }
        }
        for event in input.data.articleEvents where event.timestamp >= period.start && event.timestamp < monthEnd {
            for s in scopes.scopes(of: event.accountID) {
                switch event.kind {
                case .view: totals[s].articleViews += 1
                case .helpful: totals[s].helpful += 1
                case .notHelpful: totals[s].notHelpful += 1
                }
            }
        }
        for s in totals.indices {
            totals[s].firstResponseMinutes.sort()
            totals[s].firstResponseBusinessMinutes.sort()
            totals[s].resolutionMinutes.sort()
            totals[s].resolutionBusinessMinutes.sort()
        }
        // Customers at the end of the period's own month (M, or an earlier month when the review asks for M−1).
        let revenueTotals = revenue.totals(computedMonth: revenue.window.computedMonths - 1
                                               - (revenue.window.month.ordinal - period.month.ordinal))
        for (s, scope) in scopes.names.enumerated() {
            for (metric, value) in totals[s].values(customersEnd: revenueTotals[s].customersEnd, tickets: ticketsLoaded,
                                                    articles: articlesLoaded) {
                result.figures.figures.append(KPITable.Figure(scope: scope, metric: metric, value: value))
            }
        }
        result.tickets.sort { ($0.ticket.createdAt, $0.ticket.id) < ($1.ticket.createdAt, $1.ticket.id) }
        result.drivers = drivers(categories: categories, created: totals.first?.created ?? 0,
                                 ticketsByAccount: ticketsByAccount, accounts: input.data.accounts)
        return result
    }

    /// Categories with their change since M−1, and the accounts with the most tickets per seat.
    static func drivers(categories: [String: (now: Int, before: Int)], created: Int, ticketsByAccount: [Int: Int],
                        accounts: [Account]) -> SupportDrivers {
        var drivers = SupportDrivers()
        drivers.categories = categories.map { name, counts in
            SupportDrivers.Category(name: name, count: counts.now,
                                    share: created == 0 ? 0 : Double(counts.now) / Double(created), previousCount: counts.before)
        }.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
        drivers.frequentContacters = ticketsByAccount.compactMap { position, tickets in
            guard let seats = accounts[position].seats, seats > 0 else { return nil }
            return SupportDrivers.Contacter(accountID: accounts[position].id, tickets: tickets, seats: seats,
                                            ticketsPerSeat: Double(tickets) / Double(seats))
        }.sorted { ($1.ticketsPerSeat, $0.accountID) < ($0.ticketsPerSeat, $1.accountID) }
            .prefix(SupportDrivers.contacterLimit).map { $0 }
        return drivers
    }
}
