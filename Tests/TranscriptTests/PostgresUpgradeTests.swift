import Testing

/// A store made by an older kemuning (schema version 1, whose `kemuning.vacancy` view has no
/// `category`) is read as it is, and `store init` upgrades it in place, keeping the grants on
/// the view it replaces.
@Suite struct PostgresUpgradeTests {
    /// The vacancy view as schema version 1 made it.
    static let version1View = """
        DROP VIEW kemuning.vacancy;
        CREATE VIEW kemuning.vacancy AS SELECT id, data->>'title' AS title, data->>'unit' AS unit, (data->>'seats')::int AS seats,
            data->>'type' AS type, data->>'state' AS state, (data->>'opens')::date AS opens, (data->>'closes')::date AS closes,
            (data->>'created')::date AS created, data, changed_in FROM kemuning.records WHERE kind = 'vacancy';
        UPDATE kemuning.meta SET value = '1' WHERE key = 'schema_version';
        """

    @Test(PostgresCluster.required) func storeInitUpgradesAVersion1StoreKeepingItsGrants() throws {
        let pg = try #require(PostgresCluster.shared)
        let url = pg.createDatabase()
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        #expect(kemuning(["--store", url, "-c", "store init"], home: home).status == 0)
        // Written before categories existed: a vacancy whose record has no category at all.
        #expect(kemuning(["--store", url, "-c", "vacancy add --title A --unit U --seats 1"], home: home).status == 0)
        #expect(pg.psql(url, "UPDATE kemuning.records SET data = data - 'category' WHERE kind = 'vacancy'").status == 0)
        #expect(pg.psql(url, Self.version1View).status == 0)
        let reader = PostgresCluster.uniqueName("reader")
        pg.createRole(reader)
        #expect(pg.psql(url, "GRANT USAGE ON SCHEMA kemuning TO \(reader); GRANT SELECT ON kemuning.vacancy TO \(reader)").status == 0)

        // An older store reads as it is; store check says what an upgrade would do.
        let check = kemuning(["--store", url, "-c", "store check"], home: home)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("ok: schema version 1; this kemuning's is 2, and 'store init' upgrades it"), "\(check.stdout)")
        #expect(kemuning(["--store", url, "-c", "vacancy add --title B --unit U --seats 1 --category papua"], home: home).status == 0)
        #expect(pg.psql(url, "SELECT category FROM kemuning.vacancy").status != 0)

        let upgrade = kemuning(["--store", url, "-c", "store init"], home: home)
        #expect(upgrade.status == 0, "\(upgrade.stderr)")
        #expect(upgrade.stdout.contains("from schema version 1 to 2"), "\(upgrade.stdout)")
        #expect(pg.psql(url, "SELECT value FROM kemuning.meta WHERE key = 'schema_version'").stdout == "2\n")
        // The record without a category reads as general; the grant on the view survived.
        let rows = pg.psql(pg.url(database: String(url.dropFirst("postgresql:///".count).prefix { $0 != "?" }), user: reader),
                           "SELECT id, category FROM kemuning.vacancy ORDER BY id")
        #expect(rows.status == 0, "\(rows.stderr)")
        #expect(rows.stdout == "V1|general\nV2|papua\n")
        let again = kemuning(["--store", url, "-c", "store init"], home: home)
        #expect(again.stdout.contains("nothing to do"), "\(again.stdout)")
        // The upgrade wrote the default into the row that had none.
        #expect(pg.psql(url, "SELECT count(*) FROM kemuning.records WHERE kind = 'vacancy' AND data->>'category' IS NULL").stdout == "0\n")
        #expect(kemuning(["--store", url, "-c", "store check"], home: home).stdout.contains("ok: schema version 2"))
    }
}
