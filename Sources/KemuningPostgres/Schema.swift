import KemuningDomain

/// The tables and views of a Kemuning store in PostgreSQL, schema version 2, as `store init`
/// creates them in one transaction. docs/POSTGRESQL.md describes each, and the grants.
enum Schema {
    /// Columns a view gained after its first version, appended after `changed_in` so that
    /// `CREATE OR REPLACE VIEW` can add them to a store made before (it may only add columns
    /// at the end), keeping the view's grants.
    static let addedColumns: [String: String] = [
        // version 2: the category of a vacancy (general in a store written before categories)
        "vacancy": "coalesce(data->>'category', 'general') AS category",
    ]

    /// The view of a record kind, as `store init` creates it and an upgrade replaces it.
    static func view(_ kind: String, replacing: Bool = false) -> String {
        let columns = typedViews[kind] ?? "id"
        let added = addedColumns[kind].map { ", " + $0 } ?? ""
        return "CREATE \(replacing ? "OR REPLACE " : "")VIEW kemuning.\"\(kind)\" AS SELECT \(columns), data, changed_in\(added) FROM kemuning.records WHERE kind = '\(kind)'"
    }

    /// The statements that take a store from version N to N + 1 (the version in `meta` is
    /// updated after them).
    static let upgrades: [Int: [String]] = [
        1: [view("vacancy", replacing: true),
            "UPDATE kemuning.records SET data = data || '{\"category\": \"general\"}' WHERE kind = 'vacancy' AND NOT data ? 'category'"],
    ]

    /// The record kinds with a view of typed columns besides `id` and `data`; every other kind
    /// has a view of `id`, `data` and `changed_in`.
    static let typedViews: [String: String] = [
        "vacancy": """
            id, data->>'title' AS title, data->>'unit' AS unit, (data->>'seats')::int AS seats, data->>'type' AS type,
            data->>'state' AS state, (data->>'opens')::date AS opens, (data->>'closes')::date AS closes,
            (data->>'created')::date AS created
            """,
        "applicant": """
            id, data->>'nik' AS nik, data->>'name' AS name, (data->>'born')::date AS born, data->>'education' AS education,
            (data->>'gpa')::numeric AS gpa, (data->>'created')::date AS created
            """,
        "application": """
            id, data->>'applicant' AS applicant, data->>'vacancy' AS vacancy, data->>'source' AS source,
            (data->>'applied')::date AS applied, data->>'participant' AS participant,
            data->'screening'->>'result' AS screening, data->>'hired' AS hired
            """,
        "employee": """
            id, data->>'nip' AS nip, data->>'name' AS name, data->>'unit' AS unit, data->>'position' AS position,
            data->>'status' AS status, (data->>'since')::date AS since
            """,
    ]

    /// Every statement of `store init`, in order.
    static var statements: [String] {
        var s: [String] = []
        s.append("CREATE SCHEMA kemuning")
        s.append("CREATE TABLE kemuning.meta (key text PRIMARY KEY, value text NOT NULL)")
        s.append("INSERT INTO kemuning.meta (key, value) VALUES ('format', 'kemuning-postgresql'), ('schema_version', '\(PostgresStore.schemaVersion)')")
        // The change log: every change as the file store's journal line, in commit order,
        // with who committed it and when as the server (not the client) says.
        s.append(
            """
            CREATE TABLE kemuning.changes (
                seq bigint PRIMARY KEY CHECK (seq > 0),
                kind text NOT NULL CHECK (kind IN ('change', 'restore')),
                line text NOT NULL,
                command text NOT NULL DEFAULT '',
                committed_by name NOT NULL DEFAULT current_user,
                committed_at timestamptz NOT NULL DEFAULT clock_timestamp()
            )
            """)
        s.append(
            """
            CREATE FUNCTION kemuning.stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.committed_by := current_user;
                NEW.committed_at := clock_timestamp();
                RETURN NEW;
            END $$
            """)
        s.append("CREATE TRIGGER stamp_change BEFORE INSERT ON kemuning.changes FOR EACH ROW EXECUTE FUNCTION kemuning.stamp_change()")
        // The folded state (the newest only) and the named snapshots, as snapshot documents.
        s.append(
            """
            CREATE TABLE kemuning.snapshot (
                seq bigint PRIMARY KEY, state text NOT NULL,
                written_by name NOT NULL DEFAULT current_user, written_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        s.append(
            """
            CREATE TABLE kemuning.named_snapshots (
                name text PRIMARY KEY, seq bigint NOT NULL, state text NOT NULL,
                saved_by name NOT NULL DEFAULT current_user, saved_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        s.append("CREATE TABLE kemuning.undo_log (n bigserial PRIMARY KEY, line text NOT NULL, written_by name NOT NULL DEFAULT current_user)")
        // Every record as it is now, kept in the same transaction as the change that made it.
        s.append(
            """
            CREATE TABLE kemuning.records (
                kind text NOT NULL, id text NOT NULL, data jsonb NOT NULL, changed_in bigint NOT NULL,
                PRIMARY KEY (kind, id)
            )
            """)
        s.append("CREATE TABLE kemuning.policies (name text PRIMARY KEY, value text NOT NULL, changed_in bigint NOT NULL)")
        // The scores of every application that has any, one row each.
        s.append(
            """
            CREATE VIEW kemuning.scores AS
            SELECT id AS application, data->>'vacancy' AS vacancy, data->>'applicant' AS applicant, data->>'participant' AS participant,
                   (data->'skd'->>'twk')::int AS twk, (data->'skd'->>'tiu')::int AS tiu, (data->'skd'->>'tkp')::int AS tkp,
                   (data->'skd'->>'twk')::int + (data->'skd'->>'tiu')::int + (data->'skd'->>'tkp')::int AS skd_total,
                   coalesce((data->'skd'->>'absent')::boolean, false) AS skd_absent,
                   (data->'skb'->>'cat')::int AS skb_cat, (data->'skb'->>'practical')::numeric AS skb_practical,
                   coalesce((data->'skb'->>'absent')::boolean, false) AS skb_absent
            FROM kemuning.records WHERE kind = 'application' AND (data ? 'skd' OR data ? 'skb')
            """)
        for kind in RecordKinds.all.map({ $0.kind }) { s.append(view(kind)) }
        return s
    }
}
