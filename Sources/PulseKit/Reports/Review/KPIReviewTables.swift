/// The KPI review's tables, in the page's language and number formats.
struct KPIReviewTables {
    let review: KPIReview
    let vocabulary: ReportVocabulary
    let numbers: DisplayNumber

    /// A cell showing M's value of `metric` in `scope`, carrying the written value (absent figures show "—").
    func figure(_ metric: String, scope: String = "company") -> ReportPage.Cell {
        guard review.figures[scope]?[metric] != nil else { return .number("—") }
        return ReportPage.Cell(text: numbers.text(review.value(metric, scope: scope), unit: MetricUnit.of(metric)), numeric: true,
                               metric: metric, scope: scope, raw: review.text(metric, scope: scope) ?? "",
                               flag: review.smallSampleSize(metric, scope: scope) != nil)
    }

    /// The change of a company metric from M−1 to M.
    func change(_ metric: String) -> ReportPage.Cell {
        .number(numbers.change(from: review.previousValue(metric), to: review.value(metric), unit: MetricUnit.of(metric)) ?? DisplayNumber.undefined)
    }

    /// Every company metric of M for the company and each scope starting with `prefix`.
    func bySegment(prefix: String, id: String, caption: String) -> ReportPage.Table {
        let scopes = ["company"] + review.scopes.filter { $0.hasPrefix(prefix) }
        let rows = review.metrics.map { metric in
            ReportPage.Row(cells: [ReportPage.Cell(text: vocabulary.metric(metric), isHeader: true)] + scopes.map { figure(metric, scope: $0) })
        }
        return ReportPage.Table(id: id, caption: caption, headers: [vocabulary["metric"]] + scopes.map(vocabulary.scope), rows: rows,
                                note: vocabulary["small_sample_note"])
    }

    /// Tickets and SLA compliance per priority, with the change from M−1.
    func supportByPriority() -> ReportPage.Table {
        let metrics = ["tickets_created", "sla_first_response_compliance", "sla_resolution_compliance"]
        let rows = ["P1", "P2", "P3", "P4"].map { priority in
            ReportPage.Row(cells: [ReportPage.Cell(text: priority, isHeader: true)] + metrics.flatMap { base in
                let metric = "\(base).priority.\(priority)"
                return [figure(metric), change(metric)]
            })
        }
        return ReportPage.Table(id: "support-by-priority", caption: vocabulary["support_by_priority"],
                                headers: [vocabulary["priority"]] + metrics.flatMap { [vocabulary.metric($0), vocabulary["change"]] }, rows: rows)
    }

    /// Tickets created per category in M and M−1.
    func supportByCategory() -> ReportPage.Table {
        let prefix = "tickets_created.category."
        var categories = review.metrics.filter { $0.hasPrefix(prefix) }
        for metric in review.history.metrics.sorted() where metric.hasPrefix(prefix) && !categories.contains(metric) {
            categories.append(metric)
        }
        // A category without tickets in a month that has tickets counts 0 there (kpis.csv lists only
        // the categories seen in its month).
        let anyNow = review.value("tickets_created") != nil
        let anyBefore = review.previousValue("tickets_created") != nil
        let rows = categories.map { metric in
            let current = review.value(metric) ?? (anyNow ? 0 : nil)
            let previous = review.previousValue(metric) ?? (anyBefore ? 0 : nil)
            return ReportPage.Row(cells: [
                ReportPage.Cell(text: String(metric.dropFirst(prefix.count)), isHeader: true),
                review.figures["company"]?[metric] != nil ? figure(metric) : .number(numbers.text(current, unit: .count)),
                .number(numbers.text(previous, unit: .count)),
                .number(numbers.change(from: previous, to: current, unit: .count) ?? DisplayNumber.undefined),
            ])
        }
        return ReportPage.Table(id: "support-by-category", caption: vocabulary["support_by_category"],
                                headers: [vocabulary["category"], vocabulary["current"], vocabulary["previous"], vocabulary["change"]], rows: rows,
                                note: rows.isEmpty ? vocabulary["none"] : nil)
    }

    /// The largest movements.
    func movements(_ list: [KPIReview.MovementRow], id: String, caption: String) -> ReportPage.Table {
        let rows = list.map { row in
            ReportPage.Row(cells: [.text(row.accountID), .text(row.name), .text(row.tier), .text(vocabulary[row.movement.rawValue]),
                                   .number(numbers.money(Money.double(row.mrrStart))), .number(numbers.money(Money.double(row.mrrEnd))),
                                   .number(numbers.money(Money.double(row.amount)))])
        }
        return ReportPage.Table(id: id, caption: caption,
                                headers: [vocabulary["account_id"], vocabulary["name"], vocabulary["tier"], vocabulary["movement"],
                                          vocabulary.metric("mrr_start"), vocabulary.metric("mrr_end"), vocabulary["amount"]],
                                rows: rows, note: rows.isEmpty ? vocabulary["none"] : nil)
    }

    /// Accounts by M−1 band (rows) and M band (columns), final bands.
    func bandMovement() -> ReportPage.Table {
        let fromNames = KPIReview.bands.map { vocabulary[$0.rawValue] } + [vocabulary["new_account"]]
        let toNames = KPIReview.bands.map { vocabulary[$0.rawValue] } + [vocabulary["churned_account"]]
        let rows = fromNames.enumerated().map { i, name in
            ReportPage.Row(cells: [ReportPage.Cell(text: name, isHeader: true)]
                           + review.bandMovement[i].map { .number(numbers.text(Double($0), unit: .count)) })
        }
        return ReportPage.Table(id: "band-movement", caption: vocabulary["band_movement"], headers: [vocabulary["from_band"]] + toNames, rows: rows)
    }

    /// Top alerts of one kind.
    func alerts(_ list: [KPIReview.AlertRow], id: String, caption: String) -> ReportPage.Table {
        let rows = list.map { row in
            ReportPage.Row(cells: [.text(row.accountID), .text(row.name), .text(row.csm), .code(row.ruleID), .code(row.status),
                                   .code(row.owner), .text(row.action), .number(numbers.money(Money.double(row.mrr)))])
        }
        return ReportPage.Table(id: id, caption: caption,
                                headers: [vocabulary["account_id"], vocabulary["name"], vocabulary["csm"], vocabulary["rule"], vocabulary["status"],
                                          vocabulary["owner"], vocabulary["action"], vocabulary["mrr"]],
                                rows: rows, note: rows.isEmpty ? vocabulary["none"] : nil)
    }

    /// The onboarding figures of M.
    func onboardingFigures() -> ReportPage.Table {
        let metrics = ["ttfv_median_days", "ttfv_p90_days", "ttfv_accounts", "onboarding_completion_rate", "onboarding_behind_accounts"]
        return ReportPage.Table(id: "onboarding", caption: vocabulary["onboarding"], headers: [vocabulary["metric"], vocabulary["value"]],
                                rows: metrics.map { ReportPage.Row(cells: [ReportPage.Cell(text: vocabulary.metric($0), isHeader: true), figure($0)]) })
    }

    /// Accounts behind or stalled.
    func onboardingAccounts() -> ReportPage.Table {
        let rows = review.onboarding.map { row in
            ReportPage.Row(cells: [.text(row.accountID), .text(row.name), .text(row.csm), .text(row.signupDate), .text(row.status)])
        }
        return ReportPage.Table(id: "onboarding-accounts", caption: vocabulary["accounts_behind"],
                                headers: [vocabulary["account_id"], vocabulary["name"], vocabulary["csm"], vocabulary["signup_date"],
                                          vocabulary["onboarding_status"]],
                                rows: rows, note: rows.isEmpty ? vocabulary["none"] : nil)
    }

    /// Rows read, loaded and quarantined per source.
    func dataQuality() -> ReportPage.Table {
        let rows = review.quality.map { row in
            ReportPage.Row(cells: [.text(row.source)] + (row.isMissing
                ? [.text(vocabulary["missing_source"]), .text(""), .text("")]
                : [row.rowsRead, row.rowsLoaded, row.rowsQuarantined].map { .number(numbers.text(Double($0), unit: .count)) }))
        }
        return ReportPage.Table(id: "data-quality", caption: vocabulary["data_quality"],
                                headers: [vocabulary["source"], vocabulary["rows_read"], vocabulary["rows_loaded"], vocabulary["rows_quarantined"]],
                                rows: rows)
    }
}
