import KemuningCore
import KemuningDomain
import KemuningStore
/// Text written into Markdown (`vacancy results --publish FILE.md`), which people publish on
/// a portal where it is rendered: a name must show as the name, never as HTML
/// (`<img src=x onerror=...>`), a link (`[l](javascript:...)`), emphasis or a broken table.
public enum Markdown {
    /// The ASCII punctuation that means something to Markdown inside a line or a table cell:
    /// each is written with a backslash before it (CommonMark's escapes), so it shows as itself.
    /// `-`, `+`, `.` and `=` only matter at the start of a line, which a value never is here.
    static let special: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "!", "|", "&", "~"]

    /// `value` as literal text for a Markdown line or table cell: special characters
    /// backslash-escaped (`|` as `\|`), control characters shown as `\x1b`.
    public static func escape(_ value: String) -> String {
        var out = ""
        for u in Controls.escape(value).unicodeScalars {
            if special.contains(u) { out += "\\" }
            out.unicodeScalars.append(u)
        }
        return out
    }
}
