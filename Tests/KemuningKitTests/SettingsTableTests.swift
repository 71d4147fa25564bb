import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// `Settings.table` is the one list of settings: `set`, its listing, completion and the
/// program's options all read it. These tests hold the texts that still name the settings
/// by hand to the table, and the table's parts to each other.
@Suite struct SettingsTableTests {
    /// A session that reports nothing, on a fixed day.
    private func quietSession() -> Session {
        let s = Session(backend: MemoryStore())
        s.emit = { _ in }
        s.settings.today = Day(year: 2026, month: 11, day: 29)
        return s
    }

    /// `help set` names the settings in its summary, one translated sentence: it must name
    /// exactly the table's settings, in the table's order.
    @Test func theSummaryOfSetNamesEverySettingInOrder() throws {
        let set = try #require(CommandTable.standard.command("set"))
        let names = Settings.table.map(\.name).joined(separator: ", ")
        #expect(set.summary.english.contains("(\(names))"), "\(set.summary.english)")
    }

    @Test func namesAndOtherSpellingsAreUnique() {
        let all = Settings.table.flatMap { [$0.name] + $0.aliases }
        #expect(Set(all).count == all.count)
        let options = Settings.table.compactMap(\.option).flatMap(\.names)
        #expect(Set(options).count == options.count)
    }

    /// Every value completion offers is one `set` accepts, and the listing then shows it.
    @Test func everyOfferedValueIsAccepted() throws {
        for setting in Settings.table {
            for value in setting.values {
                let s = quietSession()
                try s.run(text: "set \(setting.name) \(value.text)", source: Source(name: "t"))
                #expect(s.exitStatus == 0, "set \(setting.name) \(value.text)")
                if value.text != "system" { #expect(setting.shown(s.settings) == value.text, "\(setting.name)") }
            }
        }
    }

    /// Each other spelling sets the same setting as its name.
    @Test func otherSpellingsSetTheSameSetting() throws {
        for setting in Settings.table {
            guard let value = setting.values.last else { continue }
            for alias in setting.aliases {
                let s = quietSession()
                try s.run(text: "set \(alias) \(value.text)", source: Source(name: "t"))
                #expect(setting.shown(s.settings) == value.text, "set \(alias)")
            }
        }
    }

    /// A bare option (`--echo`) turns its setting on; an option with a value reads it as `set`.
    @Test func optionsReadTheirValuesAsSetDoes() throws {
        for setting in Settings.table {
            guard let option = setting.option else { continue }
            var settings = Settings()
            if option.isBool {
                #expect(option.badValue == nil)
                try setting.assign("on", to: &settings)
                #expect(setting.shown(settings) == "on")
            } else {
                #expect(option.badValue != nil, "--\(option.names[0]) has no error for a bad value")
                for value in setting.values {
                    try setting.assign(value.text, to: &settings)
                    #expect(setting.shown(settings) == value.text)
                }
            }
        }
    }
}
