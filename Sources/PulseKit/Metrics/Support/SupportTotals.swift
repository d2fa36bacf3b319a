import Tabular

/// The counts and duration samples behind the support metrics of one scope (docs/metrics.md §3).
struct SupportTotals {
    var created = 0
    var createdByPriority = [Int](repeating: 0, count: 4)
    var createdByCategory: [String: Int] = [:]
    var createdByChannel: [String: Int] = [:]
    var solved = 0
    var backlog = 0
    var firstResponseMinutes: [Double] = []
    var firstResponseBusinessMinutes: [Double] = []
    var resolutionMinutes: [Double] = []
    var resolutionBusinessMinutes: [Double] = []
    /// Achieved and breached per priority (index 0–3), first response and resolution.
    var firstResponseSLA = [(achieved: Int, breached: Int)](repeating: (0, 0), count: 4)
    var resolutionSLA = [(achieved: Int, breached: Int)](repeating: (0, 0), count: 4)
    var breachedTickets = 0
    var escalated = 0
    var escalatedToL3 = 0
    var solvedReopened = 0
    var articleViews = 0
    var helpful = 0
    var notHelpful = 0

    /// Every metric as written, in the order of docs/metrics.md §3; `tickets` and `articles` say whether
    /// those sources were loaded (metrics of a missing source are undefined, counts included:
    /// docs/metrics.md §0.14).
    func values(customersEnd: Int64, tickets: Bool, articles: Bool) -> [(String, FigureValue?)] {
        func count(_ n: Int, _ loaded: Bool = true) -> FigureValue? { loaded ? .count(n) : nil }
        func rate(_ numerator: Int, _ denominator: Int) -> FigureValue? { .defined(numerator, over: denominator) }
        func percentile(_ values: [Double], _ p: Percentile.Rank) -> FigureValue? {
            Percentile.of(sorted: values, p).map(FigureValue.number)
        }
        func compliance(_ counts: [(achieved: Int, breached: Int)]) -> FigureValue? {
            let achieved = counts.reduce(0) { $0 + $1.achieved }
            return rate(achieved, achieved + counts.reduce(0) { $0 + $1.breached })
        }
        let priorities = SupportPriority.allCases
        var v: [(String, FigureValue?)] = []
        v.append(("tickets_created", count(created, tickets)))
        for (k, priority) in priorities.enumerated() { v.append(("tickets_created.priority.\(priority.name)", count(createdByPriority[k], tickets))) }
        for category in createdByCategory.keys.sorted() { v.append(("tickets_created.category.\(category)", .count(createdByCategory[category]!))) }
        for channel in createdByChannel.keys.sorted() { v.append(("tickets_created.channel.\(channel)", .count(createdByChannel[channel]!))) }
        v.append(("tickets_solved", count(solved, tickets)))
        v.append(("backlog_end", count(backlog, tickets)))
        v.append(("first_response_minutes_median", percentile(firstResponseMinutes, .median)))
        v.append(("first_response_minutes_p90", percentile(firstResponseMinutes, .p90)))
        v.append(("first_response_business_minutes_median", percentile(firstResponseBusinessMinutes, .median)))
        v.append(("first_response_business_minutes_p90", percentile(firstResponseBusinessMinutes, .p90)))
        v.append(("resolution_minutes_median", percentile(resolutionMinutes, .median)))
        v.append(("resolution_minutes_p90", percentile(resolutionMinutes, .p90)))
        v.append(("resolution_business_minutes_median", percentile(resolutionBusinessMinutes, .median)))
        v.append(("resolution_business_minutes_p90", percentile(resolutionBusinessMinutes, .p90)))
        v.append(("sla_first_response_compliance", compliance(firstResponseSLA)))
        for (k, priority) in priorities.enumerated() { v.append(("sla_first_response_compliance.priority.\(priority.name)", compliance([firstResponseSLA[k]]))) }
        v.append(("sla_resolution_compliance", compliance(resolutionSLA)))
        for (k, priority) in priorities.enumerated() { v.append(("sla_resolution_compliance.priority.\(priority.name)", compliance([resolutionSLA[k]]))) }
        v.append(("sla_breached_tickets", count(breachedTickets, tickets)))
        v.append(("escalation_rate", rate(escalated, created)))
        v.append(("l3_escalation_rate", rate(escalatedToL3, created)))
        v.append(("reopen_rate", rate(solvedReopened, solved)))
        v.append(("tickets_per_customer", tickets && customersEnd > 0 ? .defined(Ratio(Int64(created), customersEnd)) : nil))
        v.append(("article_views", count(articleViews, articles)))
        v.append(("article_helpful_rate", articles ? rate(helpful, helpful + notHelpful) : nil))
        v.append(("self_service_ratio", articles && tickets ? rate(articleViews, created) : nil))
        return v
    }
}
