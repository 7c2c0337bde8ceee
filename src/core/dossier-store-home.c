/* dossier-store-home.c
 *
 * The case file a node belongs to, for a search result or a link: each
 * side of the question found by an index (schema 6 added the one on a
 * case file's sources).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include "dossier-db.h"
#include "dossier-store.h"
#include "dossier-store-private.h"

/**
 * dossier_store_get_home_case:
 *
 * Returns: the case file a node belongs to or first appears in (an event's
 *   or a claim's own, a party's, a source's, a role's person's), or 0
 */
gint64
dossier_store_get_home_case (DossierStore *self,
                             gint64        node_id)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gint64 case_id = 0;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), 0);

  stmt = dossier_db_prepare (self->db,
                             "SELECT COALESCE ((SELECT node_id FROM case_file WHERE node_id = ?1),"
                             "  (SELECT case_id FROM event WHERE node_id = ?1),"
                             "  (SELECT case_id FROM claim WHERE node_id = ?1),"
                             "  (SELECT min (case_id) FROM participant WHERE node_id = ?1),"
                             "  (SELECT min (case_id) FROM case_source WHERE source_id = ?1),"
                             "  (SELECT min (p.case_id) FROM role r JOIN participant p ON p.node_id = r.person_id"
                             "   WHERE r.node_id = ?1), 0)",
                             NULL);
  if (stmt == NULL || !dossier_db_bind (self->db, stmt, NULL, "i", node_id) ||
      !dossier_db_query_int (self->db, stmt, &case_id, NULL))
    return 0;
  return case_id;
}
