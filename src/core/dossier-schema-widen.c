/* dossier-schema-widen.c
 *
 * CHECK constraints loosened in place, before migration 4 (SQLite's
 * documented procedure: the table's CREATE statement rewritten; nothing
 * stored changes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-schema"

#include "config.h"

#include "dossier-schema-check.h"
#include "dossier-store.h"

/* One CHECK constraint loosened in place: the table's CREATE statement is
 * rewritten, and the schema cookie raised so that every connection reads it
 * again. Fails unless exactly one table changed. */
static gboolean
loosen_check (DossierDb   *db,
              const char  *table,
              const char  *from,
              const char  *to,
              GError     **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (db, "PRAGMA schema_version", error);
  g_autofree char *bump = NULL;
  gint64 cookie = 0, count = 0;
  gboolean ok;

  if (stmt == NULL || !dossier_db_query_int (db, stmt, &cookie, error))
    return FALSE;
  g_clear_pointer (&stmt, dossier_db_release);
  if (!dossier_db_exec (db, "PRAGMA writable_schema = ON", error))
    return FALSE;

  ok = dossier_db_run (db, "UPDATE sqlite_schema SET sql = replace (sql, ?2, ?3) "
                           "WHERE type = 'table' AND name = ?1 AND instr (sql, ?2) > 0",
                       error, "ttt", table, from, to);
  count = sqlite3_changes64 (dossier_db_get_handle (db));

  bump = g_strdup_printf ("PRAGMA schema_version = %" G_GINT64_FORMAT "; PRAGMA writable_schema = OFF;",
                          cookie + 1);
  if (!ok)
    {
      dossier_db_exec (db, "PRAGMA writable_schema = OFF", NULL);
      return FALSE;
    }
  if (!dossier_db_exec (db, bump, error))
    return FALSE;

  if (count != 1)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_SQLITE,
                   "%s: the table %s is not as version 3 made it", dossier_db_get_path (db), table);
      return FALSE;
    }
  return TRUE;
}

/**
 * dossier_schema_widen_checks:
 *
 * Before migration 4: node.kind takes 'role' and 'claim', event.date a
 * year alone, in place.
 */
gboolean
dossier_schema_widen_checks (DossierDb  *db,
                             GError    **error)
{
  return loosen_check (db, "node", "'event','source')", "'event','source','role','claim')", error) &&
         loosen_check (db, "event", "CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'",
                       "CHECK (date GLOB '[0-9][0-9][0-9][0-9]' OR date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'",
                       error);
}
