import KemuningCore
import KemuningDomain
import KemuningStore
/// `save`, named snapshots, and looking at the store itself.
enum StoreCommands {
    static let commands: [CommandSpec] = [
        CommandSpec("save", family: "store", summary: "fold the journal into the snapshot now",
                    examples: ["save", "undo; save"], exampleSetup: "draft") { inv in
            let folded = try inv.context.store.save()
            let seq = try inv.state.seq
            return .message(folded ? "saved: the snapshot holds every change up to change \(seq)"
                                   : "nothing to save: the snapshot already holds every change up to change \(seq)")
        },
        CommandSpec("snapshot save", family: "store", summary: "save the current state under a name",
                    positionals: [PositionalSpec("NAME", .snapshot, "letters, digits, '.', '_' or '-'")],
                    examples: ["snapshot save before-skd", "let name = snapshot save after-screening"], exampleSetup: "draft") { inv in
            let name = inv.args.positionals[0]
            let state = try inv.state
            try inv.context.store.refuseInAtomicRun("snapshot save")
            try withRange(name.range) { try inv.context.store.saveNamed(name.text, state) }
            inv.context.store.emitWarnings()
            return .message("snapshot '\(name.text)' saved", value: name.text)
        },
        CommandSpec("snapshot list", family: "store", summary: "list the named snapshots", examples: ["snapshot list", "set format json; snapshot list"], exampleSetup: "store") { inv in
            _ = try inv.state
            let list = try inv.context.store.listNamed()
            return Output(.table(columns: [.init("name", "NAME"), .init("bytes", "BYTES", alignRight: true), .init("change", "CHANGE", alignRight: true)],
                                 rows: list.map { [.string($0.name), JSON($0.bytes), JSON($0.seq)] }))
        },
        CommandSpec("snapshot restore", family: "store", summary: "replace the current state with a named snapshot",
                    positionals: [PositionalSpec("NAME", .snapshot, "the snapshot")],
                    examples: ["snapshot restore before-skd", "snapshot restore before-skd; vacancy list"], exampleSetup: "store") { inv in
            let name = inv.args.positionals[0]
            _ = try inv.state
            let restored = try withRange(name.range) { try inv.context.store.loadNamed(name.text) }
            try inv.context.store.replaceState(restored)
            return .message("restored snapshot '\(name.text)'")
        },
        CommandSpec("snapshot delete", family: "store", summary: "delete a named snapshot",
                    positionals: [PositionalSpec("NAME", .snapshot, "the snapshot")], examples: ["snapshot delete before-skd", "snapshot list; snapshot delete before-skd"], exampleSetup: "store") { inv in
            let name = inv.args.positionals[0]
            _ = try inv.state
            try inv.context.store.refuseInAtomicRun("snapshot delete")
            try withRange(name.range) { try inv.context.store.deleteNamed(name.text) }
            inv.context.store.emitWarnings()
            return .message("snapshot '\(name.text)' deleted")
        },
        CommandSpec("store info", family: "store", summary: "where the store is, its sizes, record counts and journal length", examples: ["store info", "set format json; store info"], exampleSetup: "draft") { inv in
            let state = try inv.state
            var fields = inv.context.store.info().map { Output.Field($0.0, infoLabel($0.0), $0.1) }
            fields.append(.init("change", "change", JSON(state.seq)))
            for (kind, n) in state.recordCounts { fields.append(.init(kind, .key(kind), JSON(n))) }
            return Output(.record(fields))
        },
        CommandSpec("store init", family: "store", summary: "make what a new store needs (a PostgreSQL store's tables and views)",
                    examples: ["store init", "store init; store check"]) { inv in
            .message(try inv.context.store.initialize())
        },
        CommandSpec("store copy", family: "store", summary: "copy a store (- for this one) into another, empty one: a directory or postgresql://...",
                    positionals: [PositionalSpec("FROM", .file, "the store to copy: a directory, postgresql://..., or - for this one"),
                                  PositionalSpec("TO", .file, "an empty store: a directory or postgresql://...")],
                    examples: ["store copy - copied", "store copy - a; store copy a b"], exampleSetup: "draft") { inv in
            let given = inv.args.positionals
            let to = given[1]
            let from: String, state: State, named: [NamedSnapshot], loadNamed: (String) throws -> State
            var opened: StoreBackend?
            if given[0].text != "-" {
                let source = try withRange(given[0].range) { try inv.context.store.open(given[0].text) }
                opened = source
                (from, state, named, loadNamed) = (source.location, try source.load().state, try source.listNamed(), source.loadNamed)
            } else {
                // This session's store: its state as this session sees it, and its named snapshots.
                try inv.context.store.refuseInAtomicRun("store copy")
                let store = inv.context.store
                (from, state, named, loadNamed) = (store.location, try inv.state, try store.listNamed(), store.loadNamed)
            }
            defer { try? opened?.close(nil) }
            let target = try withRange(to.range) { try inv.context.store.open(to.text) }
            try withRange(to.range) { try copy(state, named: named, loadNamed: loadNamed, to: target) }
            return .message("copied \(from) to \(target.location): \(Message.count(state.seq, "change", "changes")), \(Message.count(named.count, "named snapshot", "named snapshots"))")
        },
        CommandSpec("store check", family: "store", summary: "verify every file of the store", examples: ["store check", "save; store check"], exampleSetup: "draft") { inv in
            _ = try inv.state
            let findings = inv.context.store.check()
            var prose = ProseCells()
            let rows: [[JSON]] = findings.map { [.string($0.file), .bool($0.ok), prose.cell($0.detail)] }
            let out = Output(.table(columns: [.init("file", "FILE"), .init("ok", "OK"), .init("detail", "DETAIL")], rows: rows)).withProse(prose, in: "detail")
            let bad = findings.filter { !$0.ok }.count
            if bad > 0 {
                inv.context.emit(.output(out))
                // A snapshot file that cannot be read whole is the store's fault (exit 3), as when
                // a command reads it; the first such file's fault is said on stderr too.
                if let broken = findings.first(where: \.unreadable) {
                    throw KemuningError(.store, "store check found \(Message.count(bad, "problem", "problems")): \(broken.detail)", at: inv.args.commandRange)
                }
                throw inv.fail("store check found \(Message.count(bad, "problem", "problems"))")
            }
            return out
        },
    ]

    /// Copies a store's state (its records, its audit trail, its change number) and its named
    /// snapshots into another store that holds nothing yet: a file store into PostgreSQL, and
    /// back. The target keeps no change log of the source's past: its history is the audit
    /// trail, copied whole.
    static func copy(_ state: State, named: [NamedSnapshot], loadNamed: (String) throws -> State, to target: StoreBackend) throws {
        _ = try target.initialize()
        let existing = try target.load().state
        guard existing.seq == 0 else {
            throw KemuningError.failed("\(target.location) already holds \(Message.count(existing.seq, "change", "changes")): a store is copied only into an empty one")
        }
        if let why = target.readOnlyReason { throw KemuningError(.store, why) }
        if let failure = state.loadFailure { throw failure }
        if state.seq > 0 { try target.checkpoint(state) }
        for snapshot in named { try target.saveNamed(snapshot.name, try loadNamed(snapshot.name)) }
        try target.close(nil)
    }

    /// The label `store info` shows for one of the store's facts.
    static func infoLabel(_ key: String) -> Message {
        switch key {
        case "path": return "path"
        case "persisted": return "persisted"
        case "snapshot_bytes": return "snapshot bytes"
        case "journal_bytes": return "journal bytes"
        case "journal_records": return "journal records"
        case "named_snapshots": return "named snapshots"
        case "sync": return "sync"
        case "writer": return "writer"
        case "server": return "server"
        case "role": return "role"
        case "schema_version": return "schema version"
        case "snapshot_change": return "snapshot change"
        default: return .verbatim(key)
        }
    }

    /// Points an error from the store layer at the argument that caused it.
    static func withRange<T>(_ range: SourceRange, _ body: () throws -> T) throws -> T {
        do { return try body() } catch var e as KemuningError {
            if e.range == nil && e.kind != .store { e.range = range }
            throw e
        }
    }
}
