/// The snapshot reader: the streaming decoder of snapshot.json, and the JSON parser on its own
/// (it also reads journal lines and `--format json` round trips).
func fuzzSnapshot(_ bytes: UnsafeBufferPointer<UInt8>) {
    _ = try? State.decode(bytes)
    if let json = try? JSON.parse(bytes) {
        // What parses must serialize and parse back to the same value.
        let again = try? JSON.parse(Array(json.serialized().utf8))
        precondition(again == json, "JSON does not read back as written")
    }
}
