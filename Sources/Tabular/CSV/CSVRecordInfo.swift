/// What the scanner knows about one record besides its fields.
public struct CSVRecordInfo: Sendable, Equatable {
    /// The physical line the record starts on (1-based; line breaks inside quotes count).
    public var line: Int
    /// The bytes of the whole record, without its line break.
    public var range: Range<Int>
    /// A syntax problem in the record, if any: the record should not be trusted.
    public var problem: CSVSyntaxProblem?

    /// Describes a record.
    public init(line: Int, range: Range<Int>, problem: CSVSyntaxProblem? = nil) {
        self.line = line
        self.range = range
        self.problem = problem
    }
}

/// A syntax problem inside one CSV record.
public struct CSVSyntaxProblem: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based field (column) where the problem is.
    public var fieldNumber: Int
    /// What is wrong.
    public var message: String

    /// `message`.
    public var description: String { message }
}
