/* dossier-case-reader-market.c
 *
 * A case file's market series and their figures. A series named again by a
 * later case file (same slug, same kind of period) is the same series: its
 * texts stay, and a figure it already has must be the same figure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-case-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-case-reader-private.h"
#include "dossier-period.h"

/* "complete": true when the source names every organization of the market. */
static gboolean
read_complete (Import      *import,
               JsonObject  *series,
               const char  *where,
               gboolean    *complete,
               GError     **error)
{
  JsonNode *node = json_object_get_member (series, "complete");

  *complete = FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _dossier_case_fail (import, error, where, _("“complete” must be true or false"));

  *complete = json_node_get_boolean (node);
  return TRUE;
}

/* A series named again by a later case file is the same series: its texts
 * stay, figures it already has must agree. */
static gboolean
insert_series (Import      *import,
               JsonObject  *series,
               const char  *slug,
               const char  *where,
               Ref        **ref,
               GError     **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  g_autofree char *conflict = NULL;
  g_autoptr(GList) langs = NULL;
  const char *firm, *period_kind;
  JsonObject *texts;
  gboolean complete;
  gint64 id = 0;

  if (g_hash_table_contains (import->series, slug))
    return _dossier_case_fail (import, error, where, _("“%s” is used twice"), slug);

  if ((firm = _dossier_case_need_string (import, series, "firm", where, error)) == NULL ||
      (period_kind = _dossier_case_need_string (import, series, "period_kind", where, error)) == NULL ||
      (texts = _dossier_case_need_object (import, json_object_get_member (series, "text"), where, error)) == NULL ||
      !read_complete (import, series, where, &complete, error))
    return FALSE;

  if (!g_str_equal (period_kind, "quarter") && !g_str_equal (period_kind, "year"))
    return _dossier_case_fail (import, error, where, _("period_kind must be “quarter” or “year”"));

  stmt = dossier_db_prepare (import->db, "SELECT id FROM market_series WHERE slug = ?1 AND yearly = ?2", error);
  if (stmt == NULL ||
      !dossier_db_bind (import->db, stmt, error, "ti", slug, (gint64) g_str_equal (period_kind, "year")) ||
      !dossier_db_query_int (import->db, stmt, &id, error))
    return FALSE;

  if (id != 0)
    {
      *ref = _dossier_case_remember (import->series, slug, id, period_kind, TRUE);
      return TRUE;
    }

  g_clear_pointer (&stmt, dossier_db_release);
  stmt = dossier_db_prepare (import->db,
                             "INSERT INTO market_series (slug, firm, yearly, complete) VALUES (?1, ?2, ?3, ?4)",
                             error);
  if (stmt == NULL ||
      !dossier_db_bind (import->db, stmt, error, "ttii", slug, firm,
                        (gint64) g_str_equal (period_kind, "year"), (gint64) complete))
    return FALSE;

  conflict = g_strdup_printf (_("“%s” is already in the database"), slug);
  if (!_dossier_case_step_insert (import, stmt, SQLITE_CONSTRAINT_UNIQUE, where, conflict, error))
    return FALSE;

  *ref = _dossier_case_remember (import->series, slug, dossier_db_last_insert_id (import->db),
                                 period_kind, FALSE);
  dossier_db_note_change (import->db, DOSSIER_OBJECT_MARKET_SERIES, DOSSIER_CHANGE_ADDED, (*ref)->id, 0);

  langs = json_object_get_members (texts);
  for (const GList *l = langs; l; l = l->next)
    {
      g_autofree char *text_where = g_strdup_printf ("%s.text.%s", where, (const char *) l->data);
      JsonObject *text = _dossier_case_need_object (import, json_object_get_member (texts, l->data), text_where, error);
      const char *market, *note;

      if (text == NULL ||
          (market = _dossier_case_need_string (import, text, "market", text_where, error)) == NULL)
        return FALSE;
      note = _dossier_case_opt_string (text, "note");

      if (!dossier_db_run (import->db,
                           "INSERT INTO market_series_text (series_id, lang, market, note) VALUES (?1, ?2, ?3, ?4)",
                           error, "ittt", (*ref)->id, (const char *) l->data, market, note ? note : ""))
        return FALSE;
    }

  return TRUE;
}

/* One figure of the series @user_data. */
static gboolean
insert_share (Import      *import,
              JsonObject  *share,
              const char  *where,
              gpointer     user_data,
              GError     **error)
{
  Ref *series = user_data;
  g_autoptr(DossierStmt) stmt = NULL;
  g_autofree char *conflict = NULL;
  gboolean yearly = g_str_equal (series->kind, "year");
  const char *period, *entity, *source;
  JsonNode *percent_node;
  gint64 org_id = 0, source_id = 0, same = 0;
  double percent;
  int quarter = 0;

  if ((period = _dossier_case_need_string (import, share, "period", where, error)) == NULL ||
      (entity = _dossier_case_need_string (import, share, "entity", where, error)) == NULL ||
      (source = _dossier_case_need_string (import, share, "source", where, error)) == NULL ||
      !_dossier_case_lookup (import, entity, "organization", NULL, where, &org_id, error) ||
      !_dossier_case_lookup (import, source, "source", NULL, where, &source_id, error))
    return FALSE;

  if (!dossier_period_parse (period, NULL, &quarter) || yearly != (quarter == 0))
    return _dossier_case_fail (import, error, where,
                               yearly ? _("period “%s” must be a year (YYYY)")
                                      : _("period “%s” must be a quarter (YYYY-Qn)"),
                               period);

  percent_node = json_object_get_member (share, "share");
  if (percent_node == NULL || !JSON_NODE_HOLDS_VALUE (percent_node) ||
      (json_node_get_value_type (percent_node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (percent_node) != G_TYPE_INT64))
    return _dossier_case_fail (import, error, where, _("“share” must be a number"));

  percent = json_node_get_double (percent_node);
  if (!(percent >= 0. && percent <= 100.))
    return _dossier_case_fail (import, error, where, _("share %g is not between 0 and 100"), percent);

  /* A figure the series already has is fine if it is the same figure. */
  stmt = dossier_db_prepare (import->db,
                             "SELECT count(*) FROM market_share WHERE series_id = ?1 AND period = ?2 "
                             "AND organization_id = ?3 AND percent = ?4 AND source_id = ?5",
                             error);
  if (stmt == NULL ||
      !dossier_db_bind (import->db, stmt, error, "itidi", series->id, period, org_id, percent, source_id) ||
      !dossier_db_query_int (import->db, stmt, &same, error))
    return FALSE;
  if (same > 0 && series->existing)
    return TRUE;

  g_clear_pointer (&stmt, dossier_db_release);
  stmt = dossier_db_prepare (import->db,
                             "INSERT INTO market_share (series_id, period, organization_id, percent, source_id) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)",
                             error);
  if (stmt == NULL ||
      !dossier_db_bind (import->db, stmt, error, "itidi", series->id, period, org_id, percent, source_id))
    return FALSE;

  conflict = g_strdup_printf (_("%s already has a figure for %s"), entity, period);
  if (!_dossier_case_step_insert (import, stmt, SQLITE_CONSTRAINT_PRIMARYKEY, where, conflict, error))
    return FALSE;

  /* A series the database had gains a figure: say so, once. */
  if (series->existing && !series->in_file)
    {
      series->in_file = TRUE;
      dossier_db_note_change (import->db, DOSSIER_OBJECT_MARKET_SERIES, DOSSIER_CHANGE_CHANGED, series->id, 0);
    }
  return TRUE;
}

static gboolean
import_one_series (Import      *import,
                   JsonObject  *series,
                   const char  *where,
                   gpointer     user_data,
                   GError     **error)
{
  g_autofree char *prefix = g_strdup_printf ("%s.shares", where);
  const char *slug;
  Ref *ref = NULL;

  return (slug = _dossier_case_need_string (import, series, "slug", where, error)) != NULL &&
         _dossier_case_need_array (import, series, "shares", where, error) != NULL &&
         insert_series (import, series, slug, where, &ref, error) &&
         _dossier_case_each_object (import, series, "shares", where, prefix, insert_share, ref, error) &&
         _dossier_case_import_breaks (import, series, ref, where, error) &&
         _dossier_case_insert_notes (import, series, 0, ref->id, where, error);
}

gboolean
_dossier_case_import_series (Import      *import,
                             JsonObject  *root,
                             GError     **error)
{
  if (!json_object_has_member (root, "market_series"))
    return TRUE;

  return _dossier_case_each_object (import, root, "market_series", "$", "market_series",
                                    import_one_series, NULL, error);
}
