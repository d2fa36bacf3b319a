import Foundation
import Testing
@testable import PulseKit

/// A broken pipeline file and the exact error it must give.
struct BrokenPipelineFile: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let error: String
    var testDescription: String { name }
}

@Suite("Pipeline file: errors name the file, line and column")
struct PipelineFileErrorTests {
    static let brokenFiles: [BrokenPipelineFile] = [
        .init(name: "unknown top-level key", yaml: "data: ../x\nsla_targets: {}\n",
              error: "pipelines/test.yml:2:1: unknown key 'sla_targets' at the top level; expected one of: name, data, "
                  + "timezone, currency, warehouse, language, sources, quality, privacy, calendar, tiers, "
                  + "priority_matrix, sla, adoption, onboarding, health, alerts, targets, reports"),
        .init(name: "unknown nested key", yaml: "sla:\n  P1: { first_response: 60m }\n  sla_targets: 1\n",
              error: "pipelines/test.yml:3:3: unknown key 'sla_targets' in 'sla'; expected one of: P1, P2, P3, P4, plans"),
        .init(name: "unknown key in a list item",
              yaml: "health:\n  components:\n    - { name: nps, weight: 20, linear: [-50, 50], lnear: 1 }\n",
              error: "pipelines/test.yml:3:51: unknown key 'lnear' in 'health.components'; expected one of: name, weight, linear, bands"),
        .init(name: "unknown source", yaml: "sources:\n  account:\n    path: a.csv\n",
              error: "pipelines/test.yml:2:3: unknown key 'account' in 'sources'; expected one of: accounts, subscriptions, "
                  + "fx_rates, tickets, csat, nps, ces, usage_events, milestones, article_events, health_overrides"),
        .init(name: "a scalar where a list is expected", yaml: "adoption:\n  key_features: report.export\n",
              error: #"pipelines/test.yml:2:17: expected a list for 'key_features', got "report.export""#),
        .init(name: "a word where a number is expected",
              yaml: "health:\n  components:\n    - { name: nps, weight: heavy, linear: [-50, 50] }\n",
              error: #"pipelines/test.yml:3:28: expected a number for 'weight', got "heavy""#),
        .init(name: "a list where a mapping is expected", yaml: "sla: [P1, P2]\n",
              error: "pipelines/test.yml:1:6: expected a mapping for 'sla', got a list"),
        .init(name: "bad encoding", yaml: "sources:\n  accounts:\n    encoding: latin1\n",
              error: #"pipelines/test.yml:3:15: expected one of auto, utf-8, shift_jis, utf-16 for 'encoding', got "latin1""#),
        .init(name: "bad time zone", yaml: "timezone: Asia/Tokio\n",
              error: #"pipelines/test.yml:1:11: unknown time zone "Asia/Tokio" for 'timezone'; expected an IANA name such as Asia/Tokyo or UTC"#),
        .init(name: "nothing where a time zone is expected", yaml: "timezone:\ndata: ../x\n",
              error: "pipelines/test.yml:1:10: expected a time zone name such as Asia/Tokyo for 'timezone', got nothing"),
        .init(name: "bad currency", yaml: "currency: jpy\n",
              error: #"pipelines/test.yml:1:11: expected a 3-letter currency code such as JPY for 'currency', got "jpy""#),
        .init(name: "bad duration", yaml: "sla:\n  P2: { first_response: 4x }\n",
              error: #"pipelines/test.yml:2:25: expected a duration like 60m, 4h, 30bm, 4bh or 1bd for 'first_response', got "4x""#),
        .init(name: "weight 0", yaml: "health:\n  components:\n    - { name: nps, weight: 0, linear: [-50, 50] }\n",
              error: #"pipelines/test.yml:3:28: expected a weight above 0 for component 'nps', got "0""#),
        .init(name: "linear with equal ends", yaml: "health:\n  components:\n    - { name: csat, weight: 10, linear: [1, 1] }\n",
              error: "pipelines/test.yml:3:41: the two ends of 'linear' must differ, got [1, 1]"),
        .init(name: "bands out of order",
              yaml: "health:\n  components:\n    - { name: support, weight: 15, bands: [[0, 100], [3, 60], [1, 0]] }\n",
              error: "pipelines/test.yml:3:64: the 'from' values of 'bands' must increase, got 1 after 3"),
        .init(name: "band points above 100",
              yaml: "health:\n  components:\n    - { name: support, weight: 15, bands: [[0, 120]] }\n",
              error: #"pipelines/test.yml:3:48: expected points between 0 and 100 in 'bands', got "120""#),
        .init(name: "both linear and bands",
              yaml: "health:\n  components:\n    - { name: nps, weight: 20, linear: [-50, 50], bands: [[0, 1]] }\n",
              error: "pipelines/test.yml:3:51: component 'nps' has both 'linear' and 'bands'; give only one"),
        .init(name: "neither linear nor bands", yaml: "health:\n  components:\n    - { name: nps, weight: 20 }\n",
              error: "pipelines/test.yml:3:7: component 'nps' needs either 'linear: [low, high]' or 'bands: [[from, points], ...]'"),
        .init(name: "unknown component", yaml: "health:\n  components:\n    - { name: happiness, weight: 10, linear: [0, 1] }\n",
              error: "pipelines/test.yml:3:15: expected one of license_utilization, feature_breadth, usage_trend, support, nps, "
                  + #"csat for 'name', got "happiness""#),
        .init(name: "green not above yellow", yaml: "health:\n  bands: { green: 50, yellow: 60 }\n",
              error: "pipelines/test.yml:2:10: the green threshold must be above the yellow one in 'health.bands', got green 50 and yellow 60"),
        .init(name: "duplicate alert id",
              yaml: """
                  alerts:
                    - { id: health-red, kind: risk, when: 'health_band == "red"', owner: csm, action: Call }
                    - { id: health-red, kind: risk, when: 'health_delta <= -15', owner: csm, action: Call }
                  """,
              error: "pipelines/test.yml:3:11: alert id 'health-red' is used twice"),
        .init(name: "alert without when", yaml: "alerts:\n  - id: x\n    kind: risk\n    owner: csm\n    action: y\n",
              error: "pipelines/test.yml:2:5: missing key 'when' in 'alerts'"),
        .init(name: "mapping of a non-canonical column",
              yaml: "sources:\n  accounts:\n    columns:\n      customer_name: 顧客名\n",
              error: "pipelines/test.yml:4:7: 'customer_name' is not a column of source 'accounts'; expected one of: account_id, "
                  + "name, plan, industry, region, csm, signup_date, seats, parent_account_id, renewal_date"),
        .init(name: "two columns from one header",
              yaml: "sources:\n  accounts:\n    columns: { account_id: ID, name: ID }\n",
              error: #"pipelines/test.yml:3:38: header "ID" is already mapped to 'account_id'"#),
        .init(name: "epoch seconds on a column that is not a datetime",
              yaml: "sources:\n  tickets:\n    epoch_seconds: [status]\n",
              error: "pipelines/test.yml:3:21: 'status' is not a datetime column of source 'tickets'; expected one of: "
                  + "created_at, updated_at, first_response_at, solved_at"),
        .init(name: "source path leaving the data folder", yaml: "sources:\n  accounts:\n    path: ../crm/accounts.csv\n",
              error: #"pipelines/test.yml:3:11: the path "../crm/accounts.csv" leaves the data folder"#),
        .init(name: "holiday that is not a date", yaml: "calendar:\n  extra_holidays: [12-29, 02-30]\n",
              error: #"pipelines/test.yml:2:27: "02-30" is not a real date in 'extra_holidays'"#),
        .init(name: "misspelt weekday", yaml: "calendar:\n  hours:\n    mon-fry: 09:00-18:00\n",
              error: "pipelines/test.yml:3:5: expected a weekday or a range of weekdays such as mon-fri as key in "
                  + #"'calendar.hours', got "mon-fry"; weekdays are mon, tue, wed, thu, fri, sat, sun"#),
        .init(name: "a weekday given twice", yaml: "calendar:\n  hours:\n    mon-fri: 09:00-18:00\n    fri: 09:00-15:00\n",
              error: "pipelines/test.yml:4:5: 'fri' is already given by 'mon-fri' in 'calendar.hours'"),
        .init(name: "hours that end before they start", yaml: "calendar:\n  hours:\n    sat: 18:00-09:00\n",
              error: #"pipelines/test.yml:3:10: working hours must start before they end, within one day, got "18:00-09:00""#),
        .init(name: "not a boolean", yaml: "reports:\n  kpi_review: { html: yes }\n",
              error: #"pipelines/test.yml:2:23: expected true or false for 'html', got "yes""#),
        .init(name: "bad priority", yaml: "priority_matrix:\n  high: { high: P0 }\n",
              error: #"pipelines/test.yml:2:17: expected one of P1, P2, P3, P4 for 'high', got "P0""#),
        .init(name: "share above 1", yaml: "quality:\n  max_quarantined_share: 5\n",
              error: #"pipelines/test.yml:2:26: expected a share between 0 and 1 for 'max_quarantined_share', got "5""#),
        .init(name: "fractional days", yaml: "onboarding:\n  window_days: 9.5\n",
              error: #"pipelines/test.yml:2:16: expected a whole number for 'window_days', got "9.5""#),
        .init(name: "unknown metric target", yaml: "targets:\n  nrrr: 1\n",
              error: "pipelines/test.yml:2:3: unknown metric 'nrrr' in 'targets'; did you mean 'nrr'?"),
        .init(name: "no tiers", yaml: "tiers: []\n",
              error: "pipelines/test.yml:1:8: expected at least one tier in 'tiers'"),
        .init(name: "a list at the top", yaml: "- data: ../x\n",
              error: "pipelines/test.yml:1:1: expected a mapping of pipeline settings (key: value) at the top of the file, got a list"),
        .init(name: "YAML syntax error", yaml: "sla:\n  P1: { first_response: 60m, resolution: 240m\n  P2: { first_response: 4bh }\n",
              error: "pipelines/test.yml:3:5: invalid YAML: did not find expected ',' or '}' "
                  + "(while parsing a flow mapping at line 2, column 7)"),
        .init(name: "two YAML documents", yaml: "data: ../x\n---\ndata: ../y\n",
              error: "pipelines/test.yml:2:1: a pipeline file holds one YAML document; found a second one"),
        .init(name: "duplicate key", yaml: "timezone: Asia/Tokyo\ndata: ../x\ntimezone: UTC\n",
              error: "pipelines/test.yml:3:1: duplicate key 'timezone' (first given at line 1, column 1)"),
        .init(name: "duplicate key in a flow mapping", yaml: "sla:\n  P1: { first_response: 60m, first_response: 30m }\n",
              error: "pipelines/test.yml:2:30: duplicate key 'first_response' (first given at line 2, column 9)"),
        // Rule expressions are parsed and type-checked when the file is loaded; errors point inside them.
        .init(name: "tier rule missing a value", yaml: "tiers:\n  - { name: big, when: 'arr >=' }\n",
              error: "pipelines/test.yml:2:31: expected a value after '>='"),
        .init(name: "tier rule with a misspelt fact", yaml: "tiers:\n  - { name: big, when: 'ar >= 1' }\n",
              error: "pipelines/test.yml:2:25: unknown fact 'ar'; did you mean 'arr'?"),
        .init(name: "tier rule reading a fact tiers cannot see", yaml: "tiers:\n  - { name: big, when: 'health_score >= 80' }\n",
              error: "pipelines/test.yml:2:25: unknown fact 'health_score'"),
        .init(name: "alert comparing text with a number",
              yaml: "alerts:\n  - { id: x, kind: risk, owner: csm, action: y, when: 'mau > 3 and plan >= 5' }\n",
              error: "pipelines/test.yml:2:68: '>=' compares numbers, but 'plan' is a string"),
        .init(name: "QBR selection with a single '='", yaml: "reports:\n  qbr: { accounts: 'tier = \"high_touch\"' }\n",
              error: "pipelines/test.yml:2:26: unexpected '='; use '==' to compare"),
        .init(name: "second line of a block-scalar rule",
              yaml: "alerts:\n  - id: x\n    kind: risk\n    owner: csm\n    action: y\n    when: |\n      mau > 3 and\n      tenure_dayz >= 5\n",
              error: "pipelines/test.yml:8:7: unknown fact 'tenure_dayz'; did you mean 'tenure_days'?"),
        // A rule that YAML folded or unescaped across lines: a problem past its first line's
        // characters has no place in the file, so it is reported at the rule's start.
        .init(name: "second line of a folded-block rule",
              yaml: "tiers:\n  - name: big\n    when: >\n      arr >=\n      and\n",
              error: "pipelines/test.yml:4:7: expected a value after '>=' (line 1, column 8 of the expression)"),
        .init(name: "rule with escaped line breaks", yaml: "tiers:\n  - { name: big, when: \"arr >= 1 and\\n\\n  plan ==\" }\n",
              error: "pipelines/test.yml:2:25: expected a value after '==' (line 3, column 10 of the expression)"),
        .init(name: "first line of a rule that continues on the next line",
              yaml: "tiers:\n  - { name: big, when: 'ar >= 1\n      and plan == \"x\"' }\n",
              error: "pipelines/test.yml:2:25: unknown fact 'ar'; did you mean 'arr'?"),
    ]

    @Test("a broken file gives its exact error", arguments: brokenFiles)
    func brokenFile(_ broken: BrokenPipelineFile) {
        #expect(throws: (any Error).self) { try parsePipeline(broken.yaml) }
        do {
            _ = try parsePipeline(broken.yaml)
        } catch {
            #expect(error.description == broken.error)
        }
    }

    @Test("columns count characters, as an editor does, after Japanese text, a BOM or CRLF line ends")
    func editorColumns() {
        func message(_ yaml: String) -> String {
            do {
                _ = try parsePipeline(yaml)
                return "no error"
            } catch {
                return "\(error.line):\(error.column)"
            }
        }
        #expect(message("sources:\n  accounts:\n    columns: { name: 取引先名, plan: 契約, foo: x }\n") == "3:38")
        #expect(message("\u{FEFF}timezone: Nowhere/Else\n") == "1:11")
        #expect(message("data: ../x\r\ntimezone: Nowhere/Else\r\n") == "2:11")
    }

    @Test("a file that cannot be read is an error without a position")
    func unreadableFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pulse-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let notUTF8 = folder.appendingPathComponent("sjis.yml")
        try Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0xFF]).write(to: notUTF8)
        #expect(throws: PipelineFileError(file: notUTF8.path, line: 0, column: 0,
                                          message: "the pipeline file is not UTF-8 text; save it as UTF-8")) {
            try PipelineConfiguration.load(from: notUTF8)
        }
        #expect(throws: PipelineFileError(file: folder.path, line: 0, column: 0,
                                          message: "is a folder, not a pipeline file")) {
            try PipelineConfiguration.load(from: folder)
        }

        let good = folder.appendingPathComponent("weekly.yml")
        try "data: exports\ntimezone: UTC\n".write(to: good, atomically: true, encoding: .utf8)
        let configuration = try PipelineConfiguration.load(from: good)
        #expect(configuration.name == "weekly")
        #expect(configuration.dataFolder.path == folder.appendingPathComponent("exports").standardizedFileURL.path)
        #expect(configuration.timeZone.secondsFromGMT() == 0)

        let broken = folder.appendingPathComponent("broken.yml")
        try "data: exports\nlanguage: fr\n".write(to: broken, atomically: true, encoding: .utf8)
        let relative = URL(fileURLWithPath: broken.lastPathComponent, relativeTo: URL(fileURLWithPath: folder.path, isDirectory: true))
        #expect(throws: PipelineFileError(file: "broken.yml", line: 2, column: 11,
                                          message: #"expected one of en, ja for 'language', got "fr""#)) {
            try PipelineConfiguration.load(from: relative)
        }
    }

    @Test("empty sections keep their defaults and an empty day is closed")
    func emptySections() throws {
        let configuration = try parsePipeline("quality:\nsources:\n  tickets:\ncalendar:\n  hours: { mon-fri: 09:00-18:00, sat: , sun: closed }\n")
        #expect(configuration.quality == .default)
        #expect(configuration.source(.tickets) == .default(for: .tickets))
        #expect(configuration.calendar.hours == .default)
    }
}
