import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit
#if canImport(Glibc)
import Glibc
#endif

/// The Swift files under `dir`, at any depth.
private func swiftFiles(_ dir: String) -> [String] {
    folderEntries(dir).flatMap { e -> [String] in
        let path = dir + "/" + e.name
        if e.name.hasPrefix(".") { return [] }
        return e.isFolder ? swiftFiles(path) : (e.name.hasSuffix(".swift") ? [path] : [])
    }
}

/// Every string literal of the shell's sources (the catalog itself left out).
let sourceLiterals: [SwiftLiteral] = {
    let targets = ["KemuningCore", "KemuningDomain", "KemuningStore", "KemuningPostgres", "KemuningKit", "kemuning"]
    let files: [String] = targets.flatMap { (t: String) -> [String] in swiftFiles(repoRoot + "/Sources/" + t) }
    return files
        .filter { !$0.contains("/Catalog+id") && !$0.hasSuffix("KemuningCore/Catalog.swift") && !$0.hasSuffix("KemuningCore/Message.swift") && !$0.hasSuffix("kemuning/LineReader.swift") }
        .flatMap { path in swiftLiterals(in: readText(path), file: String(path.dropFirst(repoRoot.count + 1))) }
}()

/// Whether a literal reads as words for people: two or more letters in a row, and a space or
/// a capitalised header. Commands (examples, `help X`) are checked by the runtime test instead.
func looksLikeProse(_ template: String) -> Bool {
    let bare = TemplateParts(template).literal
    var run = 0, longest = 0
    for u in bare.unicodeScalars {
        if u.properties.isAlphabetic { run += 1; longest = max(longest, run) } else { run = 0 }
    }
    guard longest >= 2 else { return false }
    // An environment variable's name (KEMUNING_STORE, XDG_DATA_HOME) is not words.
    if !bare.contains(" ") && bare.contains("_") && bare.uppercased() == bare { return false }
    return bare.contains(" ") || bare.hasSuffix(":") || bare.uppercased() == bare
}

/// The examples and names of the command table, and how the program's modes are written
/// (`kemuning [OPTIONS] play FILE`): commands, the same in every language.
let commandTexts: Set<String> = {
    let t = CommandTable.standard
    return Set(t.commands.flatMap { $0.examples + [$0.name] } + Array(t.groups.keys) + ProgramOptions.modes.map(\.usage))
}()

/// The literals the catalog must translate: those that read as words, less the commands; and
/// single words where the code makes a message of them (an error, a hint, a label, a kind).
let proseLiterals: [SwiftLiteral] = sourceLiterals.filter {
    (looksLikeProse($0.template) || isMessageWord($0)) && !commandTexts.contains($0.template) && !notMessages.contains($0.template)
        && !isProgrammingError($0) && !isMarkup($0)
}

/// HTML markup and its style sheet (`<meta charset="utf-8">`, `<style>...`): code that a page
/// is made of, the same in every language; the words on the page are messages of their own.
func isMarkup(_ l: SwiftLiteral) -> Bool {
    l.file.hasSuffix("Output/Publication.swift") && l.template.contains("<")
}

/// The text of a trap (`preconditionFailure("...")`): a mistake in the program, for its
/// developers, never a message a user reads in either language.
func isProgrammingError(_ l: SwiftLiteral) -> Bool {
    l.before.hasSuffix("preconditionFailure(") || l.before.hasSuffix("fatalError(") || isSQL(l)
}

/// SQL the PostgreSQL store sends (a statement, the schema): code, the same in every language.
func isSQL(_ l: SwiftLiteral) -> Bool {
    guard l.file.contains("/KemuningPostgres/") else { return false }
    if l.file.hasSuffix("/Schema.swift") { return true }
    let b = l.before
    return ["sql(", "exec(", "withBytes(", "readSnapshot(", "readSnapshot(\n"].contains { b.hasSuffix($0) }
        || ["SELECT ", "INSERT ", "DELETE ", "WITH ", "BEGIN", "COMMIT", "ROLLBACK", "CREATE "].contains { l.template.hasPrefix($0) }
        || l.template.hasPrefix("\nSELECT") || l.template.hasPrefix("SELECT")
}

/// A one-word literal in a place that takes a message: `fail("...")`, `hint: "..."`,
/// `.message("...")`, `created("...", id)`, a column title or label (the second literal of
/// `.init("key", "...")`), `prose.cell("...")`, `.key`, `summary:`.
func isMessageWord(_ l: SwiftLiteral) -> Bool {
    guard Catalog.hasWords(l.template), !l.template.contains(" ") else { return false }
    let b = l.before
    let ends = ["KemuningError(.interrupted, ", "KemuningError(.failed, ", "KemuningError(.store, ", "KemuningError(.syntax, ",
                "KemuningError(.usage, ", "fail(", "failed(", "hint: ", ".message(", "created(", "footnote = ", "tableMessage = ",
                "prose.cell(", "summary: ", "Message(", "tr(", "return ", "? ", ": "]
    if b.hasSuffix("return ") || b.hasSuffix("? ") || b.hasSuffix(": ") {
        // A ternary or a return: a message only where the line says so.
        return b.contains("Message") || b.contains("-> Message")
    }
    if ends.contains(where: { b.hasSuffix($0) }) { return true }
    // The two forms of `Message.count(n, "seat", "seats")`.
    if b.contains("Message.count(") && (b.hasSuffix(", ") || b.hasSuffix(",")) && !b.hasSuffix("\\(") { return true }
    // The title of `.init("key", "TITLE")` or a Field's label.
    for marker in [".init(\"", "Field(\"", ".prose(\"", ".proseList(\""] {
        var rest = Substring(b)
        var last: Substring?
        while let r = rest.range(of: marker) {
            rest = rest[r.upperBound...]
            last = rest
        }
        if let last, last.hasSuffix("\", "), !last.dropLast(3).contains("\"") { return true }
    }
    return false
}

/// Literals that read like words but are code (lines a recording writes, the version line, an
/// environment variable's name) or a language's own name.
let notMessages: Set<String> = ["UTF8", "let {1} = {2}", "set today {1}", "# recorded by kemuning", "kemuning {1}", "Bahasa Indonesia", "TMPDIR"]

/// The catalog pairs allowed to read the same in English and Indonesian, each with why. Any
/// other pair whose Indonesian is its English is a translation someone forgot, and
/// `noTranslationIsItsEnglishUnlessAllowed` names it; an entry here that is no longer such a
/// pair is stale, and fails the same test.
let sameInBothLanguages: [String: String] = {
    let abbreviation = "an Indonesian abbreviation, written so in both languages"
    let idPrefix = "the prefix of a record's id"
    let official = "the official Indonesian term, which the English keeps too"
    let indonesianWord = "an Indonesian word spelt as in English"
    let format = "abbreviations and values only"
    let code = "code, not words: the same in every language"
    let command = "a command as the user types it"
    var out: [String: String] = [:]
    for a in ["NIK", "NIP", "SKD", "SKB", "TWK", "TIU", "TKP", "MS", "TMS", "JP", "SKP", "IKM", "NRR", "SD", "SMP", "SMA", "SMK"] {
        out[a] = abbreviation
    }
    for p in ["SV", "AC", "EN", "WT"] { out[p] = idPrefix }
    for o in ["Tes Wawasan Kebangsaan", "Tes Intelegensia Umum", "Tes Karakteristik Pribadi",  // the SKD's parts
              "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang (misconduct)", "Sangat Kurang",  // SKP predicates
              "Kurang Baik", "Tidak Baik"] {  // IKM grades
        out[o] = official
    }
    for w in ["VOLUME", "mentor", "mentee", "MENTOR", "MENTEE", "Total", "Status", "STATUS", "status", "UNIT", "unit",
              "TARGET", "MEDIAN", "FORUM", "forum", "audit"] {
        out[w] = indonesianWord
    }
    out["snapshot"] = "the technical term the Indonesian catalog keeps (snapshot rusak, snapshot bernama)"
    out["snapshot '{1}'"] = "the technical term and a snapshot's name"
    out["OK"] = "OK is written so in Indonesian"
    out["ID"] = "an identifier: ID in Indonesian too"
    out["id"] = "an identifier: id in Indonesian too"
    out["OP"] = "short for operator, the same word in Indonesian"
    out["MIN"] = "short for minimum, the same word in Indonesian"
    out["Q1"] = "the first quartile's symbol"
    out["Q3"] = "the third quartile's symbol"
    out["JOBFAIR"] = "an id's name: Indonesian agencies call the event a job fair"
    out["YYYY-MM-DD"] = "the ISO date format, which the shell reads in both languages"
    out["{1}ID"] = "an id's name: its prefix and ID"
    out["{1} MiB"] = "a size and its unit"
    out["PostgreSQL {1}.{2}"] = "a product's name and version"
    out["CAT {1}/{2}"] = "the CAT test's abbreviation and a score"
    for f in ["SKD {1}", "{1} ({2}): NIP {3}", "{1} {2} ({3} JP): ", "SKP {1}: {2}", "{1}: {2} ({3}) SKP {4}: {5}",
              "TWK {1}, TIU {2}, TKP {3} = {4}, {5}", "{1}: SKD {2} ({3})", "{1}: SKB {2}", "SKD → SKB", "SKD/550x100"] {
        out[f] = format
    }
    // The keys of findings and the paths of a record error: data, not prose.
    for c in ["responses:", "responses:{1}", "ikm:", "ikm:{1}:{2}", "ikm:{1}:{2}:{3}", "forum:{1}:{2}", "forum:{1}:{2}:{3}",
              "complaint:", "complaint:{1}:{2}", "late:", "late:{1}", "service:{1}", "policy:{1}",
              "skp '{1}': {2}", "tables.{1}[{2}]{3}: {4}"] {
        out[c] = code
    }
    // JSON the store writes, the program's name and prompt, environment variables.
    for c in [#","changes":"#, #","tables":"#, #","policies":"#, "kemuning: ", "kemuning> ", "kemuning> {1}\n",
              "kemuning: {1} {2}\n", "HOME", "TERM", "USER", "LOGNAME"] {
        out[c] = code
    }
    for c in [#"echo "Vacancy $bappeda is open""#, "assert $bappeda == V1", "survey response {1} S1 ... S9",
              "vacancy announce {1} --channel portal"] {
        out[c] = command
    }
    return out
}()

@Suite struct CatalogTests {
    @Test func aLiteralTernaryInAMessageIsAMessage() {
        let passed = Bool.random()
        let m: Message = "\(passed ? "passed" : "failed") now"
        guard case .template(_, let args) = m.storage, case .message = args.first else {
            Issue.record("the ternary became plain text: \(m.storage)")
            return
        }
    }

    @Test func everyMessageInTheSourcesHasAnIndonesianTranslation() {
        let known = Set(Catalog.entries.map(\.en))
        let missing = proseLiterals.filter { !known.contains($0.template) }.map { "\($0.file):\($0.line): \($0.template)" }
        #expect(missing == [])
    }

    @Test func everyEntryOfTheCatalogIsStillUsed() {
        let used = Set(sourceLiterals.map(\.template))
        let stale = Catalog.entries.map(\.en).filter { !used.contains($0) }
        #expect(stale == [])
    }

    @Test func theCatalogHasOneEntryPerTemplate() {
        var seen = Set<String>()
        let repeated = Catalog.entries.map(\.en).filter { !seen.insert($0).inserted }
        #expect(repeated == [])
    }

    /// A translation may move its values and drop the ones that only make an English plural,
    /// but never name a value its English does not have, and never be empty.
    @Test func translationsKeepToTheirPlaceholders() {
        func marks(_ s: String) -> Set<Int> {
            var out = Set<Int>()
            var rest = Substring(s)
            while let open = rest.firstIndex(of: "{") {
                let after = rest[rest.index(after: open)...]
                if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]) { out.insert(n) }
                rest = after
            }
            return out
        }
        for (en, id) in Catalog.entries {
            #expect(marks(id).isSubset(of: marks(en)), "\(en) -> \(id)")
            #expect(!id.trimmingBlanks().isEmpty || en.trimmingBlanks().isEmpty, "\(en) has an empty translation")
        }
    }

    @Test func placeholdersAreFilledInAnyOrder() {
        let m: Message = "\("V1") moved from \("Bappeda") to \("Dinkes")"
        #expect(Message.fill("ke {3} dari {2}: {1}", ["V1", "Bappeda", "Dinkes"]) == "ke Dinkes dari Bappeda: V1")
        #expect(m.english == "V1 moved from Bappeda to Dinkes")
        #expect(m.template == "{1} moved from {2} to {3}")
        // Braces that are not marks are left alone.
        #expect(Message.fill("{x} {0} {9} {1}", ["a"]) == "{x} {0} {9} a")
    }

    /// The store keeps the English of an audit entry or a finding; a table shows it in the
    /// user's language when a template of the catalog makes exactly that text.
    @Test func storedSentencesAreTranslatedThroughTheirTemplates() {
        #expect(Catalog.translation(ofStored: "SKD recorded", in: .id) == "SKD tercatat")
        #expect(Catalog.translation(ofStored: "hired as E12", in: .id) == "diangkat sebagai pegawai E12")
        #expect(Catalog.translation(ofStored: "A5 applied to V1 on 2026-11-08", in: .id) == "A5 melamar ke V1 pada 2026-11-08")
        #expect(Catalog.translation(ofStored: "complaint C2 missed its first response deadline", in: .id) == "pengaduan C2 melewati tenggat tanggapan pertama")
        // Not made by any template: shown as stored.
        #expect(Catalog.translation(ofStored: "imported from the old system", in: .id) == nil)
        // A template that is mostly values (`{1}: {2}`) is never used to read a sentence.
        #expect(Catalog.storedTemplates.allSatisfy { $0.literalBytes >= 6 })
        #expect(Catalog.translation(ofStored: "SKD recorded", in: .en) == "SKD recorded")
    }

    @Test func theLanguageComesFromTheEnvironment() {
        func lang(_ env: [String: String]) -> Lang { Lang.fromEnvironment { env[$0] } }
        #expect(lang([:]) == .en)
        #expect(lang(["LANG": "id_ID.UTF-8"]) == .id)
        #expect(lang(["LANG": "en_US.UTF-8"]) == .en)
        #expect(lang(["LANG": "C.UTF-8"]) == .en)
        #expect(lang(["LANG": "en_US.UTF-8", "LC_ALL": "id_ID.UTF-8"]) == .id)
        #expect(lang(["LANG": "id_ID.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"]) == .en)
        #expect(lang(["LANG": "id_ID.UTF-8", "KEMUNING_LANG": "en"]) == .en)
        #expect(lang(["LANG": "en_US.UTF-8", "KEMUNING_LANG": "id"]) == .id)
        // A KEMUNING_LANG the shell does not know is passed over for the locale.
        #expect(lang(["LANG": "id_ID.UTF-8", "KEMUNING_LANG": "fr"]) == .id)
        #expect(lang(["LANG": "idx"]) == .en)
    }

    /// Making an Indonesian translation identical to its English survived every other test: an
    /// identical pair must be one `sameInBothLanguages` allows, and say why.
    @Test func noTranslationIsItsEnglishUnlessAllowed() {
        let identical = Catalog.entries.filter { $0.en == $0.id }.map(\.en)
        let untranslated = identical.filter { sameInBothLanguages[$0] == nil }
        #expect(untranslated == [], "Indonesian that is its English (translate it, or allow it in sameInBothLanguages with why): \(untranslated)")
        let stillSame = Set(identical)
        let stale = sameInBothLanguages.keys.filter { !stillSame.contains($0) }.sorted()
        #expect(stale == [], "allowed in sameInBothLanguages but no longer a pair that reads the same: \(stale)")
    }

    /// A tool, not a test: KEMUNING_DUMP_PROSE=FILE writes the literals that read as prose and
    /// have no pair yet, one `file:line<TAB>template` a line, to start a catalog file from.
    /// Without the variable it asserts nothing, so it shows as skipped rather than passed.
    @Test(.enabled(if: getenv("KEMUNING_DUMP_PROSE") != nil, "a tool: set KEMUNING_DUMP_PROSE=FILE to run it"))
    func dumpProse() throws {
        let known = Set(Catalog.entries.map(\.en))
        var seen = Set<String>()
        var lines: [String] = []
        for l in proseLiterals where !known.contains(l.template) && seen.insert(l.template).inserted {
            lines.append("\(l.file):\(l.line)\t\(l.template.replacingAll("\n", with: "\\n"))")
        }
        let out = try #require(getenv("KEMUNING_DUMP_PROSE").map { String(cString: $0) })
        let f = try #require(fopen(out, "w"), "cannot write \(out)")
        fputs(lines.joined(separator: "\n") + "\n", f)
        fclose(f)
    }
}

// Rendering in Indonesian while `IndonesianTests` records what is missing: in its suite, so
// that the two never run at the same time.
extension IndonesianTests {
    @Test func aMessageFallsBackToEnglishWithoutATranslation() {
        let id = "V1"
        let m: Message = "\(id) is a test message that has no translation"
        Catalog.startRecording()
        #expect(m.localized(.id) == "V1 is a test message that has no translation")
        #expect(Catalog.stopRecording().missing == ["{1} is a test message that has no translation"])
    }

    @Test func nestedMessagesAreTranslatedAndDataIsNot() {
        let passed = true
        let id = "E1"
        let m: Message = "\(id) \(passed ? "passed" : "failed")"
        let text = m.localized(.id)
        #expect(text.hasPrefix("E1 "))
        #expect(!text.contains("passed"), "\(text)")
        #expect(Message.verbatim("passed").localized(.id) == "passed")
    }

}

/// The scanner the catalog tests stand on: if it missed literals, they would pass for nothing.
@Suite struct SwiftLiteralScannerTests {
    @Test func interpolationsBecomeNumberedMarksAndNestedLiteralsAreFound() {
        let source = ##"""
            // "not a literal" in a comment
            throw inv.fail("no \(kind) '\(a.text)'", hint: "did you mean '\(ok ? "yes" : "no")'?")
            let t = "tab\there \u{2192} \"q\""  /* "also not" */
            let raw = #"a "raw" \(x) \#(y)"#
            let m = """
                first line
                  second \(n)
                """
            """##
        let found = swiftLiterals(in: source, file: "x.swift").map(\.template)
        #expect(found == ["no {1} '{2}'", "yes", "no", "did you mean '{1}'?", "tab\there → \"q\"", #"a "raw" \(x) {1}"#, "first line\n  second {1}"])
    }

    @Test func aLiteralKnowsTheCodeBeforeIt() {
        let found = swiftLiterals(in: #"throw KemuningError(.interrupted, "interrupted")"# + "\n" + #"    .init("rank", "rank", JSON(1))"#, file: "x.swift")
        #expect(found.map(\.before) == [#"throw KemuningError(.interrupted, "#, #"    .init("#, #"    .init("rank", "#])
        #expect(found.map(isMessageWord) == [true, false, true])
    }

    @Test func proseIsWordsWithASpaceAColonOrCapitals() {
        #expect(looksLikeProse("no vacancy {1}"))
        #expect(looksLikeProse("usage:"))
        #expect(looksLikeProse("SEATS"))
        #expect(!looksLikeProse("vacancy"))
        #expect(!looksLikeProse("{1}: {2}"))
        #expect(!looksLikeProse("--{1}"))
    }
}

@Suite struct TemplatePartsTests {
    @Test func marksAreNumbersInBracesAndOtherBracesAreText() {
        let p = TemplateParts("closed on {2} by {1}; {x} {0} {} {{3}}")
        #expect(p.pieces == ["closed on ", " by ", "; {x} {0} {} {", "}"])
        #expect(p.marks == [2, 1, 3])
        #expect(p.literal == "closed on  by ; {x} {0} {} {}")
        #expect(TemplateParts("no marks").pieces == ["no marks"])
        // A run of digits too long to be a mark is text, not an overflow.
        #expect(TemplateParts("{99999999999999999999999}").marks == [])
        #expect(Message.fill("{1} of {2}, {3}", ["a", "b"]) == "a of b, {3}")
    }

    /// `fill` reads the marks in one pass; it must put the values where the pieces and marks
    /// of `TemplateParts` say, a mark beyond the values kept as `{N}`.
    @Test(arguments: ["closed on {2} by {1}; {x} {0} {} {{3}}", "{1}{2}{1}", "", "{", "}", "{1", "a {007} b", "ü {2} ü {1}",
                      "{99999999999999999999999}", "{1000000}", "{3}{4}"])
    func fillPutsTheValuesWhereThePartsSay(_ pattern: String) {
        let values = ["one", "zwei", "tiga"]
        let parts = TemplateParts(pattern)
        var expected = parts.pieces[0]
        for (k, n) in parts.marks.enumerated() {
            expected += (n <= values.count ? values[n - 1] : "{\(n)}") + parts.pieces[k + 1]
        }
        #expect(Message.fill(pattern, values) == expected)
    }
}
