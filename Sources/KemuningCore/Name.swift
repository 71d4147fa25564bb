/// The characters of a name: a variable, a flag, a snapshot. ASCII letters and `_` start one;
/// digits may follow. The language, the store and the NIK masking all read names this way.
public enum Name {
    public static func isStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    public static func isChar(_ c: Unicode.Scalar) -> Bool {
        isStart(c) || (c >= "0" && c <= "9")
    }
}
