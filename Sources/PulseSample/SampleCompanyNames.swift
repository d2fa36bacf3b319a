/// Japanese and English company names for the sample CRM, built from a place or image word, a
/// business word and a legal form (株式会社 before or after the name, 合同会社, 有限会社, or the
/// English forms used by subsidiaries and foreign customers).
enum SampleCompanyNames {
    /// Names that exercise the CSV edge cases: a quote, a comma, a leading `@` (a formula
    /// character for spreadsheets) and a trailing space (as CRM exports often carry).
    static let awkward = ["株式会社\"みらい\"", "Yamada Shoji, Inc.", "@Link株式会社", "株式会社ひかり通信 "]

    static let places = [
        "東京", "大阪", "名古屋", "横浜", "京都", "神戸", "札幌", "福岡", "仙台", "広島", "日本", "北陸",
        "関西", "湘南", "さくら", "みらい", "あおば", "ひかり", "富士", "瀬戸内", "青葉", "朝日", "大和",
        "信濃", "三河", "城北", "中央", "新星", "丸の内", "つばさ", "やまと", "みなと", "東邦", "北斗",
    ]
    static let middles = ["", "", "", "", "総合", "国際", "第一", "新", "東日本", "西日本", "中部"]
    static let cores = [
        "精機", "商事", "物産", "工業", "システム", "テクノロジー", "ソリューションズ", "ロジスティクス",
        "製作所", "電機", "食品", "不動産", "建設", "化学", "薬品", "印刷", "運輸", "通信",
        "ホールディングス", "データ", "ネットワークス", "エンジニアリング", "メディカル", "フーズ", "観光",
        "交通", "設計", "産業", "開発", "企画", "リテール", "ファーマ", "マテリアル", "アセット",
    ]
    static let englishPlaces = [
        "Sakura", "Mirai", "Aoba", "Hikari", "Fuji", "Nippon", "Kanto", "Tokyo", "Osaka", "Yamato",
        "Minato", "Tsubasa", "Hokuto", "Asahi", "Shinsei", "Pacific", "Harbor", "Summit",
    ]
    static let englishCores = [
        "Analytics", "Systems", "Labs", "Networks", "Robotics", "Logistics", "Foods", "Trading",
        "Pharma", "Cloudworks", "Holdings", "Materials", "Software", "Digital", "Partners",
    ]
    static let englishForms = ["Inc.", "Co., Ltd.", "K.K.", "Corporation", "LLC", "Pte. Ltd."]
    static let branches = ["大阪支店", "名古屋支店", "福岡営業所", "東日本事業部", "海外事業部", "札幌営業所"]

    /// A Japanese company name (株式会社…, …株式会社, 合同会社…, 有限会社…).
    static func japanese(_ rng: inout SampleRandom) -> String {
        let stem = rng.pick(places) + rng.pick(middles) + rng.pick(cores)
        switch rng.weighted([55, 28, 11, 6]) {
        case 0: return "株式会社" + stem
        case 1: return stem + "株式会社"
        case 2: return "合同会社" + stem
        default: return "有限会社" + stem
        }
    }

    /// An English company name (many carry a comma: `… Co., Ltd.`).
    static func english(_ rng: inout SampleRandom) -> String {
        rng.pick(englishPlaces) + " " + rng.pick(englishCores) + " " + rng.pick(englishForms)
    }

    /// The name of a branch or division of `parent`.
    static func branch(of parent: String, _ rng: inout SampleRandom) -> String {
        let trimmed = parent.hasSuffix(" ") ? String(parent.dropLast()) : parent
        return trimmed + " " + rng.pick(branches)
    }
}
