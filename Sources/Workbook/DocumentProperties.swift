/// Metadata stored in the workbook's document properties (docProps/core.xml and app.xml).
public struct DocumentProperties: Sendable, Equatable {
    /// The document title.
    public var title: String
    /// The document subject.
    public var subject: String
    /// The author, also written as "last modified by".
    public var author: String
    /// The company name.
    public var company: String
    /// Free-text comments (the "description" property).
    public var comments: String
    /// Creation and modification time in seconds since 1970-01-01 00:00:00 UTC.
    ///
    /// Fix this value to get byte-identical files. Valid range is 0 through
    /// 253402300799 (9999-12-31T23:59:59Z). libxlsxwriter reads 0 as "now", so 0 is
    /// written as 1 second past the epoch (1970-01-01T00:00:01Z) to keep output
    /// deterministic.
    public var created: Int64

    /// Creates properties; every field defaults to empty, `created` to 0.
    public init(
        title: String = "",
        subject: String = "",
        author: String = "",
        company: String = "",
        comments: String = "",
        created: Int64 = 0
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.comments = comments
        self.created = created
    }
}
