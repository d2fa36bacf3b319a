/// Runs a grammar's byte parser on the UTF-8 of `text`, without copying when the text is
/// stored contiguously (native `String` and `Substring` always are).
func parseUTF8<Value>(
    of text: some StringProtocol,
    _ parse: (UnsafeBufferPointer<UInt8>) throws(ValueError) -> Value
) throws(ValueError) -> Value {
    let direct = text.utf8.withContiguousStorageIfAvailable { bytes in
        Result { () throws(ValueError) -> Value in try parse(bytes) }
    }
    if let direct { return try direct.get() }
    var copy = String(text)
    return try copy.withUTF8 { bytes in
        Result { () throws(ValueError) -> Value in try parse(bytes) }
    }.get()
}
