#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The documents travel with the repository: what they point at must be in it. A clone has no
/// folder beside it, so a reference out of the repository is a dead end for every reader.
@Suite struct DocLinkTests {
    /// The repository's documents: README.md and every Markdown file under docs/.
    static let documents: [String] = ["README.md"] + folderEntries(repoRoot + "/docs")
        .filter { !$0.isFolder && $0.name.hasSuffix(".md") }.map { "docs/" + $0.name }

    /// Every text file the repository ships, by path from its root (not .git or build folders).
    static func shippedFiles(_ dir: String = "") -> [String] {
        var out: [String] = []
        for e in folderEntries(dir.isEmpty ? repoRoot : repoRoot + "/" + dir) where !e.name.hasPrefix(".") {
            let path = dir.isEmpty ? e.name : dir + "/" + e.name
            if e.isFolder { out += shippedFiles(path) } else if [".md", ".kmn", ".swift", ".json", ".out", ".err"].contains(where: { e.name.hasSuffix($0) }) { out.append(path) }
        }
        return out
    }

    @Test func theDomainRulesAreInTheRepository() {
        #expect(Self.documents.contains("docs/DOMAIN.md"))
    }

    @Test func noFileReachesOutsideTheRepository() {
        // Written in two pieces so that this file does not match itself.
        let outside = ".." + "/shared"
        let offenders = Self.shippedFiles().filter { readText(repoRoot + "/" + $0).contains(outside) }
        #expect(offenders.isEmpty, "these files point outside the repository: \(offenders)")
    }

    /// GitHub's anchor for a heading: lower case, punctuation dropped, blanks as hyphens.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { c -> Character? in
            if c == " " { return "-" }
            return c.isLetter || c.isNumber || c == "-" || c == "_" ? c : nil
        })
    }

    /// The anchors of a Markdown file's headings, outside code blocks.
    static func anchors(_ text: String) -> Set<String> {
        var out = Set<String>()
        var inCode = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle(); continue }
            guard !inCode, line.hasPrefix("#") else { continue }
            out.insert(anchor(String(line.drop(while: { $0 == "#" }).drop(while: { $0 == " " }))))
        }
        return out
    }

    /// The relative link targets `[text](target)` of a Markdown file, outside code blocks.
    static func links(_ text: String) -> [String] {
        var out: [String] = []
        var inCode = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle(); continue }
            guard !inCode else { continue }
            let chars = Array(line)
            var k = 0
            while k + 1 < chars.count {
                guard chars[k] == "]", chars[k + 1] == "(" else { k += 1; continue }
                guard let close = chars[(k + 2)...].firstIndex(of: ")") else { break }
                let target = String(chars[(k + 2)..<close])
                if !target.contains("://") && !target.hasPrefix("mailto:") { out.append(target) }
                k = close
            }
        }
        return out
    }

    /// A docs/ folder that moved would leave README.md alone in the list, and pass.
    @Test func theDocumentsAreAllThere() {
        #expect(Self.documents.count >= 6, "\(Self.documents)")
        #expect(Self.documents.contains("docs/LANGUAGE.md"))
    }

    @Test(arguments: documents)
    func everyLinkLeadsSomewhere(_ document: String) {
        let folder = document.contains("/") ? String(document[..<document.lastIndex(of: "/")!]) + "/" : ""
        for target in Self.links(readText(repoRoot + "/" + document)) {
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let file = parts[0].isEmpty ? document : folder + parts[0]
            #expect(!file.hasPrefix("../") && access(repoRoot + "/" + file, F_OK) == 0, "\(document): '\(target)' names no file of the repository")
            if parts.count == 2, file.hasSuffix(".md"), access(repoRoot + "/" + file, F_OK) == 0 {
                #expect(Self.anchors(readText(repoRoot + "/" + file)).contains(parts[1]), "\(document): '\(target)' names no heading of \(file)")
            }
        }
    }
}
