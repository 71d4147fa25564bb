import Testing

/// The hint a database without a store gives is a command that works as it is written.
@Suite struct PostgresInitHintTests {
    @Test(PostgresCluster.required) func theInitHintRunsAsWritten() throws {
        let cluster = try #require(PostgresCluster.shared)
        let url = cluster.createDatabase()
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let before = kemuning(["--store", url, "-c", "vacancy list"], home: home)
        #expect(before.status == 3)
        let prefix = "hint: create it with: "
        let hint = try #require(before.stderr.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) })
        // Run through the shell, as a person would paste it: kemuning is the binary, URL the store.
        let start = "kemuning --store URL "
        #expect(hint.hasPrefix(start), "the hint: \(hint)")
        let command = "'\(Paths.binary)' --store '\(url)' " + hint.dropFirst(start.count)
        let made = runProcess("/bin/sh", ["-c", command], environment: testEnvironment(home: home))
        #expect(made.status == 0, "\(command): \(made.stderr)")
        #expect(made.stdout.contains("created a Kemuning store"))
        #expect(kemuning(["--store", url, "-c", "vacancy list"], home: home).status == 0)
    }
}
