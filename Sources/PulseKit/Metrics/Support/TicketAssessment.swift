import BusinessTime
import Tabular

/// One ticket as the support metrics see it at as-of: its priority, its durations in calendar and
/// business minutes, and the status of both SLAs (docs/metrics.md §3.4–3.17).
package struct TicketAssessment: Sendable {
    /// The priority: the field, else urgency × impact, else P3.
    package var priority: SupportPriority
    /// Whether the priority fell back to P3 for lack of priority, urgency and impact.
    package var priorityDefaulted: Bool
    /// The first response before as-of, if any (also counted when earlier than creation).
    package var firstResponseAt: Instant?
    /// The solve before as-of, if any.
    package var solvedAt: Instant?
    /// created → first response, calendar minutes; nil without one or when it is earlier than creation.
    package var firstResponseMinutes: Double?
    /// The same in business minutes.
    package var firstResponseBusinessMinutes: Double?
    /// created → solved, calendar minutes; nil when unsolved or solved "before" creation.
    package var resolutionMinutes: Double?
    /// The same in business minutes.
    package var resolutionBusinessMinutes: Double?
    /// The first-response SLA.
    package var firstResponseSLA: ServiceLevelStatus
    /// The resolution SLA.
    package var resolutionSLA: ServiceLevelStatus

    /// Assesses `ticket` of an account on `plan` (nil: unknown account, general targets).
    package init(_ ticket: Ticket, plan: String?, asOf: Instant, calendar: BusinessCalendar, matrix: PriorityMatrix,
         targets: ServiceLevelTargets) {
        (priority, priorityDefaulted) = Self.priority(of: ticket, matrix: matrix)
        let created = ticket.createdAt
        firstResponseAt = ticket.firstResponseAt.flatMap { $0 < asOf ? $0 : nil }
        solvedAt = ticket.solvedAt.flatMap { $0 < asOf ? $0 : nil }
        func minutes(_ end: Instant?) -> (Double, Double)? { Self.duration(from: created, to: end, calendar: calendar) }
        let response = minutes(firstResponseAt)
        firstResponseMinutes = response?.0
        firstResponseBusinessMinutes = response?.1
        let resolution = minutes(solvedAt)
        resolutionMinutes = resolution?.0
        resolutionBusinessMinutes = resolution?.1
        (firstResponseSLA, resolutionSLA) = Self.serviceLevels(created: created, firstResponseAt: firstResponseAt, solvedAt: solvedAt,
                                                               target: targets.target(for: priority, plan: plan), asOf: asOf,
                                                               calendar: calendar)
    }

    /// `created` → `end` in calendar and in business minutes; nil without an end or when it is earlier
    /// than `created` (docs/metrics.md §3: such a duration is left out).
    static func duration(from created: Instant, to end: Instant?, calendar: BusinessCalendar) -> (calendar: Double, business: Double)? {
        guard let end, end >= created else { return nil }
        return (Double(end.millisecondsSinceEpoch - created.millisecondsSinceEpoch) / 60_000,
                calendar.businessMinutes(from: created, to: end))
    }

    /// Whether `ticket` has a breached SLA as of `asOf` (what `sla_breaches_90d` counts), without the
    /// durations an assessment also measures.
    static func isBreached(_ ticket: Ticket, plan: String?, asOf: Instant, calendar: BusinessCalendar, matrix: PriorityMatrix,
                           targets: ServiceLevelTargets) -> Bool {
        let (priority, _) = priority(of: ticket, matrix: matrix)
        let levels = serviceLevels(created: ticket.createdAt, firstResponseAt: ticket.firstResponseAt.flatMap { $0 < asOf ? $0 : nil },
                                   solvedAt: ticket.solvedAt.flatMap { $0 < asOf ? $0 : nil },
                                   target: targets.target(for: priority, plan: plan), asOf: asOf, calendar: calendar)
        return levels.firstResponse == .breached || levels.resolution == .breached
    }

    /// Both SLAs of a ticket created at `created`, given its events before as-of.
    static func serviceLevels(created: Instant, firstResponseAt: Instant?, solvedAt: Instant?, target: ServiceLevelTarget,
                              asOf: Instant, calendar: BusinessCalendar) -> (firstResponse: ServiceLevelStatus, resolution: ServiceLevelStatus) {
        // A solve fulfils the first-response SLA too: the earlier of the two events counts.
        var firstFulfilment = firstResponseAt
        if let solvedAt, firstFulfilment.map({ solvedAt < $0 }) ?? true { firstFulfilment = solvedAt }
        return (status(created: created, fulfilled: firstFulfilment, target: target.firstResponse, asOf: asOf, calendar: calendar),
                status(created: created, fulfilled: solvedAt, target: target.resolution, asOf: asOf, calendar: calendar))
    }

    /// The priority field, else the matrix's priority for urgency × impact, else P3 (defaulted).
    static func priority(of ticket: Ticket, matrix: PriorityMatrix) -> (SupportPriority, Bool) {
        if let priority = ticket.priority {
            switch priority {
            case .urgent: return (.p1, false)
            case .high: return (.p2, false)
            case .normal: return (.p3, false)
            case .low: return (.p4, false)
            }
        }
        if let urgency = ticket.urgency.flatMap({ PriorityMatrix.Level(rawValue: $0.rawValue) }),
           let impact = ticket.impact.flatMap({ PriorityMatrix.Level(rawValue: $0.rawValue) }) {
            return (matrix.priority(urgency: urgency, impact: impact), false)
        }
        return (.p3, true)
    }

    /// Achieved, breached, pending or excluded, for an SLA fulfilled at `fulfilled` (nil: not yet).
    static func status(created: Instant, fulfilled: Instant?, target: ServiceLevelDuration, asOf: Instant,
                       calendar: BusinessCalendar) -> ServiceLevelStatus {
        func elapsed(until end: Instant) -> Double {
            if target.isBusinessTime { return calendar.businessMinutes(from: created, to: end) }
            return Double(end.millisecondsSinceEpoch - created.millisecondsSinceEpoch) / 60_000
        }
        let limit = target.calendarMinutes ?? target.businessMinutes(perBusinessDay: calendar.minutesPerBusinessDay)!
        if let fulfilled {
            guard fulfilled >= created else { return .excluded }
            return elapsed(until: fulfilled) <= limit ? .achieved : .breached
        }
        return elapsed(until: asOf) > limit ? .breached : .pending
    }
}
