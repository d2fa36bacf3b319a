/// The pipeline's `reports` section: which reports a run writes and in which formats.
public struct ReportSettings: Sendable, Equatable {
    /// The monthly KPI review.
    public struct KPIReview: Sendable, Equatable {
        /// Whether to write the HTML report. Default true.
        public var html: Bool
        /// Whether to write the Excel workbook. Default true.
        public var xlsx: Bool

        /// Creates KPI review settings.
        public init(html: Bool = true, xlsx: Bool = true) {
            self.html = html
            self.xlsx = xlsx
        }
    }

    /// The quarterly business review pack, one per selected account.
    public struct QBR: Sendable, Equatable {
        /// The rule that selects the accounts that get a QBR. Default `tier == "high_touch"`.
        public var accounts: RuleSource
        /// Whether to write the HTML report. Default true.
        public var html: Bool
        /// Whether to write the Excel workbook. Default true.
        public var xlsx: Bool

        /// Creates QBR settings.
        public init(accounts: RuleSource = .builtIn(#"tier == "high_touch""#), html: Bool = true, xlsx: Bool = true) {
            self.accounts = accounts
            self.html = html
            self.xlsx = xlsx
        }
    }

    /// The KPI review settings.
    public var kpiReview: KPIReview
    /// The QBR settings.
    public var qbr: QBR

    /// Creates report settings.
    public init(kpiReview: KPIReview = KPIReview(), qbr: QBR = QBR()) {
        self.kpiReview = kpiReview
        self.qbr = qbr
    }

    /// The defaults: both reports, HTML and Excel, QBRs for high-touch accounts.
    public static let `default` = ReportSettings()
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
            if let accounts = fields["accounts"] { settings.qbr.accounts = try accounts.rule() }
            if let html = fields["html"] { settings.qbr.html = try html.bool() }
            if let xlsx = fields["xlsx"] { settings.qbr.xlsx = try xlsx.bool() }
        }
        self = settings
    }
}
