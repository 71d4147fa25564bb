import KemuningCore
import KemuningDomain
import KemuningStore
/// Control characters: refused in values on the way in, made visible on the way out.
///
/// A name such as `S\e]0;pwned\a` retitles the terminal it is printed on, `\e[2J` clears it,
/// and a C1 character (U+0080 to U+009F) can do the same on terminals that read them. So no
/// value a command keeps may hold one (`CommandTable.parse` refuses them, tab and line break
/// included: every kept text is one line), and whatever is written for people (tables,
/// records, messages, errors and the line they quote, echo, warnings) shows any that got in
/// anyway (a hand-edited store, a file name) as `\x1b`: a backslash, `x` and two hex digits.
public enum Controls {
    /// C0 (U+0000 to U+001F), DEL (U+007F) and C1 (U+0080 to U+009F).
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value)
    }

    /// `\x1b` for ESC: how a control character is shown.
    public static func shown(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16)
        return "\\x" + (hex.count < 2 ? "0" + hex : hex)
    }

    /// The first control character in `text` not in `allowed`, and its position (1 for the
    /// first character).
    public static func first(in text: String, allowing allowed: Set<Unicode.Scalar> = []) -> (scalar: Unicode.Scalar, position: Int)? {
        var position = 0
        for u in text.unicodeScalars {
            position += 1
            if isControl(u) && !allowed.contains(u) { return (u, position) }
        }
        return nil
    }

    /// `text` with every control character shown as `\xHH`; with `keepingLineBreaks`, line
    /// breaks and tabs stay as they are (messages of several lines, like help, and `echo`).
    public static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        escape(text, keeping: keepingLineBreaks ? lineBreaksAndTabs : [])
    }

    static let lineBreaksAndTabs: Set<Unicode.Scalar> = ["\n", "\t"]
    /// What a CSV field may hold as it is: a quoted field keeps its line breaks and tabs.
    static let csvKept: Set<Unicode.Scalar> = ["\n", "\r", "\t"]

    /// `text` with every control character but those in `kept` shown as `\xHH`.
    public static func escape(_ text: String, keeping kept: Set<Unicode.Scalar>) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for u in text.unicodeScalars {
            if isControl(u) && !kept.contains(u) {
                out += shown(u)
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
