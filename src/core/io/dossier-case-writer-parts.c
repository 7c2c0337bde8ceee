/* dossier-case-writer-parts.c
 *
 * The parts of a case file that dossier-case-writer.c writes for every kind
 * of item (its texts per language, the sources it cites, the user's notes on
 * it), the market series with their figures and breaks, and what belongs to
 * a case file alone: participants, events, claims and its list of sources.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-case-writer"

#include "config.h"

#include "dossier-case-writer-private.h"

/* Steps @stmt to its next row; FALSE at the end or on error (set). */
static gboolean
next_row (DossierCaseExport  *ex,
          sqlite3_stmt       *stmt,
          GError            **error)
{
  gboolean has_row = FALSE;

  return dossier_db_step_row (ex->db, stmt, &has_row, error) && has_row;
}

static DossierStmt *
prepare_for (DossierCaseExport  *ex,
             const char         *sql,
             gint64              id,
             GError            **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (ex->db, sql, error);

  if (stmt == NULL || !dossier_db_bind (ex->db, stmt, error, "i", id))
    return NULL;
  return g_steal_pointer (&stmt);
}

static gboolean
no_error (GError **error)
{
  return error == NULL || *error == NULL;
}

/**
 * _dossier_case_write_texts:
 * @always: write "text" even when the item has none (the reader asks for
 *   it on everything but sources)
 *
 * "text": {"en": {"title": …, "summary": …}, "fr": {…}}: every language the
 * item has a text in, even an empty one.
 */
gboolean
_dossier_case_write_texts (DossierCaseExport  *ex,
                           gint64              node_id,
                           gboolean            always,
                           GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    prepare_for (ex, "SELECT lang, title, summary FROM node_text WHERE node_id = ?1 ORDER BY lang", node_id, error);
  gboolean started = FALSE;

  if (stmt == NULL)
    return FALSE;

  while (next_row (ex, stmt, error))
    {
      if (!started)
        {
          dossier_json_writer_member (ex->json, "text");
          dossier_json_writer_begin_object (ex->json);
          started = TRUE;
        }
      dossier_json_writer_member (ex->json, dossier_db_column_text (stmt, 0));
      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "title", dossier_db_column_text (stmt, 1));
      dossier_json_writer_opt_string (ex->json, "summary", dossier_db_column_text (stmt, 2));
      dossier_json_writer_end_object (ex->json);
    }

  if (!started && always)
    {
      dossier_json_writer_member (ex->json, "text");
      dossier_json_writer_begin_object (ex->json);
      started = TRUE;
    }
  if (started)
    dossier_json_writer_end_object (ex->json);
  return no_error (error);
}

/* "sources": [{"source": slug, "stance": "supports"}], if it cites any. */
gboolean
_dossier_case_write_citations (DossierCaseExport  *ex,
                               gint64              node_id,
                               GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    prepare_for (ex,
                 "SELECT s.slug, c.stance FROM citation c JOIN node s ON s.id = c.source_id "
                 "WHERE c.node_id = ?1 ORDER BY c.source_id",
                 node_id, error);
  gboolean started = FALSE;

  if (stmt == NULL)
    return FALSE;

  while (next_row (ex, stmt, error))
    {
      if (!started)
        {
          dossier_json_writer_member (ex->json, "sources");
          dossier_json_writer_begin_array (ex->json);
          started = TRUE;
        }
      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "source", dossier_db_column_text (stmt, 0));
      dossier_json_writer_opt_string (ex->json, "stance", dossier_db_column_text (stmt, 1));
      dossier_json_writer_end_object (ex->json);
    }
  if (started)
    dossier_json_writer_end_array (ex->json);
  return no_error (error);
}

/* "notes": [{"body": …, "created": …, "modified": …}]: the user's notes on
 * a node (or, @node_id being 0, on the series @series_id), oldest first. */
gboolean
_dossier_case_write_notes (DossierCaseExport  *ex,
                           gint64              node_id,
                           gint64              series_id,
                           GError            **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean started = FALSE;

  if (node_id != 0)
    stmt = prepare_for (ex, "SELECT body, created, modified FROM note WHERE node_id = ?1 ORDER BY id",
                        node_id, error);
  else
    stmt = prepare_for (ex, "SELECT body, created, modified FROM note WHERE series_id = ?1 ORDER BY id",
                        series_id, error);
  if (stmt == NULL)
    return FALSE;

  while (next_row (ex, stmt, error))
    {
      if (!started)
        {
          dossier_json_writer_member (ex->json, "notes");
          dossier_json_writer_begin_array (ex->json);
          started = TRUE;
        }
      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "body", dossier_db_column_text (stmt, 0));
      dossier_json_writer_opt_string (ex->json, "created", dossier_db_column_text (stmt, 1));
      dossier_json_writer_opt_string (ex->json, "modified", dossier_db_column_text (stmt, 2));
      dossier_json_writer_end_object (ex->json);
    }
  if (started)
    dossier_json_writer_end_array (ex->json);
  return no_error (error);
}

static gboolean
write_shares (DossierCaseExport  *ex,
              gint64              series_id,
              GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    prepare_for (ex,
                 "SELECT m.period, o.slug, m.percent, s.slug FROM market_share m "
                 "JOIN node o ON o.id = m.organization_id JOIN node s ON s.id = m.source_id "
                 "WHERE m.series_id = ?1 ORDER BY m.period, m.percent DESC, o.slug",
                 series_id, error);

  if (stmt == NULL)
    return FALSE;

  dossier_json_writer_member (ex->json, "shares");
  dossier_json_writer_begin_array (ex->json);
  while (next_row (ex, stmt, error))
    {
      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "period", dossier_db_column_text (stmt, 0));
      dossier_json_writer_opt_string (ex->json, "entity", dossier_db_column_text (stmt, 1));
      dossier_json_writer_member (ex->json, "share");
      dossier_json_writer_double (ex->json, sqlite3_column_double (stmt, 2));
      dossier_json_writer_opt_string (ex->json, "source", dossier_db_column_text (stmt, 3));
      dossier_json_writer_end_object (ex->json);
    }
  dossier_json_writer_end_array (ex->json);
  return no_error (error);
}

static gboolean
write_break_texts (DossierCaseExport  *ex,
                   gint64              break_id,
                   GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    prepare_for (ex, "SELECT lang, note FROM market_break_text WHERE break_id = ?1 ORDER BY lang",
                 break_id, error);

  if (stmt == NULL)
    return FALSE;

  dossier_json_writer_member (ex->json, "text");
  dossier_json_writer_begin_object (ex->json);
  while (next_row (ex, stmt, error))
    {
      dossier_json_writer_member (ex->json, dossier_db_column_text (stmt, 0));
      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_member (ex->json, "note");
      dossier_json_writer_string (ex->json, dossier_db_column_text (stmt, 1));
      dossier_json_writer_end_object (ex->json);
    }
  dossier_json_writer_end_object (ex->json);
  return no_error (error);
}

static gboolean
write_breaks (DossierCaseExport  *ex,
              gint64              series_id,
              GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    prepare_for (ex,
                 "SELECT b.id, b.period, (SELECT slug FROM node WHERE id = b.organization_id), "
                 "       (SELECT slug FROM node WHERE id = b.source_id) "
                 "FROM market_break b WHERE b.series_id = ?1 ORDER BY b.period, b.id",
                 series_id, error);
  gboolean started = FALSE;

  if (stmt == NULL)
    return FALSE;

  while (next_row (ex, stmt, error))
    {
      if (!started)
        {
          dossier_json_writer_member (ex->json, "breaks");
          dossier_json_writer_begin_array (ex->json);
          started = TRUE;
        }
      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "period", dossier_db_column_text (stmt, 1));
      dossier_json_writer_opt_string (ex->json, "organization", dossier_db_column_text (stmt, 2));
      dossier_json_writer_opt_string (ex->json, "source", dossier_db_column_text (stmt, 3));
      if (!write_break_texts (ex, sqlite3_column_int64 (stmt, 0), error))
        return FALSE;
      dossier_json_writer_end_object (ex->json);
    }
  if (started)
    dossier_json_writer_end_array (ex->json);
  return no_error (error);
}

static gboolean
write_series_texts (DossierCaseExport  *ex,
                    gint64              series_id,
                    GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    prepare_for (ex, "SELECT lang, market, note FROM market_series_text WHERE series_id = ?1 ORDER BY lang",
                 series_id, error);

  if (stmt == NULL)
    return FALSE;

  dossier_json_writer_member (ex->json, "text");
  dossier_json_writer_begin_object (ex->json);
  while (next_row (ex, stmt, error))
    {
      dossier_json_writer_member (ex->json, dossier_db_column_text (stmt, 0));
      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_member (ex->json, "market");
      dossier_json_writer_string (ex->json, dossier_db_column_text (stmt, 1));
      dossier_json_writer_opt_string (ex->json, "note", dossier_db_column_text (stmt, 2));
      dossier_json_writer_end_object (ex->json);
    }
  dossier_json_writer_end_object (ex->json);
  return no_error (error);
}

/* "market_series": every series gathered, with its figures and breaks. */
gboolean
_dossier_case_write_series (DossierCaseExport  *ex,
                            GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    dossier_db_prepare (ex->db,
                        "SELECT id, slug, firm, yearly, complete FROM market_series "
                        "WHERE id IN temp.export_series ORDER BY id",
                        error);

  if (stmt == NULL)
    return FALSE;

  dossier_json_writer_member (ex->json, "market_series");
  dossier_json_writer_begin_array (ex->json);
  while (next_row (ex, stmt, error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "slug", dossier_db_column_text (stmt, 1));
      dossier_json_writer_opt_string (ex->json, "firm", dossier_db_column_text (stmt, 2));
      dossier_json_writer_opt_string (ex->json, "period_kind",
                                      sqlite3_column_int (stmt, 3) ? "year" : "quarter");
      dossier_json_writer_member (ex->json, "complete");
      dossier_json_writer_boolean (ex->json, sqlite3_column_int (stmt, 4) != 0);
      if (!write_series_texts (ex, id, error) ||
          !write_shares (ex, id, error) ||
          !write_breaks (ex, id, error) ||
          !_dossier_case_write_notes (ex, 0, id, error))
        return FALSE;
      dossier_json_writer_end_object (ex->json);
    }
  dossier_json_writer_end_array (ex->json);
  return no_error (error);
}

static gboolean
write_participants (DossierCaseExport  *ex,
                    gint64              case_id,
                    GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    prepare_for (ex,
                 "SELECT p.node_id, n.slug, p.standing FROM participant p JOIN node n ON n.id = p.node_id "
                 "WHERE p.case_id = ?1 ORDER BY p.position, p.node_id",
                 case_id, error);

  if (stmt == NULL)
    return FALSE;

  dossier_json_writer_member (ex->json, "participants");
  dossier_json_writer_begin_array (ex->json);
  while (next_row (ex, stmt, error))
    {
      g_autoptr(DossierStmt) roles = NULL;

      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "entity", dossier_db_column_text (stmt, 1));
      dossier_json_writer_opt_string (ex->json, "standing", dossier_db_column_text (stmt, 2));

      roles = dossier_db_prepare (ex->db,
                                  "SELECT lang, role FROM participant_text WHERE case_id = ?1 AND node_id = ?2 "
                                  "ORDER BY lang",
                                  error);
      if (roles == NULL ||
          !dossier_db_bind (ex->db, roles, error, "ii", case_id, sqlite3_column_int64 (stmt, 0)))
        return FALSE;
      dossier_json_writer_member (ex->json, "role");
      dossier_json_writer_begin_object (ex->json);
      while (next_row (ex, roles, error))
        {
          dossier_json_writer_member (ex->json, dossier_db_column_text (roles, 0));
          dossier_json_writer_string (ex->json, dossier_db_column_text (roles, 1));
        }
      dossier_json_writer_end_object (ex->json);
      if (!no_error (error))
        return FALSE;
      dossier_json_writer_end_object (ex->json);
    }
  dossier_json_writer_end_array (ex->json);
  return no_error (error);
}

/* A list of slugs, left out when empty: an event's actors, what it settles,
 * a case file's sources. */
static gboolean
write_slugs (DossierCaseExport  *ex,
             const char         *member,
             const char         *sql,
             gint64              id,
             GError            **error)
{
  g_autoptr(DossierStmt) stmt = prepare_for (ex, sql, id, error);
  gboolean started = FALSE;

  if (stmt == NULL)
    return FALSE;

  while (next_row (ex, stmt, error))
    {
      if (!started)
        {
          dossier_json_writer_member (ex->json, member);
          dossier_json_writer_begin_array (ex->json);
          started = TRUE;
        }
      dossier_json_writer_string (ex->json, dossier_db_column_text (stmt, 0));
    }
  if (started)
    dossier_json_writer_end_array (ex->json);
  return no_error (error);
}

static gboolean
write_events (DossierCaseExport  *ex,
              gint64              case_id,
              GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    prepare_for (ex,
                 "SELECT n.id, n.slug, e.date, e.kind, e.status FROM event e JOIN node n ON n.id = e.node_id "
                 "WHERE e.case_id = ?1 ORDER BY e.date, n.id",
                 case_id, error);

  if (stmt == NULL)
    return FALSE;

  dossier_json_writer_member (ex->json, "events");
  dossier_json_writer_begin_array (ex->json);
  while (next_row (ex, stmt, error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "slug", dossier_db_column_text (stmt, 1));
      dossier_json_writer_opt_string (ex->json, "date", dossier_db_column_text (stmt, 2));
      dossier_json_writer_opt_string (ex->json, "kind", dossier_db_column_text (stmt, 3));
      dossier_json_writer_opt_string (ex->json, "status", dossier_db_column_text (stmt, 4));
      if (!write_slugs (ex, "settles",
                        "SELECT n.slug FROM event e JOIN node n ON n.id = e.node_id "
                        "WHERE e.settled_by = ?1 ORDER BY n.id",
                        id, error) ||
          !write_slugs (ex, "actors",
                        "SELECT n.slug FROM event_actor a JOIN node n ON n.id = a.node_id "
                        "WHERE a.event_id = ?1 ORDER BY n.id",
                        id, error) ||
          !_dossier_case_write_texts (ex, id, TRUE, error) ||
          !_dossier_case_write_citations (ex, id, error) ||
          !_dossier_case_write_notes (ex, id, 0, error))
        return FALSE;
      dossier_json_writer_end_object (ex->json);
    }
  dossier_json_writer_end_array (ex->json);
  return no_error (error);
}

static gboolean
write_claims (DossierCaseExport  *ex,
              gint64              case_id,
              GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    prepare_for (ex,
                 "SELECT n.id, n.slug, (SELECT slug FROM node WHERE id = c.claimant_id), c.made "
                 "FROM claim c JOIN node n ON n.id = c.node_id WHERE c.case_id = ?1 ORDER BY n.id",
                 case_id, error);

  if (stmt == NULL)
    return FALSE;

  dossier_json_writer_member (ex->json, "claims");
  dossier_json_writer_begin_array (ex->json);
  while (next_row (ex, stmt, error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "slug", dossier_db_column_text (stmt, 1));
      dossier_json_writer_opt_string (ex->json, "claimant", dossier_db_column_text (stmt, 2));
      dossier_json_writer_opt_string (ex->json, "made", dossier_db_column_text (stmt, 3));
      if (!_dossier_case_write_texts (ex, id, TRUE, error) ||
          !_dossier_case_write_citations (ex, id, error) ||
          !_dossier_case_write_notes (ex, id, 0, error))
        return FALSE;
      dossier_json_writer_end_object (ex->json);
    }
  dossier_json_writer_end_array (ex->json);
  return no_error (error);
}

/* What belongs to the case file alone. */
gboolean
_dossier_case_write_case_parts (DossierCaseExport  *ex,
                                gint64              case_id,
                                GError            **error)
{
  return write_participants (ex, case_id, error) &&
         write_events (ex, case_id, error) &&
         write_claims (ex, case_id, error) &&
         write_slugs (ex, "source_list",
                      "SELECT n.slug FROM case_source c JOIN node n ON n.id = c.source_id "
                      "WHERE c.case_id = ?1 ORDER BY n.id",
                      case_id, error);
}
