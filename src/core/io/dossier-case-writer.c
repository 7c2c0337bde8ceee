/* dossier-case-writer.c
 *
 * Writes case files in Dossier's JSON format (docs/case-format.md), the one
 * dossier-case-reader.c reads: raw fields only, never text worded for
 * display. One case file is written with everything it needs to stand on
 * its own: its participants, the people and organizations its events and
 * claims name, their roles and parent organizations, the market series that
 * have figures for them, and every source any of these cites. "All" writes
 * the whole database.
 *
 * What to write is gathered first in temporary tables (the temp schema,
 * never the file's own, so a read-only database can be exported), then
 * written section by section; dossier-case-writer-parts.c writes the
 * members every kind of item shares (texts, citations, notes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-case-writer"

#include "config.h"

#include <string.h>

#include "dossier-case-writer.h"
#include "dossier-case-writer-private.h"

/* What an export takes, in the order it is gathered: a closure over the
 * references of the case files asked for. ?1 is the case file, 0 for all. */
static const char * const gather[] = {
  "CREATE TEMP TABLE IF NOT EXISTS export_case (id INTEGER PRIMARY KEY)",
  "CREATE TEMP TABLE IF NOT EXISTS export_node (id INTEGER PRIMARY KEY)",
  "CREATE TEMP TABLE IF NOT EXISTS export_series (id INTEGER PRIMARY KEY)",
  "DELETE FROM temp.export_case",
  "DELETE FROM temp.export_node",
  "DELETE FROM temp.export_series",
  "INSERT INTO temp.export_case SELECT node_id FROM case_file WHERE ?1 = 0 OR node_id = ?1",
  /* Everything shared, when all is asked for. */
  "INSERT INTO temp.export_node "
  "  SELECT id FROM node WHERE ?1 = 0 AND kind IN ('organization', 'person', 'role', 'source')",
  "INSERT INTO temp.export_series SELECT id FROM market_series WHERE ?1 = 0",
  /* Who the case files name. */
  "INSERT OR IGNORE INTO temp.export_node "
  "  SELECT node_id FROM participant WHERE case_id IN temp.export_case "
  "  UNION SELECT a.node_id FROM event_actor a JOIN event e ON e.node_id = a.event_id "
  "    WHERE e.case_id IN temp.export_case "
  "  UNION SELECT claimant_id FROM claim WHERE case_id IN temp.export_case AND claimant_id IS NOT NULL "
  "  UNION SELECT court_id FROM case_file WHERE node_id IN temp.export_case AND court_id IS NOT NULL",
  /* The market they are in: the series a case file opens on, and every
   * series with a figure for one of them, with all its providers. */
  "INSERT OR IGNORE INTO temp.export_series "
  "  SELECT market_series_id FROM case_file "
  "    WHERE node_id IN temp.export_case AND market_series_id IS NOT NULL "
  "  UNION SELECT series_id FROM market_share WHERE organization_id IN temp.export_node",
  "INSERT OR IGNORE INTO temp.export_node "
  "  SELECT organization_id FROM market_share WHERE series_id IN temp.export_series "
  "  UNION SELECT organization_id FROM market_break "
  "    WHERE series_id IN temp.export_series AND organization_id IS NOT NULL",
  /* Their roles, and who or what is at the other end of each. */
  "INSERT OR IGNORE INTO temp.export_node "
  "  SELECT node_id FROM role WHERE person_id IN temp.export_node OR organization_id IN temp.export_node",
  "INSERT OR IGNORE INTO temp.export_node "
  "  SELECT person_id FROM role WHERE node_id IN temp.export_node "
  "  UNION SELECT organization_id FROM role WHERE node_id IN temp.export_node",
  /* The organizations they belong to, up to the top. */
  "INSERT OR IGNORE INTO temp.export_node "
  "  WITH RECURSIVE up (id) AS ("
  "    SELECT id FROM temp.export_node "
  "    UNION SELECT p.parent_id FROM organization_parent p JOIN up ON p.node_id = up.id) "
  "  SELECT id FROM up",
  /* Every source the case files list, and any of these cites. */
  "INSERT OR IGNORE INTO temp.export_node "
  "  SELECT source_id FROM case_source WHERE case_id IN temp.export_case "
  "  UNION SELECT source_id FROM citation WHERE node_id IN temp.export_node OR node_id IN temp.export_case "
  "  UNION SELECT c.source_id FROM citation c JOIN event e ON e.node_id = c.node_id "
  "    WHERE e.case_id IN temp.export_case "
  "  UNION SELECT c.source_id FROM citation c JOIN claim m ON m.node_id = c.node_id "
  "    WHERE m.case_id IN temp.export_case "
  "  UNION SELECT source_id FROM market_share WHERE series_id IN temp.export_series "
  "  UNION SELECT source_id FROM market_break WHERE series_id IN temp.export_series AND source_id IS NOT NULL",
};

static gboolean
gather_export (DossierDb  *db,
               gint64      case_id,
               GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (gather); i++)
    if (!dossier_db_run (db, gather[i], error, strstr (gather[i], "?1") ? "i" : "", case_id))
      return FALSE;
  return TRUE;
}

static gboolean
write_sources (DossierCaseExport  *ex,
               GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    dossier_db_prepare (ex->db,
                        "SELECT n.id, n.slug, n.name, s.publisher, s.published, s.url, s.lang, s.author "
                        "FROM node n JOIN source s ON s.node_id = n.id "
                        "WHERE n.id IN temp.export_node ORDER BY n.id",
                        error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  dossier_json_writer_member (ex->json, "sources");
  dossier_json_writer_begin_array (ex->json);
  while (dossier_db_step_row (ex->db, stmt, &has_row, error) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "slug", dossier_db_column_text (stmt, 1));
      dossier_json_writer_opt_string (ex->json, "publisher", dossier_db_column_text (stmt, 3));
      dossier_json_writer_opt_string (ex->json, "title", dossier_db_column_text (stmt, 2));
      dossier_json_writer_opt_string (ex->json, "author", dossier_db_column_text (stmt, 7));
      dossier_json_writer_opt_string (ex->json, "published", dossier_db_column_text (stmt, 4));
      dossier_json_writer_opt_string (ex->json, "url", dossier_db_column_text (stmt, 5));
      dossier_json_writer_opt_string (ex->json, "lang", dossier_db_column_text (stmt, 6));
      if (!_dossier_case_write_texts (ex, id, FALSE, error) ||
          !_dossier_case_write_notes (ex, id, 0, error))
        return FALSE;
      dossier_json_writer_end_object (ex->json);
    }
  dossier_json_writer_end_array (ex->json);

  return error == NULL || *error == NULL;
}

static gboolean
write_entities (DossierCaseExport  *ex,
                GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    dossier_db_prepare (ex->db,
                        "SELECT n.id, n.slug, n.kind, n.name, n.short_name, "
                        "       (SELECT slug FROM node WHERE id = p.parent_id) "
                        "FROM node n LEFT JOIN organization_parent p ON p.node_id = n.id "
                        "WHERE n.id IN temp.export_node AND n.kind IN ('organization', 'person') "
                        "ORDER BY n.id",
                        error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  dossier_json_writer_member (ex->json, "entities");
  dossier_json_writer_begin_array (ex->json);
  while (dossier_db_step_row (ex->db, stmt, &has_row, error) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "slug", dossier_db_column_text (stmt, 1));
      dossier_json_writer_opt_string (ex->json, "kind", dossier_db_column_text (stmt, 2));
      dossier_json_writer_opt_string (ex->json, "name", dossier_db_column_text (stmt, 3));
      dossier_json_writer_opt_string (ex->json, "short_name", dossier_db_column_text (stmt, 4));
      dossier_json_writer_opt_string (ex->json, "parent", dossier_db_column_text (stmt, 5));
      if (!_dossier_case_write_texts (ex, id, TRUE, error) ||
          !_dossier_case_write_citations (ex, id, error) ||
          !_dossier_case_write_notes (ex, id, 0, error))
        return FALSE;
      dossier_json_writer_end_object (ex->json);
    }
  dossier_json_writer_end_array (ex->json);

  return error == NULL || *error == NULL;
}

static gboolean
write_roles (DossierCaseExport  *ex,
             GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    dossier_db_prepare (ex->db,
                        "SELECT n.id, n.slug, pe.slug, o.slug, r.started, r.ended "
                        "FROM node n JOIN role r ON r.node_id = n.id "
                        "JOIN node pe ON pe.id = r.person_id JOIN node o ON o.id = r.organization_id "
                        "WHERE n.id IN temp.export_node ORDER BY n.id",
                        error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  dossier_json_writer_member (ex->json, "roles");
  dossier_json_writer_begin_array (ex->json);
  while (dossier_db_step_row (ex->db, stmt, &has_row, error) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "slug", dossier_db_column_text (stmt, 1));
      dossier_json_writer_opt_string (ex->json, "person", dossier_db_column_text (stmt, 2));
      dossier_json_writer_opt_string (ex->json, "organization", dossier_db_column_text (stmt, 3));
      dossier_json_writer_opt_string (ex->json, "from", dossier_db_column_text (stmt, 4));
      dossier_json_writer_opt_string (ex->json, "to", dossier_db_column_text (stmt, 5));
      if (!_dossier_case_write_texts (ex, id, TRUE, error) ||
          !_dossier_case_write_citations (ex, id, error) ||
          !_dossier_case_write_notes (ex, id, 0, error))
        return FALSE;
      dossier_json_writer_end_object (ex->json);
    }
  dossier_json_writer_end_array (ex->json);

  return error == NULL || *error == NULL;
}

static gboolean
write_cases (DossierCaseExport  *ex,
             gboolean            one,
             GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    dossier_db_prepare (ex->db,
                        "SELECT n.id, n.slug, c.docket, (SELECT slug FROM node WHERE id = c.court_id), c.filed, "
                        "       c.judge, c.status, (SELECT slug FROM market_series WHERE id = c.market_series_id), "
                        "       c.market_period "
                        "FROM node n JOIN case_file c ON c.node_id = n.id "
                        "WHERE n.id IN temp.export_case ORDER BY n.id",
                        error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  if (!one)
    {
      dossier_json_writer_member (ex->json, "cases");
      dossier_json_writer_begin_array (ex->json);
    }
  while (dossier_db_step_row (ex->db, stmt, &has_row, error) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (one)
        dossier_json_writer_member (ex->json, "case");
      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "slug", dossier_db_column_text (stmt, 1));
      dossier_json_writer_opt_string (ex->json, "docket", dossier_db_column_text (stmt, 2));
      dossier_json_writer_opt_string (ex->json, "court", dossier_db_column_text (stmt, 3));
      dossier_json_writer_opt_string (ex->json, "filed", dossier_db_column_text (stmt, 4));
      dossier_json_writer_opt_string (ex->json, "judge", dossier_db_column_text (stmt, 5));
      dossier_json_writer_opt_string (ex->json, "status", dossier_db_column_text (stmt, 6));
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        {
          dossier_json_writer_member (ex->json, "market");
          dossier_json_writer_begin_object (ex->json);
          dossier_json_writer_opt_string (ex->json, "series", dossier_db_column_text (stmt, 7));
          dossier_json_writer_opt_string (ex->json, "period", dossier_db_column_text (stmt, 8));
          dossier_json_writer_end_object (ex->json);
        }
      if (!_dossier_case_write_texts (ex, id, TRUE, error) ||
          !_dossier_case_write_citations (ex, id, error) ||
          !_dossier_case_write_notes (ex, id, 0, error) ||
          !_dossier_case_write_case_parts (ex, id, error))
        return FALSE;
      dossier_json_writer_end_object (ex->json);
    }
  if (!one)
    dossier_json_writer_end_array (ex->json);

  return error == NULL || *error == NULL;
}

/**
 * dossier_case_writer_write:
 * @case_id: the case file to write, or 0 for every case file and
 *   everything else the database holds
 *
 * Returns: (transfer full): the case file, or %NULL with @error set
 */
GBytes *
dossier_case_writer_write (DossierDb  *db,
                           gint64      case_id,
                           GError    **error)
{
  g_autoptr(DossierJsonWriter) json = dossier_json_writer_new ();
  DossierCaseExport ex = { db, json };
  g_autoptr(GError) local_error = NULL;

  if (!gather_export (db, case_id, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  dossier_json_writer_begin_object (json);
  dossier_json_writer_opt_string (json, "format", "dossier-case");
  dossier_json_writer_member (json, "version");
  dossier_json_writer_int (json, DOSSIER_CASE_FORMAT_VERSION);
  if (!write_sources (&ex, &local_error) ||
      !write_entities (&ex, &local_error) ||
      !write_roles (&ex, &local_error) ||
      !_dossier_case_write_series (&ex, &local_error) ||
      !write_cases (&ex, case_id != 0, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  dossier_json_writer_end_object (json);

  return dossier_json_writer_steal_bytes (json);
}
