import KemuningCore
import KemuningDomain
import KemuningStore
/// How many terminal columns a string takes: combining marks take none, East Asian wide
/// characters and most emoji take two, everything else one.
public func displayWidth(_ s: String) -> Int {
    var w = 0
    for u in s.unicodeScalars { w += scalarWidth(u) }
    return w
}

func scalarWidth(_ u: Unicode.Scalar) -> Int {
    let v = u.value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
    if v < 0x300 { return 1 }
    switch u.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if v == 0x200B { return 0 }
    if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
        || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
        || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
        || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
        || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
        return 2
    }
    return 1
}

/// Cuts `s` to at most `width` columns, ending in `…` when cut.
public func truncate(_ s: String, toWidth width: Int) -> String {
    guard displayWidth(s) > width else { return s }
    var out = ""
    var w = 0
    for c in s {
        let cw = displayWidth(String(c))
        if w + cw > width - 1 { break }
        out.append(c)
        w += cw
    }
    return out + "…"
}
