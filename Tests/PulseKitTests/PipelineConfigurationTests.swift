import Foundation
import Testing
@testable import PulseKit

/// The package root, found from this file's path (Tests/PulseKitTests/<file>).
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Parses a pipeline file's text as if it were `pipelines/test.yml` of the package.
func parsePipeline(_ yaml: String, dataOverride: URL? = nil) throws(PipelineFileError) -> PipelineConfiguration {
    try PipelineConfiguration.parse(yaml: yaml, file: "pipelines/test.yml",
                                    directory: packageRoot.appendingPathComponent("pipelines"),
                                    dataOverride: dataOverride)
}

@Suite("Pipeline file: the default pipeline and the defaults")
struct PipelineConfigurationTests {
    @Test("pipelines/monthly-kpi.yml loads with its real values")
    func defaultPipelineLoads() throws {
        let url = packageRoot.appendingPathComponent("pipelines/monthly-kpi.yml")
        let configuration = try PipelineConfiguration.load(from: url)
        #expect(configuration.name == "monthly-kpi")
        #expect(configuration.dataFolder.path == packageRoot.appendingPathComponent("sample-data").standardizedFileURL.path)
        #expect(configuration.timeZone.identifier == "Asia/Tokyo")
        #expect(configuration.currency == "JPY")
        #expect(configuration.language == .en)
        #expect(configuration.warehouse == nil)
        #expect(configuration.sourceText == (try String(contentsOf: url, encoding: .utf8)))

        let highTouch = try #require(configuration.tiers.first)
        #expect(highTouch.name == "high_touch")
        #expect(highTouch.when.text == #"plan == "enterprise" or arr >= 12000000"#)
        #expect(highTouch.when.file == url.relativePath)
        #expect(highTouch.when.line == 84)
        #expect(highTouch.when.column == 32)  // after the opening quote

        #expect(configuration.sla.target(for: .p2, plan: nil).resolution == ServiceLevelDuration(1, .businessDays))
        #expect(configuration.sla.target(for: .p1, plan: "enterprise").firstResponse == ServiceLevelDuration(30, .calendarMinutes))
        #expect(configuration.sla.target(for: .p1, plan: "enterprise").resolution == ServiceLevelDuration(240, .calendarMinutes))

        let nps = try #require(configuration.health.components.first { $0.name == .nps })
        #expect(nps.weight == 20)
        #expect(nps.mapping == .linear(low: -50, high: 50))

        let advocate = try #require(configuration.alerts.first { $0.id == "advocate" })
        #expect(advocate.kind == .opportunity)
        #expect(advocate.owner == "csm")
        #expect(advocate.when.text == "health_score >= 85 and latest_nps_score >= 9")
        #expect(configuration.targets["nrr"] == 1.0)
        #expect(configuration.targets["sla_first_response_compliance"] == 0.95)
        #expect(configuration.reports.qbr.accounts.text == #"tier == "high_touch""#)
    }

    @Test("the default pipeline writes out exactly the built-in defaults")
    func defaultPipelineMatchesBuiltInDefaults() throws {
        let fromFile = try PipelineConfiguration.load(from: packageRoot.appendingPathComponent("pipelines/monthly-kpi.yml"))
        let defaults = try parsePipeline("data: ../sample-data")
        #expect(fromFile.sources == defaults.sources)
        #expect(fromFile.quality == defaults.quality)
        #expect(fromFile.privacy == defaults.privacy)
        #expect(fromFile.calendar == defaults.calendar)
        #expect(fromFile.priorityMatrix == defaults.priorityMatrix)
        #expect(fromFile.sla == defaults.sla)
        #expect(fromFile.adoption == defaults.adoption)
        #expect(fromFile.onboarding == defaults.onboarding)
        #expect(fromFile.health == defaults.health)
        #expect(fromFile.reports.kpiReview == defaults.reports.kpiReview)
        #expect(fromFile.reports.qbr.accounts.text == defaults.reports.qbr.accounts.text)
        #expect(fromFile.tiers.map(\.name) == defaults.tiers.map(\.name))
        #expect(fromFile.tiers.map(\.when.text) == defaults.tiers.map(\.when.text))
        #expect(fromFile.alerts.count == 11)
        for (file, builtIn) in zip(fromFile.alerts, defaults.alerts) {
            #expect(file.id == builtIn.id)
            #expect(file.kind == builtIn.kind)
            #expect(file.when.text == builtIn.when.text)
            #expect(file.owner == builtIn.owner)
            #expect(file.action == builtIn.action)
        }
    }

    @Test("a file that names only its data folder gets every default of the spec")
    func minimalFileGetsDefaults() throws {
        let configuration = try parsePipeline("data: ../x\n")
        #expect(configuration.name == "test")
        #expect(configuration.dataFolder.path == packageRoot.appendingPathComponent("x").path)
        #expect(configuration.timeZone == TimeZone(identifier: "Asia/Tokyo"))
        #expect(configuration.currency == "JPY")
        #expect(configuration.language == .en)
        #expect(configuration.warehouse == nil)
        #expect(configuration.sources.count == CanonicalSource.allCases.count)
        let tickets = configuration.source(.tickets)
        #expect(tickets.path == "helpdesk/tickets.jsonl")
        #expect(tickets.encoding == .auto)
        #expect(tickets.load == .snapshot)
        #expect(tickets.columns.isEmpty && tickets.dateFormats.isEmpty && tickets.epochSecondsColumns.isEmpty)
        #expect(configuration.quality.maxQuarantinedShare == 0.05)
        #expect(configuration.privacy.mask.isEmpty)
        #expect(configuration.calendar.holidays == .jp)
        #expect(configuration.calendar.extraHolidays.isEmpty)
        #expect(configuration.calendar.hours.span(on: .mon) == WorkingHours.Span(startMinute: 540, endMinute: 1080))
        #expect(configuration.calendar.hours.span(on: .sat) == nil)
        #expect(configuration.tiers.map(\.name) == ["high_touch", "low_touch", "tech_touch"])
        #expect(configuration.tiers[1].when == .builtIn("arr >= 1200000"))
        #expect(configuration.priorityMatrix.priority(urgency: .medium, impact: .low) == .p4)
        #expect(configuration.priorityMatrix.priority(urgency: .high, impact: .medium) == .p2)
        #expect(configuration.sla.target(for: .p1, plan: nil) == ServiceLevelTarget(
            firstResponse: .init(60, .calendarMinutes), resolution: .init(240, .calendarMinutes)))
        #expect(configuration.sla.target(for: .p4, plan: "enterprise") == ServiceLevelTarget(
            firstResponse: .init(24, .businessHours), resolution: .init(5, .businessDays)))
        #expect(configuration.sla.target(for: .p2, plan: "enterprise").firstResponse == .init(2, .businessHours))
        #expect(configuration.adoption.keyFeatures == ["report.export", "workflow.create", "integration.sync",
                                                       "dashboard.share", "ai.assist"])
        #expect(configuration.onboarding.firstValueMilestone == "first_value")
        #expect(configuration.onboarding.windowDays == 90)
        #expect(configuration.onboarding.required.map(\.milestone) == ["kickoff", "setup_complete", "first_value"])
        #expect(configuration.onboarding.required.map(\.dueDays) == [7, 30, 60])
        #expect(configuration.health.bands == .init(green: 80, yellow: 50))
        #expect(configuration.health.components.map(\.name.rawValue) ==
                ["license_utilization", "feature_breadth", "usage_trend", "support", "nps", "csat"])
        #expect(configuration.health.components.map(\.weight) == [25, 20, 10, 15, 20, 10])
        #expect(configuration.health.components[3].mapping == .bands([.init(from: 0, points: 100),
                                                                      .init(from: 1, points: 60),
                                                                      .init(from: 3, points: 0)]))
        #expect(configuration.alerts.map(\.id) == ["health-red", "health-drop", "low-utilization", "usage-drop",
                                                   "nps-detractor", "renewal-at-risk", "onboarding-behind",
                                                   "nps-unanswered", "seat-expansion", "advocate", "plan-upgrade"])
        #expect(configuration.alerts.filter { $0.owner == "sales" }.map(\.id) == ["seat-expansion", "plan-upgrade"])
        #expect(configuration.alerts.allSatisfy { !$0.action.isEmpty && $0.when.isBuiltIn })
        #expect(configuration.targets.values.isEmpty)
        #expect(configuration.reports == .default)
        #expect(configuration.reports.qbr.accounts.text == #"tier == "high_touch""#)
    }

    @Test("an empty file is all defaults, with the data folder next to the file")
    func emptyFile() throws {
        let configuration = try parsePipeline("# nothing here yet\n")
        #expect(configuration.dataFolder.path == packageRoot.appendingPathComponent("pipelines").path)
        #expect(configuration.alerts.count == 11)
    }

    @Test("--data replaces the file's data folder")
    func dataOverride() throws {
        let configuration = try parsePipeline("data: ../x\n", dataOverride: URL(fileURLWithPath: "/tmp/exports"))
        #expect(configuration.dataFolder.path == "/tmp/exports")
    }

    @Test("a missing file is a PipelineFileError without a position")
    func missingFile() {
        let url = URL(fileURLWithPath: "pipelines/no-such-pipeline.yml", relativeTo: packageRoot)
        #expect(throws: PipelineFileError(file: "pipelines/no-such-pipeline.yml", line: 0, column: 0,
                                          message: "pipeline file not found")) {
            try PipelineConfiguration.load(from: url)
        }
        let error = PipelineFileError(file: "pipelines/x.yml", line: 0, column: 0, message: "pipeline file not found")
        #expect(error.description == "pipelines/x.yml: pipeline file not found")
    }

    @Test("every setting of pipeline.md is read")
    func everySetting() throws {
        let configuration = try parsePipeline("""
            name: tokyo-cs
            data: /srv/exports
            timezone: Europe/Berlin
            currency: EUR
            warehouse: ../reports/warehouse.sqlite
            language: ja
            sources:
              accounts:
                path: crm/取引先.csv
                encoding: cp932
                columns: { account_id: 取引先ID, name: 取引先名 }
                date_format: yyyy/MM/dd
              tickets:
                path: helpdesk/tickets-*.jsonl
                load: append
                encoding: utf-16
                date_format: [yyyy/MM/dd HH:mm, dd.MM.yyyy]
                epoch_seconds: [created_at, solved_at]
            quality: { max_quarantined_share: 0.1 }
            privacy: { mask: [email, phone] }
            calendar:
              holidays: none
              extra_holidays: [12-29, 2025-05-02, 02-29]
              hours:
                mon-thu: "09:30-17:30"
                fri: 09:00-15:00
                sat: closed
            tiers:
              - { name: key, when: 'arr >= 50000000' }
              - { name: rest, when: 'true' }
            priority_matrix:
              low: { low: P3 }
            sla:
              P1: { first_response: 15m }
              P3: { resolution: 2.5bd }
              plans:
                premium: { P4: { resolution: 4h } }
            adoption: { key_features: [export, share] }
            onboarding:
              first_value_milestone: go_live
              window_days: 120
              required: { kickoff: 14, go_live: 90 }
            health:
              bands: { green: 75 }
              components:
                - { name: nps, weight: 2, linear: [50, -50] }
                - { name: support, weight: 1.5, bands: [[0, 100], [5, 0]] }
            alerts:
              - id: churn-risk
                kind: risk
                when: |
                  health_band == "red"
                    and days_to_renewal <= 60
                owner: am
                action: Escalate
            targets: { nrr: 1.05, tickets_created.priority.P1: 3 }
            reports:
              kpi_review: { xlsx: false }
              qbr: { accounts: "plan == \\"enterprise\\"", html: false }
            """)
        #expect(configuration.name == "tokyo-cs")
        #expect(configuration.dataFolder.path == "/srv/exports")
        #expect(configuration.timeZone.identifier == "Europe/Berlin")
        #expect(configuration.currency == "EUR")
        #expect(configuration.warehouse?.path == packageRoot.appendingPathComponent("reports/warehouse.sqlite").path)
        #expect(configuration.language == .ja)

        let accounts = configuration.source(.accounts)
        #expect(accounts.path == "crm/取引先.csv")
        #expect(accounts.encoding == .shiftJIS)
        #expect(accounts.header(for: "account_id") == "取引先ID")
        #expect(accounts.header(for: "plan") == "plan")
        #expect(accounts.dateFormats == ["yyyy/MM/dd"])
        #expect(!accounts.isGlob)
        let tickets = configuration.source(.tickets)
        #expect(tickets.isGlob && tickets.load == .append && tickets.encoding == .utf16)
        #expect(tickets.dateFormats == ["yyyy/MM/dd HH:mm", "dd.MM.yyyy"])
        #expect(tickets.epochSecondsColumns == ["created_at", "solved_at"])
        #expect(configuration.source(.nps) == .default(for: .nps))

        #expect(configuration.quality.maxQuarantinedShare == 0.1)
        #expect(configuration.privacy.mask == [.email, .phone])
        #expect(configuration.calendar.holidays == BusinessCalendarSettings.HolidayCalendar.none)
        #expect(configuration.calendar.extraHolidays.map(\.description) == ["12-29", "2025-05-02", "02-29"])
        #expect(configuration.calendar.extraHolidays[1].matches(year: 2025, month: 5, day: 2))
        #expect(!configuration.calendar.extraHolidays[1].matches(year: 2026, month: 5, day: 2))
        #expect(configuration.calendar.extraHolidays[0].matches(year: 2031, month: 12, day: 29))
        let hours = configuration.calendar.hours
        #expect(hours.span(on: .wed)?.description == "09:30-17:30")
        #expect(hours.span(on: .fri)?.minutes == 360)
        #expect(hours.span(on: .sat) == nil && hours.span(on: .sun) == nil)

        #expect(configuration.tiers.map(\.name) == ["key", "rest"])
        #expect(configuration.priorityMatrix.priority(urgency: .low, impact: .low) == .p3)
        #expect(configuration.priorityMatrix.priority(urgency: .high, impact: .high) == .p1)
        #expect(configuration.sla.target(for: .p1, plan: nil) == ServiceLevelTarget(
            firstResponse: .init(15, .calendarMinutes), resolution: .init(240, .calendarMinutes)))
        #expect(configuration.sla.target(for: .p3, plan: nil).resolution == .init(2.5, .businessDays))
        #expect(configuration.sla.target(for: .p1, plan: "enterprise").firstResponse == .init(15, .calendarMinutes))
        #expect(configuration.sla.target(for: .p4, plan: "premium").resolution == .init(4, .calendarHours))
        #expect(configuration.adoption.keyFeatures == ["export", "share"])
        #expect(configuration.onboarding == OnboardingSettings(
            firstValueMilestone: "go_live", windowDays: 120,
            required: [.init(milestone: "kickoff", dueDays: 14), .init(milestone: "go_live", dueDays: 90)]))
        #expect(configuration.health.bands == .init(green: 75, yellow: 50))
        #expect(configuration.health.components == [
            HealthComponent(name: .nps, weight: 2, mapping: .linear(low: 50, high: -50)),
            HealthComponent(name: .support, weight: 1.5, mapping: .bands([.init(from: 0, points: 100), .init(from: 5, points: 0)])),
        ])
        let alert = try #require(configuration.alerts.first)
        #expect(configuration.alerts.count == 1)
        #expect(alert.when.text == "health_band == \"red\"\n  and days_to_renewal <= 60\n")
        #expect(alert.when.line == 52 && alert.when.column == 7)
        #expect(alert.owner == "am" && alert.action == "Escalate")
        #expect(configuration.targets.values == ["nrr": 1.05, "tickets_created.priority.P1": 3])
        #expect(configuration.reports.kpiReview == .init(html: true, xlsx: false))
        #expect(configuration.reports.qbr.accounts.text == #"plan == "enterprise""#)
        #expect(configuration.reports.qbr.accounts.line == 59)
        #expect(configuration.reports.qbr.accounts.column == 21)
        #expect(configuration.reports.qbr.html == false && configuration.reports.qbr.xlsx == true)
    }

    @Test("rule positions point at the expression's first character")
    func rulePositions() throws {
        let configuration = try parsePipeline("""
            tiers:
              - name: all
                when: true
            alerts:
              - { id: a, kind: risk, when: "mau == 0", owner: csm, action: x }
            """)
        #expect(configuration.tiers[0].when == RuleSource(text: "true", file: "pipelines/test.yml", line: 3, column: 11))
        #expect(configuration.alerts[0].when == RuleSource(text: "mau == 0", file: "pipelines/test.yml", line: 5, column: 33))
    }

    @Test("an empty alerts list switches the default rules off")
    func emptyAlerts() throws {
        #expect(try parsePipeline("alerts: []").alerts.isEmpty)
    }

    @Test("durations convert to calendar or business minutes")
    func durations() {
        #expect(ServiceLevelDuration(parsing: "4h")?.calendarMinutes == 240)
        #expect(ServiceLevelDuration(parsing: "4bh")?.calendarMinutes == nil)
        #expect(ServiceLevelDuration(parsing: "4bh")?.businessMinutes(perBusinessDay: 540) == 240)
        #expect(ServiceLevelDuration(parsing: "30bm")?.businessMinutes(perBusinessDay: 540) == 30)
        #expect(ServiceLevelDuration(parsing: "3bd")?.businessMinutes(perBusinessDay: 540) == 1620)
        #expect(ServiceLevelDuration(parsing: "1.5bh")?.description == "1.5bh")
        #expect(ServiceLevelDuration(parsing: "60m")?.description == "60m")
        #expect(ServiceLevelDuration(parsing: "0m") == nil)
        #expect(ServiceLevelDuration(parsing: "4x") == nil)
        #expect(ServiceLevelDuration(parsing: "4 h") == nil)
    }

    @Test("health component mappings give points")
    func healthPoints() {
        #expect(abs(HealthComponentMapping.linear(low: 0.2, high: 0.8).points(for: 0.5) - 50) < 1e-9)
        #expect(HealthComponentMapping.linear(low: 0.2, high: 0.8).points(for: 0.1) == 0)
        #expect(HealthComponentMapping.linear(low: 50, high: -50).points(for: -50) == 100)
        let support = HealthModel.default.components[3].mapping
        #expect(support.points(for: 0) == 100)
        #expect(support.points(for: 2) == 60)
        #expect(support.points(for: 7) == 0)
    }

    @Test("working-hour weekdays map to Foundation's weekday numbers")
    func weekdays() {
        #expect(WorkingHours.Weekday.sun.calendarWeekday == 1)
        #expect(WorkingHours.Weekday.mon.calendarWeekday == 2)
        #expect(WorkingHours.Weekday.sat.calendarWeekday == 7)
        #expect(WorkingHours.Weekday(calendarWeekday: 6) == .fri)
    }

    @Test("a weekday range may wrap around the week")
    func wrappingRange() throws {
        let hours = try parsePipeline("calendar: { hours: { sun-thu: 08:00-17:00 } }").calendar.hours
        #expect(Set(hours.days.keys) == [.sun, .mon, .tue, .wed, .thu])
    }
}
