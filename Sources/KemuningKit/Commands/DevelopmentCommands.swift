/// (stub, being written)
enum DevelopmentCommands {
    static let commands: [CommandSpec] = []
    static let groups: [String: String] = [:]
}
