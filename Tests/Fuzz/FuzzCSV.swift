/// The CSV reader of `survey import`.
func fuzzCSV(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let text = text(bytes) else { return }
    _ = FeedbackCommands.parseResponses(text)
}
