#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParserInvariants

/// libFuzzer's entry point: the input is a JSON Lines file (see `JSONLinesInvariants`).
/// A broken property prints the violation and stops the process, so libFuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func FuzzJSONLines(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { UnsafeBufferPointer(start: $0.assumingMemoryBound(to: UInt8.self), count: count) }
        ?? UnsafeBufferPointer(start: nil, count: 0)
    do throws(InvariantViolation) {
        try JSONLinesInvariants.check(Array(bytes))
    } catch {
        fputs("INVARIANT VIOLATION: \(error)\n", stderr)
        fatalError("\(error.parser): \(error.invariant)")
    }
    return 0
}
