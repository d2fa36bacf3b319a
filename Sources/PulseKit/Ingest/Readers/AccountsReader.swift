import Foundation
import Tabular

/// Reads `crm/accounts.csv`: required id, name, plan and signup date; a duplicated
/// `account_id` quarantines the later rows.
struct AccountsReader {
    let settings: SourceConfiguration
    let context: IngestContext

    func read(into log: inout IngestLog) throws(IngestError) -> ([Account], SourceLoad) {
        let grammars = try SourceGrammars(settings: settings, timeZone: context.timeZone)
        var seen = Set<String>()
        let reader = CSVSourceReader(settings: settings, dataDirectory: context.dataDirectory)
        let (records, load) = try reader.read(into: &log) { row -> Account? in
            let id = row.requiredText("account_id")
            let name = row.requiredText("name")
            let plan = row.requiredText("plan")
            let signup = row.requiredDate("signup_date", grammars)
            let seats = row.integer("seats", in: 0...Int64(Int32.max), required: false)
            let renewal = row.optionalDate("renewal_date", grammars)
            guard !row.isRejected, let signup else { return nil }
            guard seen.insert(id).inserted else {
                row.reject("account_id", "duplicate account_id \"\(id)\" (an earlier row has it)")
                return nil
            }
            return Account(id: id, name: name, plan: plan, industry: row.text("industry"), region: row.text("region"),
                           csm: row.text("csm"), signupDate: signup, seats: seats,
                           parentAccountID: row.text("parent_account_id"), renewalDate: renewal)
        }
        return (records, load)
    }
}
