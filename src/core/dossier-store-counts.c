/* dossier-store-counts.c
 *
 * How many events a case file has on each of its dates: what its timeline
 * draws when it has too many events to show each one (a docket of a
 * million entries), read from the index on (case_id, date) alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include "dossier-db.h"
#include "dossier-store.h"
#include "dossier-store-private.h"

/**
 * dossier_store_count_events_by_date:
 * @case_id: the case file
 *
 * Returns: (transfer full): a #DossierDateCount for each date that has
 *   events ("2020-03" for an event known to the month), oldest first, or
 *   %NULL with @error set
 */
GArray *
dossier_store_count_events_by_date (DossierStore  *self,
                                    gint64         case_id,
                                    GError       **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (DossierDateCount));
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  stmt = dossier_db_prepare (self->db, "SELECT date, count(*) FROM event WHERE case_id = ?1 GROUP BY date ORDER BY date",
                             error);
  if (stmt == NULL || !dossier_db_bind (self->db, stmt, error, "i", case_id))
    return NULL;
  while (dossier_db_step_row (self->db, stmt, &has_row, error) && has_row)
    {
      DossierDateCount count = { { 0 }, sqlite3_column_int64 (stmt, 1) };

      g_strlcpy (count.date, dossier_db_column_text (stmt, 0), sizeof count.date);
      g_array_append_val (counts, count);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&counts);
}
