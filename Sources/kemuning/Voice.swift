#if canImport(Glibc)
import Glibc
#endif
import KemuningCore
import KemuningDomain
import KemuningStore
import KemuningKit

/// What the program itself says (errors about its arguments, warnings, the REPL's and `play`'s
/// words) in the user's language: the language asked for at the start until there is a
/// session, then the session's, so that `set lang` changes it too.
///
/// Everything the program says is said on the main thread, which is the only one it has.
@MainActor final class Voice {
    /// `--lang`, else KEMUNING_LANG, else the locale.
    let startLang: Lang
    /// The session once there is one.
    var session: Session?

    init(startLang: Lang) { self.startLang = startLang }

    var lang: Lang { session?.settings.lang ?? startLang }

    /// `m` in the user's language.
    func tr(_ m: Message) -> String { m.localized(lang) }

    /// `m` in the user's language, for a terminal: a control character in it (from an argument,
    /// a file name, a value in the store) is shown as `\x1b`, never sent raw.
    func shown(_ m: Message) -> String { Controls.escape(tr(m), keepingLineBreaks: true) }

    /// A bad invocation: the error, its hint, the way to the help; exit 2.
    func fail(_ message: Message, hint: Message? = nil) -> Never {
        var text = "kemuning: \(tr("error:")) \(shown(message))\n"
        if let hint { text += "\(tr("hint:")) \(shown(hint))\n" }
        text += tr("Try 'kemuning --help'.") + "\n"
        Terminal.stderr(text)
        exit(2)
    }

    /// An error's text in the user's language (errors that carry a `Message` are translated).
    func describe(_ error: Error) -> String { shown("\(error)") }

    /// `kemuning: warning: ...` on standard error, in the user's language.
    func warn(_ m: Message) { Terminal.stderr("kemuning: \(tr("warning:")) \(shown(m))\n") }

    /// `kemuning: error: ...` for a failure that belongs to no line of a script.
    func reportError(_ error: Error) { Terminal.stderr("kemuning: \(tr("error:")) \(describe(error))\n") }

    /// Prints `text` and a newline and exits: 0, or 1 when standard output cannot be written.
    func printAndExit(_ text: String) -> Never {
        let o = Terminal.Output(fd: 1, voice: self)
        o.write(text + "\n")
        o.flush()
        exit(o.exitCode(0))
    }
}
