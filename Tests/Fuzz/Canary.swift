/// Not a fuzz target: `scripts/fuzz` runs it on two inputs after each build to show that the
/// harness counts what it should. The input "trap" must crash the run (a Swift trap is a finding);
/// any other input makes a real parser throw, which the targets swallow (a refusal is not).
func fuzzCanary(_ bytes: UnsafeBufferPointer<UInt8>) {
    if Array(bytes) == Array("trap".utf8) {
        let ids = [Int]()
        _ = ids[bytes.count]  // index out of range: a trap, as a bug in the code under test would be
    }
    _ = try? JSON.parse(bytes)
    _ = try? Lexer.lex("echo \"unterminated ${")
}
