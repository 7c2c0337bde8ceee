/* dossier-schema-widen.c
 *
 * What older files need beside their migrations: CHECK constraints
 * loosened in place, before migration 4 (SQLite's documented procedure:
 * the table's CREATE statement rewritten; nothing stored changes); and the
 * bundled case file as the first releases shipped it, retired before the
 * corrected one is seeded.
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

/* The bundled case file as releases up to version 3 of the schema shipped
 * it, to be replaced by the corrected one (data/cases/jedi.json): its case
 * file, its market series, and the organizations, people and sources it
 * brought that nothing of the user's refers to. What the user made or
 * refers to stays (with the corrected texts for a bundled organization or
 * person); so does everything else in the file. The undo history
 * goes: it names rows of the old case file. */
static const char retire_bundled_1_sql[] =
  "CREATE TEMP TABLE retired (slug TEXT PRIMARY KEY, kind TEXT NOT NULL);"
  "INSERT INTO retired SELECT value, 'series' FROM json_each ('["
  "    \"synergy-iaas-paas\",\"synergy-cloud-infra\",\"canalys-cloud-infra\",\"gartner-iaas\""
  "  ]');"
  "INSERT INTO retired SELECT value, 'entity' FROM json_each ('["
  "    \"aws\",\"amazon\",\"microsoft\",\"dod\",\"united-states\",\"oracle\",\"ibm\",\"google\",\"alibaba\","
  "    \"salesforce\",\"tencent\",\"huawei\",\"gao\",\"cofc\",\"federal-circuit\",\"supreme-court\","
  "    \"jeff-bezos\",\"donald-trump\",\"mark-esper\",\"patricia-campbell-smith\",\"eric-bruggink\","
  "    \"ariel-kelman\",\"rachel-thornton\",\"matt-garman\""
  "  ]');"
  "INSERT INTO retired SELECT value, 'source' FROM json_each ('["
  "    \"gao-statement\",\"defense-one\",\"inside-defense\",\"nextgov-2018-12\","
  "    \"federal-news-network\",\"fcw\",\"defense-daily\",\"justia-oracle-doc-99\","
  "    \"washington-technology-2019-12\",\"washington-technology-2019-11\",\"docket-alarm\","
  "    \"crn\",\"nextgov-2020-01\",\"justia-aws-doc-173\",\"press-reports\",\"pilieromazza\","
  "    \"washington-post\",\"meritalk\",\"air-space-forces-magazine\",\"law360\",\"hstoday\","
  "    \"business-insider\",\"seed-article\",\"synergy-research\",\"canalys\",\"gartner\""
  "  ]');"
  "DELETE FROM node WHERE id IN (SELECT e.node_id FROM event e JOIN node c ON c.id = e.case_id"
  "                             WHERE c.slug = 'jedi-protest');"
  "DELETE FROM node WHERE kind = 'case' AND slug = 'jedi-protest';"
  "DELETE FROM market_series WHERE slug IN (SELECT slug FROM retired WHERE kind = 'series');"
  /* Those the user refers to stay, their texts and sources to be read
   * again from the corrected file: no release let the user edit them. */
  "DELETE FROM node_text WHERE node_id IN (SELECT id FROM node WHERE kind IN ('organization', 'person')"
  "  AND slug IN (SELECT slug FROM retired WHERE kind = 'entity'));"
  "DELETE FROM citation WHERE node_id IN (SELECT id FROM node WHERE kind IN ('organization', 'person')"
  "  AND slug IN (SELECT slug FROM retired WHERE kind = 'entity'));"
  "DELETE FROM node WHERE kind IN ('organization', 'person')"
  "  AND slug IN (SELECT slug FROM retired WHERE kind = 'entity')"
  "  AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.node_id = node.id)"
  "  AND NOT EXISTS (SELECT 1 FROM event_actor a WHERE a.node_id = node.id)"
  "  AND NOT EXISTS (SELECT 1 FROM market_share s WHERE s.organization_id = node.id)"
  "  AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.court_id = node.id);"
  "DELETE FROM node WHERE kind = 'source'"
  "  AND slug IN (SELECT slug FROM retired WHERE kind = 'source')"
  "  AND NOT EXISTS (SELECT 1 FROM case_source c WHERE c.source_id = node.id)"
  "  AND NOT EXISTS (SELECT 1 FROM citation c WHERE c.source_id = node.id)"
  "  AND NOT EXISTS (SELECT 1 FROM market_share s WHERE s.source_id = node.id);"
  "DROP TABLE temp.retired;"
  "DELETE FROM history;";

/**
 * dossier_schema_retire_bundled_1:
 *
 * Removes the bundled case file as releases up to version 3 shipped it
 * (see above), before the corrected one is seeded.
 */
gboolean
dossier_schema_retire_bundled_1 (DossierDb  *db,
                                 GError    **error)
{
  return dossier_db_exec (db, retire_bundled_1_sql, error);
}
