/// The command language: the lexer on the whole text, the line chunker line by line (as scripts,
/// `run --check` and `play` read), and the static checker over the statements.
func fuzzLexer(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let text = text(bytes) else { return }
    _ = try? Lexer.lex(text)
    var chunker = LineChunker()
    for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        _ = chunker.feed(String(line), number: k + 1)
    }
    _ = chunker.finish()
    let checker = ScriptChecker(table: safeTable)
    checker.check(text: text, source: Source(name: "fuzz.kmn"))
    for d in checker.diagnostics { _ = d.render(color: false) }
}
