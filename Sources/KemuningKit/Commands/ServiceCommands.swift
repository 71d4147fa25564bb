/// (stub, being written)
enum ServiceCommands {
    static let commands: [CommandSpec] = []
    static let groups: [String: String] = [:]
}
