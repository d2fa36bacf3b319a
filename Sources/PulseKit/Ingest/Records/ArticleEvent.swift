import Tabular

/// A help-center event (`helpcenter/article_events.csv`): a view or a helpfulness vote.
public struct ArticleEvent: Sendable, Equatable {
    /// What the reader did.
    public enum Kind: String, Sendable, CaseIterable {
        case view, helpful
        case notHelpful = "not_helpful"
    }

    /// When it happened.
    public var timestamp: Instant
    /// The reader's account; nil for anonymous readers.
    public var accountID: String?
    /// The article.
    public var articleID: String
    /// What the reader did.
    public var kind: Kind
}
