import KemuningCore
import KemuningDomain
import KemuningStore
/// `policy`: the rule settings that vary by region or year, kept in the store.
enum PolicyCommands {
    static let commands: [CommandSpec] = [
        CommandSpec("policy list", family: "store", summary: "the rule settings, their values and defaults",
                    examples: ["policy list", "set format json; policy list"]) { inv in
            let state = try inv.state
            var prose = ProseCells()
            let rows: [[JSON]] = Policy.allCases.map { [.string($0.rawValue), .string(state.policy($0)), .string($0.defaultValue), prose.cell($0.help)] }
            return Output(.table(columns: [.init("name", "POLICY"), .init("value", "VALUE"), .init("default", "DEFAULT"), .init("meaning", "MEANING")],
                                 rows: rows)).withProse(prose, in: "meaning")
        },
        CommandSpec("policy set", family: "store", summary: "change a rule setting (recorded in the audit trail); 'default' restores it",
                    positionals: [PositionalSpec("NAME", .choice(Policy.allCases.map(\.rawValue)), "the policy"),
                                  PositionalSpec("VALUE", .word, "its new value, or default")],
                    examples: ["policy set mentor-capacity 4", "policy set complaint-day-count working"], mutates: true) { inv in
            let nameArg = inv.args.positionals[0], valueArg = inv.args.positionals[1]
            let p = inv.args.choice(at: 0, as: Policy.self)
            let before = try inv.state.policy(p)
            var value: String? = nil
            if valueArg.text != "default" {
                value = try VacancyCommands.at(valueArg.range) { try p.validate(valueArg.text) }
            }
            let after = value ?? p.defaultValue
            try inv.commit(.policy(name: p.rawValue, value: value), audit: [inv.audit("policy:\(p.rawValue)", vacancy: nil, action: "policy \(p.rawValue) set",
                                              fields: [.init(field: p.rawValue, before: .string(before), after: .string(after))])])
            return .message("\(p.rawValue) = \(after)", value: after)
        },
    ]
}
