import Tabular

/// `alerts.csv` and the workbook's Alerts sheet: one row per alert of M, in account then rule order,
/// with the facts the rule read as `name=value;…`.
struct AlertsFile: ReportTable {
    let alerts: [Alert]
    let accounts: [Account]
    let rules: [AlertRule]

    let columns = ["account_id", "rule_id", "kind", "status", "owner", "action", "facts"]

    var rowCount: Int { alerts.count }

    func forEachRow(_ body: ([ReportCell]) -> Void) {
        for alert in alerts {
            let rule = rules[alert.rule]
            body([.text(accounts[alert.account].id), .text(rule.id), .text(rule.kind.rawValue), .text(alert.status.rawValue),
                  .text(rule.owner), .text(rule.action), .text(alert.factsText)])
        }
    }

    /// The CSV text.
    static func csv(_ alerts: [Alert], accounts: [Account], rules: [AlertRule]) -> [UInt8] {
        AlertsFile(alerts: alerts, accounts: accounts, rules: rules).csv()
    }
}
