import KemuningCore
import KemuningDomain
import KemuningStore
/// Text written into an HTML page (`publish V --to FILE.html`), which people open in a browser
/// and print: a name must show as the name, never as markup (`<img src=x onerror=...>`), an
/// attribute broken out of (`" onmouseover=...`) or an entity.
public enum HTML {
    /// `value` as literal text for an element's content or a quoted attribute: `&`, `<`, `>`,
    /// `"` and `'` written as entities, control characters shown as `\x1b` (as everywhere
    /// people read them). The one escaping of every value an HTML page holds.
    public static func escape(_ value: String) -> String {
        var out = ""
        for u in Controls.escape(value).unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
