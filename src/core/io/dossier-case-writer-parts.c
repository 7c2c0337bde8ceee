/* dossier-case-writer-parts.c
 *
 * How dossier-case-writer.c writes: a list of items, one object a row of a
 * query whose columns, named as the file names them ("AS publisher"), are
 * its members; the members every kind of item shares (its texts per
 * language, the sources it cites, the user's notes on it); and lists of
 * slugs. The market series with their figures and breaks are written here
 * too.
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

  if (stmt == NULL ||
      (sqlite3_bind_parameter_count (stmt) > 0 && !dossier_db_bind (ex->db, stmt, error, "i", id)))
    return NULL;
  return g_steal_pointer (&stmt);
}

static gboolean
no_error (GError **error)
{
  return error == NULL || *error == NULL;
}

/* "@member": [ (or {, @object) begun before the first element, so that an
 * empty one is left out. */
static void
open_once (DossierCaseExport *ex,
           const char        *member,
           gboolean           object,
           gboolean          *open)
{
  if (*open)
    return;
  dossier_json_writer_member (ex->json, member);
  if (object)
    dossier_json_writer_begin_object (ex->json);
  else
    dossier_json_writer_begin_array (ex->json);
  *open = TRUE;
}

static void
open_list (DossierCaseExport *ex,
           const char        *member,
           gboolean          *open)
{
  open_once (ex, member, FALSE, open);
}

static void
close_list (DossierCaseExport *ex,
            gboolean           open)
{
  if (open)
    dossier_json_writer_end_array (ex->json);
}

/* The row's columns from @first on, each a member named as the column,
 * left out when NULL or empty. */
static void
write_columns (DossierCaseExport *ex,
               sqlite3_stmt      *stmt,
               int                first)
{
  for (int i = first; i < sqlite3_column_count (stmt); i++)
    dossier_json_writer_opt_string (ex->json, sqlite3_column_name (stmt, i), dossier_db_column_text (stmt, i));
}

/* "text": {"en": {…}, "fr": {…}}: a row a language, the language first,
 * then the texts as columns; with @always, "text": {} when there is none
 * (the reader asks for it on everything but sources). */
static gboolean
write_texts_query (DossierCaseExport  *ex,
                   const char         *sql,
                   gint64              id,
                   gboolean            always,
                   GError            **error)
{
  g_autoptr(DossierStmt) stmt = prepare_for (ex, sql, id, error);
  gboolean open = FALSE;

  if (stmt == NULL)
    return FALSE;

  while (next_row (ex, stmt, error))
    {
      open_once (ex, "text", TRUE, &open);
      dossier_json_writer_member (ex->json, dossier_db_column_text (stmt, 0));
      dossier_json_writer_begin_object (ex->json);
      write_columns (ex, stmt, 1);
      dossier_json_writer_end_object (ex->json);
    }
  if (always)
    open_once (ex, "text", TRUE, &open);
  if (open)
    dossier_json_writer_end_object (ex->json);
  return no_error (error);
}

/* "sources": [{"source": slug, "stance": "supports"}], if it cites any. */
static gboolean
write_citations (DossierCaseExport  *ex,
                 gint64              node_id,
                 GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    prepare_for (ex,
                 "SELECT s.slug AS source, c.stance AS stance FROM citation c JOIN node s ON s.id = c.source_id "
                 "WHERE c.node_id = ?1 ORDER BY c.source_id",
                 node_id, error);
  gboolean open = FALSE;

  if (stmt == NULL)
    return FALSE;

  while (next_row (ex, stmt, error))
    {
      open_list (ex, "sources", &open);
      dossier_json_writer_begin_object (ex->json);
      write_columns (ex, stmt, 0);
      dossier_json_writer_end_object (ex->json);
    }
  close_list (ex, open);
  return no_error (error);
}

/* "notes": [{"body": …, "created": …, "modified": …}]: the user's notes on
 * a node (or, @node_id being 0, on the series @series_id), oldest first. */
static gboolean
write_notes (DossierCaseExport  *ex,
             gint64              node_id,
             gint64              series_id,
             GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    node_id != 0 ? prepare_for (ex, "SELECT body, created, modified FROM note WHERE node_id = ?1 ORDER BY id",
                                node_id, error)
                 : prepare_for (ex, "SELECT body, created, modified FROM note WHERE series_id = ?1 ORDER BY id",
                                series_id, error);
  gboolean open = FALSE;

  if (stmt == NULL)
    return FALSE;

  while (next_row (ex, stmt, error))
    {
      open_list (ex, "notes", &open);
      dossier_json_writer_begin_object (ex->json);
      write_columns (ex, stmt, 0);
      dossier_json_writer_end_object (ex->json);
    }
  close_list (ex, open);
  return no_error (error);
}

/**
 * _dossier_case_write_slugs:
 *
 * A list of slugs, the first column of @sql's rows, left out when empty: an
 * event's actors, what it settles, a case file's sources.
 */
gboolean
_dossier_case_write_slugs (DossierCaseExport  *ex,
                           const char         *member,
                           const char         *sql,
                           gint64              id,
                           GError            **error)
{
  g_autoptr(DossierStmt) stmt = prepare_for (ex, sql, id, error);
  gboolean open = FALSE;

  if (stmt == NULL)
    return FALSE;

  while (next_row (ex, stmt, error))
    {
      open_list (ex, member, &open);
      dossier_json_writer_string (ex->json, dossier_db_column_text (stmt, 0));
    }
  close_list (ex, open);
  return no_error (error);
}

/**
 * _dossier_case_write_nodes:
 * @member: the list's name in the file ("sources")
 * @sql: one row an item: its node's id, then its members as named columns
 * @id: bound to ?1, when @sql has it
 * @parts: what else each item has: its texts, citations, notes
 * @more: (nullable): writes what is particular to the kind, after the
 *   columns
 *
 * Writes "@member": [{…}, …], even when empty (the reader asks for it), or
 * with %DOSSIER_CASE_SINGLE "@member": {…} for the first row.
 */
gboolean
_dossier_case_write_nodes (DossierCaseExport      *ex,
                           const char             *member,
                           const char             *sql,
                           gint64                  id,
                           DossierCaseParts        parts,
                           DossierCaseMoreFunc     more,
                           GError                **error)
{
  g_autoptr(DossierStmt) stmt = prepare_for (ex, sql, id, error);

  if (stmt == NULL)
    return FALSE;

  dossier_json_writer_member (ex->json, member);
  if (!(parts & DOSSIER_CASE_SINGLE))
    dossier_json_writer_begin_array (ex->json);
  while (next_row (ex, stmt, error))
    {
      gint64 node_id = sqlite3_column_int64 (stmt, 0);

      dossier_json_writer_begin_object (ex->json);
      write_columns (ex, stmt, 1);
      if ((more != NULL && !more (ex, node_id, error)) ||
          ((parts & DOSSIER_CASE_TEXTS) &&
           !write_texts_query (ex, "SELECT lang, title, summary FROM node_text WHERE node_id = ?1 ORDER BY lang",
                               node_id, (parts & DOSSIER_CASE_TEXT_ALWAYS) != 0, error)) ||
          ((parts & DOSSIER_CASE_CITATIONS) && !write_citations (ex, node_id, error)) ||
          ((parts & DOSSIER_CASE_NOTES) && !write_notes (ex, node_id, 0, error)))
        return FALSE;
      dossier_json_writer_end_object (ex->json);
      if (parts & DOSSIER_CASE_SINGLE)
        break;
    }
  if (!(parts & DOSSIER_CASE_SINGLE))
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
write_breaks (DossierCaseExport  *ex,
              gint64              series_id,
              GError            **error)
{
  g_autoptr(DossierStmt) stmt =
    prepare_for (ex,
                 "SELECT b.id, b.period AS period, (SELECT slug FROM node WHERE id = b.organization_id) AS organization, "
                 "       (SELECT slug FROM node WHERE id = b.source_id) AS source "
                 "FROM market_break b WHERE b.series_id = ?1 ORDER BY b.period, b.id",
                 series_id, error);
  gboolean open = FALSE;

  if (stmt == NULL)
    return FALSE;

  while (next_row (ex, stmt, error))
    {
      open_list (ex, "breaks", &open);
      dossier_json_writer_begin_object (ex->json);
      write_columns (ex, stmt, 1);
      if (!write_texts_query (ex, "SELECT lang, note FROM market_break_text WHERE break_id = ?1 ORDER BY lang",
                              sqlite3_column_int64 (stmt, 0), TRUE, error))
        return FALSE;
      dossier_json_writer_end_object (ex->json);
    }
  close_list (ex, open);
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
      if (!write_texts_query (ex, "SELECT lang, market, note FROM market_series_text WHERE series_id = ?1 "
                                  "ORDER BY lang", id, TRUE, error) ||
          !write_shares (ex, id, error) ||
          !write_breaks (ex, id, error) ||
          !write_notes (ex, 0, id, error))
        return FALSE;
      dossier_json_writer_end_object (ex->json);
    }
  dossier_json_writer_end_array (ex->json);
  return no_error (error);
}

/**
 * _dossier_case_write_participants:
 *
 * "participants": [{"entity", "standing", "role": {"en": …}}], in order.
 */
gboolean
_dossier_case_write_participants (DossierCaseExport  *ex,
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
      g_autoptr(DossierStmt) roles =
        dossier_db_prepare (ex->db,
                            "SELECT lang, role FROM participant_text WHERE case_id = ?1 AND node_id = ?2 "
                            "ORDER BY lang",
                            error);

      dossier_json_writer_begin_object (ex->json);
      dossier_json_writer_opt_string (ex->json, "entity", dossier_db_column_text (stmt, 1));
      dossier_json_writer_opt_string (ex->json, "standing", dossier_db_column_text (stmt, 2));
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
