/// The words the sample data is made of: CSM names, industries, prefectures, ticket tags, survey
/// comments and override reasons.
enum SampleVocabulary {
    static let surnames = [
        "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
        "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水",
    ]
    static let givenNames = [
        "花子", "一郎", "美咲", "健太", "陽菜", "翔太", "葵", "大輔",
        "結衣", "拓也", "真由美", "直樹", "彩", "誠", "優子", "亮",
    ]

    /// The `index`-th customer success manager's name (distinct for the first 320).
    static func csm(_ index: Int) -> String {
        let s = index % surnames.count
        let g = (index / surnames.count + s) % givenNames.count
        return surnames[s] + " " + givenNames[g]
    }

    static let industries = [
        "製造業", "小売・EC", "金融・保険", "IT・ソフトウェア", "医療・ヘルスケア", "物流・運輸",
        "不動産", "教育", "建設", "人材サービス", "広告・メディア", "飲食", "公共・自治体",
    ]
    static let industryWeights = [18, 12, 9, 16, 7, 8, 6, 5, 6, 5, 4, 3, 1]

    static let prefectures = [
        "東京都", "大阪府", "神奈川県", "愛知県", "福岡県", "北海道", "京都府", "兵庫県", "埼玉県",
        "千葉県", "宮城県", "広島県", "静岡県", "新潟県", "沖縄県",
    ]
    static let prefectureWeights = [38, 12, 9, 8, 6, 4, 4, 4, 3, 3, 2, 2, 2, 2, 1]

    static let ticketTags = [
        "login", "sso", "export", "api", "performance", "invoice", "permissions", "import",
        "notification", "mobile", "請求書", "操作方法", "データ連携", "障害",
    ]

    static let promoterComments = [
        "サポートの対応が早くて助かっています。",
        "レポート作成の時間が半分になりました",
        "「ダッシュボード共有」が便利で、経営会議で毎週使っています",
        "Great product, and the support team is fast.",
        "The \"AI assist\" feature saves us hours every week, thanks!",
        "導入はスムーズでした。\n今後の機能追加にも期待しています。",
        "Easy to roll out to the whole team.",
    ]
    static let passiveComments = [
        "使いやすいが、動作が少し重い",
        "UIは良い, ただしCSVエクスポートが遅い",
        "Good overall, but the mobile app needs work.",
        "価格に見合っているかは検討中です",
        "-",
        "特になし",
    ]
    static let detractorComments = [
        "ログインが頻繁に切れる。改善してほしい",
        "サポートの返信が遅い, 2日以上待つことがある",
        "Too expensive for what we use.",
        "\"連携\"の設定が難しく、結局使われていない",
        "Export keeps failing on large reports,\nplease fix before our renewal.",
        "担当者が変わってから相談しづらくなった",
    ]

    static let overrideReasons = [
        "経営層との関係が良好（QBRで確認済み）",
        "大規模障害の影響で一時的にリスク",
        "Renewal confirmed verbally, PO in progress",
        "担当者交代のため要注意",
        "Usage data incomplete during SSO migration",
        "Champion left, new sponsor not yet engaged",
        "予算凍結の可能性あり, 来期の契約は未確定",
    ]
}
