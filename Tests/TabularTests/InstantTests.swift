import Testing
@testable import Tabular

@Suite struct InstantTests {
    @Test(arguments: [
        (0, "1970-01-01T00:00:00Z"), (1_747_182_600_000, "2025-05-14T00:30:00Z"),
        (1_747_182_600_250, "2025-05-14T00:30:00.250Z"), (1_747_182_600_007, "2025-05-14T00:30:00.007Z"),
        (-1, "1969-12-31T23:59:59.999Z"), (-2_208_988_800_000, "1900-01-01T00:00:00Z"),
        (951_782_400_000, "2000-02-29T00:00:00Z"),
    ] as [(Int64, String)])
    func formatsAsIso8601Utc(milliseconds: Int64, text: String) {
        #expect(Instant(millisecondsSinceEpoch: milliseconds).description == text)
    }

    @Test func convertsSecondsAndSaturates() {
        #expect(Instant(secondsSinceEpoch: 1_747_182_600).millisecondsSinceEpoch == 1_747_182_600_000)
        #expect(Instant(secondsSinceEpoch: .max).millisecondsSinceEpoch == .max)
        #expect(Instant(secondsSinceEpoch: .min).millisecondsSinceEpoch == .min)
    }

    @Test func ordersByTime() {
        #expect(Instant(millisecondsSinceEpoch: -1) < Instant(millisecondsSinceEpoch: 0))
    }
}
