/* fuzz-common.h: what the libFuzzer targets share: GLib's warnings made
 * fatal and one in-memory Dossier database of this version's schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdint.h>
#include <string.h>

#include "dossier-db.h"
#include "dossier-schema.h"

static inline void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  /* A g_warning or g_critical is a bug the fuzzer found. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* Files read a few bytes at a time, and an import's undo record written
   * in parts of a few kilobytes: small inputs cross every boundary. Read
   * once, before the first input. */
  g_setenv ("DOSSIER_READ_PIECE_BYTES", "64", TRUE);
  g_setenv ("DOSSIER_HISTORY_PART_BYTES", "4096", TRUE);
}

/* The database every input is imported into and rolled back from. */
static inline DossierDb *
fuzz_get_db (void)
{
  static DossierDb *db;
  g_autoptr(GError) error = NULL;

  if (db != NULL)
    return db;

  fuzz_init ();
  db = dossier_db_open (":memory:", &error);
  if (db == NULL || !dossier_schema_prepare (db, NULL, NULL, &error))
    g_error ("fuzz: cannot make the database: %s", error->message);
  return db;
}

/* After the rollback, nothing of the input is left. */
static inline void
fuzz_assert_empty (DossierDb *db)
{
  static const char *const tables[] = { "node", "market_series", "market_share", "citation" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_autoptr(DossierStmt) stmt = dossier_db_prepare (db, sql, &error);
      gint64 count = -1;

      if (stmt == NULL || !dossier_db_query_int (db, stmt, &count, &error))
        g_error ("fuzz: %s", error->message);
      if (count != 0)
        g_error ("fuzz: %" G_GINT64_FORMAT " rows left in %s after the rollback", count, tables[i]);
    }
}
