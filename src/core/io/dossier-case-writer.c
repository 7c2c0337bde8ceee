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

#define ALL_PARTS (DOSSIER_CASE_TEXTS | DOSSIER_CASE_TEXT_ALWAYS | DOSSIER_CASE_CITATIONS | DOSSIER_CASE_NOTES)

static gboolean
write_sources (DossierCaseExport  *ex,
               GError            **error)
{
  return _dossier_case_write_nodes (ex, "sources",
                                    "SELECT n.id, n.slug AS slug, s.publisher AS publisher, n.name AS title, "
                                    "  s.author AS author, s.published AS published, s.url AS url, s.lang AS lang "
                                    "FROM node n JOIN source s ON s.node_id = n.id "
                                    "WHERE n.id IN temp.export_node ORDER BY n.id",
                                    0, DOSSIER_CASE_TEXTS | DOSSIER_CASE_NOTES, NULL, error);
}

static gboolean
write_entities (DossierCaseExport  *ex,
                GError            **error)
{
  return _dossier_case_write_nodes (ex, "entities",
                                    "SELECT n.id, n.slug AS slug, n.kind AS kind, n.name AS name, "
                                    "  n.short_name AS short_name, "
                                    "  (SELECT slug FROM node WHERE id = p.parent_id) AS parent "
                                    "FROM node n LEFT JOIN organization_parent p ON p.node_id = n.id "
                                    "WHERE n.id IN temp.export_node AND n.kind IN ('organization', 'person') "
                                    "ORDER BY n.id",
                                    0, ALL_PARTS, NULL, error);
}

static gboolean
write_roles (DossierCaseExport  *ex,
             GError            **error)
{
  return _dossier_case_write_nodes (ex, "roles",
                                    "SELECT n.id, n.slug AS slug, pe.slug AS person, o.slug AS organization, "
                                    "  r.started AS \"from\", r.ended AS \"to\" "
                                    "FROM node n JOIN role r ON r.node_id = n.id "
                                    "JOIN node pe ON pe.id = r.person_id JOIN node o ON o.id = r.organization_id "
                                    "WHERE n.id IN temp.export_node ORDER BY n.id",
                                    0, ALL_PARTS, NULL, error);
}

/* An event's: what it settled, who took part. */
static gboolean
write_event_links (DossierCaseExport  *ex,
                   gint64              event_id,
                   GError            **error)
{
  return _dossier_case_write_slugs (ex, "settles",
                                    "SELECT n.slug FROM event e JOIN node n ON n.id = e.node_id "
                                    "WHERE e.settled_by = ?1 ORDER BY n.id",
                                    event_id, error) &&
         _dossier_case_write_slugs (ex, "actors",
                                    "SELECT n.slug FROM event_actor a JOIN node n ON n.id = a.node_id "
                                    "WHERE a.event_id = ?1 ORDER BY n.id",
                                    event_id, error);
}

/* A case file's: the chart it opens on, then what belongs to it alone. */
static gboolean
write_case_parts (DossierCaseExport  *ex,
                  gint64              case_id,
                  GError            **error)
{
  g_autoptr(DossierStmt) market =
    dossier_db_prepare (ex->db,
                        "SELECT s.slug, c.market_period FROM case_file c JOIN market_series s "
                        "ON s.id = c.market_series_id WHERE c.node_id = ?1",
                        error);
  gboolean has_row = FALSE;

  if (market == NULL || !dossier_db_bind (ex->db, market, error, "i", case_id) ||
      !dossier_db_step_row (ex->db, market, &has_row, error))
    return FALSE;
  if (has_row)
    {
      dossier_json_writer_member (ex->json, "market");
      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "series", dossier_db_column_text (market, 0));
      dossier_json_writer_opt_string (ex->json, "period", dossier_db_column_text (market, 1));
      dossier_json_writer_end_object (ex->json);
    }

  return _dossier_case_write_participants (ex, case_id, error) &&
         _dossier_case_write_nodes (ex, "events",
                                    "SELECT n.id, n.slug AS slug, e.date AS date, e.kind AS kind, "
                                    "  e.status AS status "
                                    "FROM event e JOIN node n ON n.id = e.node_id "
                                    "WHERE e.case_id = ?1 ORDER BY e.date, n.id",
                                    case_id, ALL_PARTS, write_event_links, error) &&
         _dossier_case_write_nodes (ex, "claims",
                                    "SELECT n.id, n.slug AS slug, "
                                    "  (SELECT slug FROM node WHERE id = c.claimant_id) AS claimant, c.made AS made "
                                    "FROM claim c JOIN node n ON n.id = c.node_id WHERE c.case_id = ?1 ORDER BY n.id",
                                    case_id, ALL_PARTS, NULL, error) &&
         _dossier_case_write_slugs (ex, "source_list",
                                    "SELECT n.slug FROM case_source c JOIN node n ON n.id = c.source_id "
                                    "WHERE c.case_id = ?1 ORDER BY n.id",
                                    case_id, error);
}

/* "cases": [...], or "case": {...} for one case file, as the bundled one. */
static gboolean
write_cases (DossierCaseExport  *ex,
             gboolean            one,
             GError            **error)
{
  const char *sql =
    "SELECT n.id, n.slug AS slug, c.docket AS docket, (SELECT slug FROM node WHERE id = c.court_id) AS court, "
    "  c.filed AS filed, c.judge AS judge, c.status AS status "
    "FROM node n JOIN case_file c ON c.node_id = n.id "
    "WHERE n.id IN temp.export_case ORDER BY n.id";

  return _dossier_case_write_nodes (ex, one ? "case" : "cases", sql, 0,
                                    ALL_PARTS | (one ? DOSSIER_CASE_SINGLE : 0), write_case_parts, error);
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
