import Testing
import Tabular

@Suite struct TextTrimmingTests {
    @Test func spacesTabsIdeographicSpacesAndByteOrderMarksAreTrimmed() {
        #expect(TextTrimming.trimmed(" \tA00041\u{3000} ") == "A00041")
        #expect(TextTrimming.trimmed("\u{FEFF}A00041") == "A00041")
        #expect(TextTrimming.trimmed("\u{FEFF}\u{FEFF} account_id\u{FEFF}") == "account_id")
        #expect(TextTrimming.trimmed("\u{FEFF}") == "")
        // Inside the value it stays; characters that merely end in the same byte (ｿ is EF BD BF) stay.
        #expect(TextTrimming.trimmed("A\u{FEFF}B") == "A\u{FEFF}B")
        #expect(TextTrimming.trimmed("ｿﾌﾄ ｿ") == "ｿﾌﾄ ｿ")
    }
}
