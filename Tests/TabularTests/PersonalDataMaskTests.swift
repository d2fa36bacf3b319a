import Tabular
import Testing

@Suite struct PersonalDataMaskTests {
    let both = PersonalDataMask(emails: true, phones: true)

    @Test(arguments: [
        ("mail taro.yamada@example.co.jp now", "mail t***@example.co.jp now"),
        ("<a@b.io>", "<a***@b.io>"),
        ("x,hanako+cs@mail.example.com,y", "x,h***@mail.example.com,y"),
        ("担当: suzuki@example.jp まで", "担当: s***@example.jp まで"),
        ("two: a1@x.org; b2@y.net.", "two: a***@x.org; b***@y.net."),
        ("090-1234-5678", "***-****-5678"),
        ("call (03) 1234-5678.", "call (**) ****-5678."),
        ("+81 90 1234 5678", "+** ** **** 5678"),
        ("+819012345678", "+********5678"),
        ("US 555-123-4567", "US ***-***-4567"),
        ("0120-123-456 toll free", "****-**3-456 toll free"),
        ("A1,090-1234-5678,2024-03-26", "A1,***-****-5678,2024-03-26"),
    ])
    func masksAddressesAndNumbers(_ input: String, _ expected: String) {
        #expect(both.apply(input) == expected)
    }

    @Test(arguments: [
        "2026-10-31", "2026-10-31T12:00:00+09:00", "2026-10-31 12:00", "9677955.2206", "1161354630000.0000",
        "bytes: 1434000000", "09012345678", "0.12345678901", "viewBox=\"0 0 640 280\"", "M550.1 41.2L599.4 241.9",
        "123-456-7890-1", "@SUM(A1)", "user@localhost", "a@b.c", "v1.2.3-4567-8901", "¥116,135,463", "1234 5678 9012",
        "id A-0901234567", "+3.4 pt", "▲ +¥26,000",
    ])
    func leavesOtherTextAlone(_ input: String) {
        #expect(both.apply(input) == input)
    }

    @Test func masksOnlyWhatItCovers() {
        let text = "a@example.com 090-1234-5678"
        #expect(PersonalDataMask(emails: true, phones: false).apply(text) == "a***@example.com 090-1234-5678")
        #expect(PersonalDataMask(emails: false, phones: true).apply(text) == "a@example.com ***-****-5678")
        #expect(PersonalDataMask.none.apply(text) == text)
    }
}
