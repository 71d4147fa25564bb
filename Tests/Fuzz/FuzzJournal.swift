/// The journal reader: replays journal.jsonl onto an empty state, as opening a store does.
func fuzzJournal(_ bytes: UnsafeBufferPointer<UInt8>) {
    var state = State()
    _ = try? FileStore.replayJournal(Array(bytes), path: "journal.jsonl", onto: &state)
}
