// PostgreSQL's own C client library, libpq (Debian's libpq-dev), for the PostgreSQL store.
// Everything Kemuning calls is a plain C function; nothing here keeps state of its own.
#ifndef KEMUNING_CLIBPQ_SHIM_H
#define KEMUNING_CLIBPQ_SHIM_H

#include <libpq-fe.h>
#include <poll.h>

/// The SQLSTATE field of an error result (PG_DIAG_SQLSTATE is a macro Swift does not see).
static inline const char *kem_pq_sqlstate(const PGresult *res) {
    return PQresultErrorField(res, PG_DIAG_SQLSTATE);
}

/// The primary message of an error result, without libpq's "ERROR:" prefix and detail lines.
static inline const char *kem_pq_primary(const PGresult *res) {
    return PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
}

/// A notice processor that drops notices ("relation already exists, skipping"): the store says
/// what matters in its own words.
static void kem_pq_ignore_notice(void *arg, const char *message) { (void)arg; (void)message; }
static inline void kem_pq_quiet(PGconn *conn) { PQsetNoticeProcessor(conn, kem_pq_ignore_notice, 0); }

#endif
