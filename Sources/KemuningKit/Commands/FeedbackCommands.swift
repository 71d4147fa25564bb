/// (stub, being written)
enum FeedbackCommands {
    static let commands: [CommandSpec] = []
    static let groups: [String: String] = [:]
}
