/// The least a database role needs to use a Kemuning store on PostgreSQL, as SQL a database
/// administrator runs after `store init` (the tests grant exactly these, so they are known to
/// be enough):
///
/// - reader: sees everything, changes nothing.
///
///       GRANT USAGE ON SCHEMA kemuning TO reader;
///       GRANT SELECT ON ALL TABLES IN SCHEMA kemuning TO reader;
///
/// - operator: a reader who also records changes (and folds them into the snapshot, keeps the
///   undo log and the named snapshots).
///
///       -- the reader's grants, and:
///       GRANT INSERT ON kemuning.changes TO operator;
///       GRANT INSERT, DELETE ON kemuning.undo_log TO operator;
///       GRANT INSERT, UPDATE, DELETE ON kemuning.records, kemuning.policies,
///             kemuning.snapshot, kemuning.named_snapshots TO operator;
///       GRANT USAGE ON ALL SEQUENCES IN SCHEMA kemuning TO operator;
///
///   The undo log keeps its newest 500 sessions: an operator also deletes the older ones
///   (without DELETE on kemuning.undo_log the end of each session fails).
///
/// - administrator: the owner of the schema, the role that ran `store init` (and `store copy`
///   into it, `snapshot restore`, which replace every record).
enum StoreGrants {
    static func reader(_ role: String) -> String {
        let r = PostgresCluster.quoted(role)
        return """
            GRANT USAGE ON SCHEMA kemuning TO \(r);
            GRANT SELECT ON ALL TABLES IN SCHEMA kemuning TO \(r);
            """
    }

    static func `operator`(_ role: String) -> String {
        let r = PostgresCluster.quoted(role)
        return reader(role) + """

            GRANT INSERT ON kemuning.changes TO \(r);
            GRANT INSERT, DELETE ON kemuning.undo_log TO \(r);
            GRANT INSERT, UPDATE, DELETE ON kemuning.records, kemuning.policies, kemuning.snapshot, kemuning.named_snapshots TO \(r);
            GRANT USAGE ON ALL SEQUENCES IN SCHEMA kemuning TO \(r);
            """
    }

    /// The database's name in a URL `createDatabase()` gave.
    static func databaseName(_ url: String) -> String {
        String(url.dropFirst("postgresql:///".count).prefix { $0 != "?" })
    }
}
