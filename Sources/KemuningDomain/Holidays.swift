import KemuningCore
/// Public holidays (hari libur nasional and cuti bersama) and the working days they leave: the
/// calendar service standards and complaint deadlines count in when they count working days
/// (DOMAIN.md, "Working days and holidays").

/// A public holiday: a date that is not a working day although it falls from Monday to Friday.
/// `holiday remove` keeps the record with `removed` set, so that the removal is one more change
/// that `undo` takes back; `holiday add` on that date again brings it back.
public struct Holiday: StoredRecord, Equatable, Sendable {
    public static let kind = "holiday"
    public static let prefix = "H"
    public static let label: Message = "holiday"
    public var id: String
    public var date: Day
    /// What the day is (`Hari Raya Idul Fitri`, `Cuti bersama`).
    public var name: String
    public var removed: Bool

    public init(id: String, date: Day, name: String, removed: Bool = false) {
        self.id = id
        self.date = date
        self.name = name
        self.removed = removed
    }

    public var json: JSON {
        .object(JSONObject([("id", .string(id)), ("date", .string(date.description)), ("name", .string(name)), ("removed", .bool(removed))]))
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "holiday")
        id = try f.string("id")
        date = try f.day("date")
        name = try f.string("name")
        if let v = f.object["removed"] {
            guard let b = v.boolValue else { throw RecordError("holiday 'removed' is not true or false") }
            removed = b
        } else {
            removed = false
        }
    }

    public func hint(naming: (String) -> String?) -> String? { "\(date) \(name)" }
}

/// The dates of the holidays in the store (those not removed).
public func holidayDates(_ state: some RecordReader) throws -> Set<Day> {
    Set(try state.records(Holiday.self).filter { !$0.removed }.map(\.date))
}

/// Monday to Friday and not a holiday.
public func isWorkingDay(_ d: Day, holidays: Set<Day>) -> Bool { !isWeekend(d) && !holidays.contains(d) }

/// Working days after `from` up to and including `to` (`from` itself not counted, as a request
/// received on a day has had none of its days yet): Saturdays, Sundays and `holidays` skipped.
/// Negative when `to` is earlier.
public func workingDays(from: Day, to: Day, holidays: Set<Day>) -> Int {
    if to < from { return -workingDays(from: to, to: from, holidays: holidays) }
    var count = daysBetween(from, to, working: true)
    for h in holidays where h > from && h <= to && !isWeekend(h) { count -= 1 }
    return count
}

/// The `n`-th working day after `from` (`from` itself when `n` is 0): the last day of a term of
/// `n` working days. A term ending on a Saturday in calendar days ends on the next working day.
public func addingWorkingDays(_ n: Int, to from: Day, holidays: Set<Day>) -> Day {
    var d = from
    var counted = 0
    while counted < n {
        d = d.adding(days: 1)
        if isWorkingDay(d, holidays: holidays) { counted += 1 }
    }
    return d
}
