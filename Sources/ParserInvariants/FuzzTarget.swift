/// The parsers that have a fuzz target, by the name of the target's folders under `Fuzz/Corpus`
/// and `Fuzz/FailCases`, with the check each input goes through.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The CSV reader, writer and CSV ingest: ``CSVInvariants``.
    case csv = "FuzzCSV"
    /// Encoding detection and decoding: ``EncodingInvariants``.
    case encoding = "FuzzEncoding"
    /// The number, boolean and date grammars: ``ValueGrammarInvariants``.
    case numbersAndDates = "FuzzNumbersAndDates"
    /// The JSON Lines reader and JSON writer: ``JSONLinesInvariants``.
    case jsonLines = "FuzzJSONLines"
    /// The pipeline file: ``PipelineFileInvariants``.
    case pipelineFile = "FuzzPipelineFile"
    /// Rule expressions: ``RuleExpressionInvariants``.
    case ruleExpression = "FuzzRuleExpression"

    /// Runs the target's check on one input.
    public func check(_ bytes: [UInt8]) throws(InvariantViolation) {
        switch self {
        case .csv: try CSVInvariants.check(bytes)
        case .encoding: try EncodingInvariants.check(bytes)
        case .numbersAndDates: try ValueGrammarInvariants.check(bytes)
        case .jsonLines: try JSONLinesInvariants.check(bytes)
        case .pipelineFile: try PipelineFileInvariants.check(bytes)
        case .ruleExpression: try RuleExpressionInvariants.check(bytes)
        }
    }
}
