import Testing
@testable import Tabular

@Suite struct CSVWriterTests {
    private func written(guardsFormulas: Bool = false, _ build: (inout CSVWriter) -> Void) -> String {
        var writer = CSVWriter(guardsFormulas: guardsFormulas)
        build(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func plainFieldsAreNotQuoted() {
        let csv = written { $0.appendRecord(["a", "b c", "株式会社みらい"]) }
        #expect(csv == "a,b c,株式会社みらい\n")
    }

    @Test func commaQuoteAndLineBreaksAreQuoted() {
        let csv = written {
            $0.appendRecord(["Yamada Shoji, Inc.", "株式会社\"みらい\"", "two\nlines", "cr\rhere", "crlf\r\n"])
        }
        #expect(csv == "\"Yamada Shoji, Inc.\",\"株式会社\"\"みらい\"\"\",\"two\nlines\",\"cr\rhere\",\"crlf\r\n\"\n")
    }

    @Test func onlyQuotesIsDoubled() {
        let csv = written { $0.appendRecord(["\"", "\"\""]) }
        #expect(csv == "\"\"\"\",\"\"\"\"\"\"\n")
    }

    @Test func leadingOrTrailingSpaceIsQuoted() {
        let csv = written { $0.appendRecord([" lead", "trail ", " ", "in side"]) }
        #expect(csv == "\" lead\",\"trail \",\" \",in side\n")
    }

    @Test func emptyFields() {
        let csv = written {
            $0.appendField("a")
            $0.appendEmptyField()
            $0.appendField(nil as String?)
            $0.endRecord()
            $0.appendField("")
            $0.appendField("")
            $0.endRecord()
        }
        #expect(csv == "a,,\n,\n")
    }

    @Test func aRecordOfOneEmptyFieldIsNotABlankLine() {
        let csv = written {
            $0.appendRecord(["x"])
            $0.appendEmptyField()
            $0.endRecord()
            $0.appendRecord(["y"])
        }
        #expect(csv == "x\n\"\"\ny\n")
    }

    @Test func integers() {
        let csv = written {
            $0.appendInteger(0)
            $0.appendInteger(42)
            $0.appendInteger(-3)
            $0.appendInteger(1_234_567_890)
            $0.appendInteger(Int.max)
            $0.appendInteger(Int.min)
            $0.endRecord()
        }
        #expect(csv == "0,42,-3,1234567890,9223372036854775807,-9223372036854775808\n")
    }

    @Test func formulaGuardPrefixesTextCells() {
        let csv = written(guardsFormulas: true) {
            $0.appendRecord(["=SUM(A1:A3)", "+81-3-1234", "-5", "@cosme", "\tx", "safe", "a=b"])
            $0.appendField("\rcr")
            $0.appendField("=1,2")
            $0.appendField("=\"x\"")
            $0.appendField("-end ")
            $0.endRecord()
        }
        #expect(csv == "'=SUM(A1:A3),'+81-3-1234,'-5,'@cosme,'\tx,safe,a=b\n"
            + "\"'\rcr\",\"'=1,2\",\"'=\"\"x\"\"\",\"'-end \"\n")
    }

    @Test func formulaGuardLeavesNumbersAlone() {
        let csv = written(guardsFormulas: true) {
            $0.appendInteger(-3)
            $0.appendNumber("-0.0525")
            $0.appendNumber("+1")
            $0.appendField("-0.0525")
            $0.endRecord()
        }
        #expect(csv == "-3,-0.0525,+1,'-0.0525\n")
    }

    @Test func withoutGuardFormulaTextIsWrittenAsIs() {
        let csv = written { $0.appendRecord(["=SUM(A1)", "-5", "@x"]) }
        #expect(csv == "=SUM(A1),-5,@x\n")
    }

    @Test func byteFieldsAndReuse() {
        var writer = CSVWriter(capacity: 64)
        writer.appendField(utf8: Array("2025-05-14T09:30:00+09:00".utf8))
        writer.appendField(utf8: Array("a,b".utf8))
        writer.endRecord()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "2025-05-14T09:30:00+09:00,\"a,b\"\n")
        #expect(writer.count == 32)
        writer.appendField("half")
        writer.removeAll()
        writer.appendRecord(["x", "y"])
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "x,y\n")
    }

    @Test func nonContiguousStringsAreWritten() {
        // A substring-backed or bridged string still writes its bytes.
        let text = String("  株式会社\"みらい\", 東京 ".dropFirst())
        let csv = written { $0.appendRecord([text]) }
        #expect(csv == "\" 株式会社\"\"みらい\"\", 東京 \"\n")
    }
}
