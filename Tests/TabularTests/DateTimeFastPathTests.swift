import Foundation
import Testing
@testable import Tabular

@Suite struct DateTimeFastPathTests {
    /// The fixed-offset fast path gives exactly what the general grammar gives, for every shape
    /// it takes, in zones with and without daylight saving (seeded, so repeatable).
    @Test(arguments: ["Asia/Tokyo", "America/New_York", "UTC"])
    func fastPathAgreesWithTheGeneralGrammar(zone: String) throws {
        let grammar = try DateTimeGrammar(timeZone: TimeZone(identifier: zone)!)
        var state: UInt64 = 0x1234_5678
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func pad(_ v: Int, _ width: Int = 2) -> String { String(repeating: "0", count: max(0, width - String(v).count)) + String(v) }
        for _ in 0..<3000 {
            let year = 1900 + next(301), month = 1 + next(12), day = 1 + next(31)
            let hour = next(26), minute = next(61), second = next(61)
            var text = "\(pad(year, 4))-\(pad(month))-\(pad(day))\(next(2) == 0 ? "T" : " ")\(pad(hour)):\(pad(minute)):\(pad(second))"
            switch next(4) {
            case 0: break
            case 1: text += "Z"
            case 2: text += "+\(pad(next(20))):\(pad(next(60)))"
            default: text += "-\(pad(next(20))):\(pad(next(60)))"
            }
            let bytes = Array(text.utf8)
            let viaFastPath = bytes.withUnsafeBufferPointer { b in Result { () throws(ValueError) in try grammar.parse(b) } }
            let viaGeneral = bytes.withUnsafeBufferPointer { b in Result { () throws(ValueError) in try grammar.parseAnyForm(b, allowDateOnly: false) } }
            #expect(viaFastPath == viaGeneral, "\(text)")
        }
    }
}
