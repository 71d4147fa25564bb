import KemuningCore
import KemuningDomain

/// Where each record of a kind is in its list, by id. Kemuning's ids are a prefix and a number
/// (`P17`), handed out in order, so the positions are kept in a list by number: four bytes a
/// record and no hashing, where a dictionary of 100,000 strings took about 25 bytes a record
/// and a hash of each id at every lookup. An id of another shape (none kemuning makes, but a
/// lookup may ask for anything) is kept in a dictionary beside it.
struct IdIndex: ExpressibleByDictionaryLiteral, Equatable {
    /// The prefix of the ids in `byNumber`: the first numbered id's.
    private var prefix: String?
    /// The position of `prefix + n` at `n`, plus one (0: no such id).
    private var byNumber: [Int32] = []
    private var other: [String: Int] = [:]

    init() {}

    init(dictionaryLiteral elements: (String, Int)...) {
        for (id, k) in elements { self[id] = k }
    }

    init<S: Sequence>(uniqueKeysWithValues pairs: S) where S.Element == (String, Int) {
        for (id, k) in pairs { self[id] = k }
    }

    /// The number of `id` when it has this index's prefix, and a number the list may hold.
    private func number(_ id: String) -> Int? {
        guard let (p, n) = splitId(id), n < Int(Int32.max), p == (prefix ?? p) else { return nil }
        return n
    }

    mutating func reserveCapacity(_ n: Int) {
        byNumber.reserveCapacity(n + 1)
    }

    subscript(id: String) -> Int? {
        get {
            if let n = number(id), prefix != nil {
                if n < byNumber.count, byNumber[n] > 0 { return Int(byNumber[n]) - 1 }
                return other.isEmpty ? nil : other[id]
            }
            return other.isEmpty ? nil : other[id]
        }
        set {
            if let n = number(id), n < byNumber.count || n <= max(2 * byNumber.count, 1024), (newValue ?? 0) < Int(Int32.max) {
                // Numbered, and not so far past the others that the list would balloon.
                if prefix == nil { prefix = splitId(id)?.0 }
                if let k = newValue {
                    if n >= byNumber.count { byNumber.append(contentsOf: repeatElement(0, count: n - byNumber.count + 1)) }
                    byNumber[n] = Int32(k + 1)
                } else if n < byNumber.count {
                    byNumber[n] = 0
                }
                if !other.isEmpty { other[id] = nil }
            } else {
                other[id] = newValue
            }
        }
    }
}
