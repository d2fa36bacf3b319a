import Tabular

/// `kpis.csv` (long form: `period,scope,metric,value`) and `kpis.json`
/// (`{"period", "as_of", "currency", "scopes": {SCOPE: {METRIC: value-or-null}}}`).
enum KPIFiles {
    /// The CSV file.
    static func csv(_ table: KPITable, period: String) -> [UInt8] {
        var writer = CSVWriter(guardsFormulas: true)
        writer.appendRecord(["period", "scope", "metric", "value"])
        for figure in table.figures {
            writer.appendField(period)
            writer.appendField(figure.scope)
            writer.appendField(figure.metric)
            if let value = figure.text { writer.appendNumber(value) } else { writer.appendEmptyField() }
            writer.endRecord()
        }
        return writer.bytes
    }

    /// The JSON file.
    static func json(_ table: KPITable, period: String, asOf: String, currency: String) -> [UInt8] {
        var scopes: [(key: String, value: JSONValue)] = []
        var index: [String: Int] = [:]
        var members: [[(key: String, value: JSONValue)]] = []
        for figure in table.figures {
            let k: Int
            if let existing = index[figure.scope] { k = existing } else {
                k = members.count
                index[figure.scope] = k
                members.append([])
                scopes.append((figure.scope, .null))
            }
            members[k].append((figure.metric, figure.text.map(JSONValue.number) ?? .null))
        }
        for k in scopes.indices { scopes[k].value = .object(JSONObject(members: members[k])) }
        let document = JSONObject(members: [
            ("period", .string(period)),
            ("as_of", .string(asOf)),
            ("currency", .string(currency)),
            ("scopes", .object(JSONObject(members: scopes))),
        ])
        return JSONWriter.prettyBytes(.object(document))
    }
}
