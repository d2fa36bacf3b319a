import Rules

/// The pipeline's `reports` section: which reports a run writes and in which formats.
package struct ReportSettings: Sendable, Equatable {
    /// The monthly KPI review.
    package struct KPIReview: Sendable, Equatable {
        /// Whether to write the HTML report. Default true.
        package var html: Bool
        /// Whether to write the Excel workbook. Default true.
        package var xlsx: Bool

        /// Creates KPI review settings.
        package init(html: Bool = true, xlsx: Bool = true) {
            self.html = html
            self.xlsx = xlsx
        }
    }

    /// The quarterly business review pack, one per selected account.
    package struct QBR: Sendable, Equatable {
        /// The rule that selects the accounts that get a QBR, as written. Default `tier == "high_touch"`.
        package let accounts: RuleSource
        /// The rule, compiled against the account facts of docs/metrics.md §8.
        package let selection: RuleExpression
        /// Whether to write the HTML report. Default true.
        package var html: Bool
        /// Whether to write the Excel workbook. Default true.
        package var xlsx: Bool

        /// Creates QBR settings; the selection rule is checked against the account facts.
        package init(accounts: RuleSource, html: Bool = true, xlsx: Bool = true) throws(PipelineFileError) {
            self.accounts = accounts
            self.selection = try accounts.compile(AccountFactCatalog.vocabulary)
            self.html = html
            self.xlsx = xlsx
        }

        /// QBRs for the high-touch tier, in HTML and Excel.
        package static let `default`: QBR = {
            do { return try QBR(accounts: .builtIn(#"tier == "high_touch""#)) } catch { preconditionFailure("\(error)") }
        }()
    }

    /// The KPI review settings.
    package var kpiReview: KPIReview
    /// The QBR settings.
    package var qbr: QBR

    /// Creates report settings.
    package init(kpiReview: KPIReview = KPIReview(), qbr: QBR = QBR.default) {
        self.kpiReview = kpiReview
        self.qbr = qbr
    }

    /// The defaults: both reports, HTML and Excel, QBRs for high-touch accounts.
    package static let `default` = ReportSettings()
}

extension ReportSettings {
    /// Reads the `reports` section over the defaults, key by key.
    init(reading value: PipelineValue) throws(PipelineFileError) {
        let mapping = try value.mapping(keys: ["kpi_review", "qbr"])
        var settings = ReportSettings.default
        if let kpi = mapping["kpi_review"] {
            let fields = try kpi.mapping(keys: ["html", "xlsx"])
            if let html = fields["html"] { settings.kpiReview.html = try html.bool() }
            if let xlsx = fields["xlsx"] { settings.kpiReview.xlsx = try xlsx.bool() }
        }
        if let qbr = mapping["qbr"] {
            let fields = try qbr.mapping(keys: ["accounts", "html", "xlsx"])
            var html = settings.qbr.html
            var xlsx = settings.qbr.xlsx
            if let value = fields["html"] { html = try value.bool() }
            if let value = fields["xlsx"] { xlsx = try value.bool() }
            let accounts = try fields["accounts"]?.rule() ?? settings.qbr.accounts
            settings.qbr = try QBR(accounts: accounts, html: html, xlsx: xlsx)
        }
        self = settings
    }
}
