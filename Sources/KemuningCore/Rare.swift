/// An optional value most records leave empty, kept out of line: one pointer in the record
/// (none allocated while it is nil) instead of the value's whole size. An application holds
/// its SKB result this way: a national round keeps 100,000 applications in memory, and 3,000
/// of them reach SKB.
@propertyWrapper
public struct Rare<Wrapped: Equatable & Sendable>: Equatable, Sendable {
    private indirect enum Box: Equatable, Sendable {
        case value(Wrapped)
    }

    private var box: Box?

    public init(wrappedValue: Wrapped?) {
        box = wrappedValue.map { .value($0) }
    }

    public var wrappedValue: Wrapped? {
        get {
            guard case .value(let w)? = box else { return nil }
            return w
        }
        set { box = newValue.map { .value($0) } }
    }
}
