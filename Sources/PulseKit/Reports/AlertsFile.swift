import Tabular

/// `alerts.csv`: `account_id,rule_id,kind,status,owner,action,facts`, one row per alert, by account in
/// the order of the accounts file, then rule in the pipeline's order; `facts` as `name=value;…` of the
/// facts the rule read (an undefined fact has an empty value).
enum AlertsFile {
    /// The CSV text.
    static func csv(_ alerts: [Alert], accounts: [Account], rules: [AlertRule]) -> [UInt8] {
        var writer = CSVWriter(guardsFormulas: true, capacity: 128 + alerts.count * 128)
        writer.appendRecord(["account_id", "rule_id", "kind", "status", "owner", "action", "facts"])
        for alert in alerts {
            let rule = rules[alert.rule]
            writer.appendField(accounts[alert.account].id)
            writer.appendField(rule.id)
            writer.appendField(rule.kind.rawValue)
            writer.appendField(alert.status.rawValue)
            writer.appendField(rule.owner)
            writer.appendField(rule.action)
            writer.appendField(alert.factsText)
            writer.endRecord()
        }
        return writer.bytes
    }
}
