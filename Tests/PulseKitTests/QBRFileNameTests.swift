import Testing
@testable import PulseKit

/// QBR file names made from account ids hold only safe characters.
@Suite struct QBRFileNameTests {
    @Test(arguments: [
        ("A00001", "A00001"),
        ("顧客-001", "顧客-001"),
        ("../../etc/passwd", "_.._.._etc_passwd"),
        (".hidden", "_.hidden"),
        ("", "_"),
        ("a\u{0}b", "a_b"),
        ("=HYPERLINK(\"x\")", "_HYPERLINK(_x_)"),
        ("a b\tc", "a_b_c"),
        ("id\u{202E}gpj.exe", "id_gpj.exe"),
        ("C:\\x*y?z|w<v>u", "C__x_y_z_w_v_u"),
        ("t@example.com", "t_example.com"),
    ])
    func unsafeCharactersBecomeUnderscores(_ id: String, _ expected: String) {
        #expect(QBRFileName.of(id) == expected)
    }

    @Test func aLongIdIsCutToTwoHundredBytes() {
        let name = QBRFileName.of(String(repeating: "顧", count: 300))
        #expect(name.utf8.count <= QBRFileName.maximumBytes)
        #expect(name == String(repeating: "顧", count: 66))
    }
}
