/// Whole commands: the input runs as a script in a fresh in-memory session with a fixed today,
/// going on after errors, and every output is rendered in every format. This reaches the
/// commands, the domain rules and the renderer, with `safeTable` for commands.
func fuzzSession(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let text = text(bytes) else { return }
    let session = Session(backend: MemoryStore(), table: safeTable)
    session.settings.today = Day(year: 2026, month: 11, day: 29)
    session.settings.keepGoing = true
    session.emit = { event in
        switch event {
        case .output(let o):
            for format in OutputFormat.allCases {
                for lang in [Lang.en, .id] { _ = Renderer(format: format, lang: lang).render(o) }
            }
        case .diagnostic(let d):
            _ = d.render(color: true)
        default:
            break
        }
    }
    _ = try? session.run(text: text, source: Source(name: "fuzz.kmn"))
}
