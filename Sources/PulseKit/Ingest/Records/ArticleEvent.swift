import Tabular

/// A help-center event (`helpcenter/article_events.csv`): a view or a helpfulness vote.
package struct ArticleEvent: Sendable, Equatable {
    /// What the reader did.
    package enum Kind: String, Sendable, CaseIterable {
        case view, helpful
        case notHelpful = "not_helpful"
    }

    /// When it happened.
    package var timestamp: Instant
    /// The reader's account; nil for anonymous readers.
    package var accountID: String?
    /// The article.
    package var articleID: String
    /// What the reader did.
    package var kind: Kind
}
