/* dossier-case-reader.c
 *
 * Reads a case file in Dossier's JSON format into the database, through the
 * database layer only: sources and entities (dossier-case-reader-refs.c),
 * market series (dossier-case-reader-market.c), then the case file itself,
 * its participants and its events, which belong to it alone. The caller
 * holds the transaction; every error names the file and the place in it (a
 * JSON path), so that nothing half-imported is kept and the user knows what
 * to fix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-case-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-case-reader.h"
#include "dossier-case-reader-private.h"
#include "dossier-case-writer.h"
#include "dossier-history.h"
#include "dossier-period.h"

typedef struct
{
  gint64 case_id;
  gint64 position;   /* of the next participant */
} CaseData;

static gboolean
import_participant (Import      *import,
                    JsonObject  *participant,
                    const char  *where,
                    gpointer     user_data,
                    GError     **error)
{
  CaseData *data = user_data;
  g_autofree char *role_where = g_strdup_printf ("%s.role", where);
  g_autofree char *conflict = NULL;
  g_autoptr(DossierStmt) stmt = NULL;
  g_autoptr(GList) langs = NULL;
  JsonObject *roles;
  const char *slug, *standing;
  gint64 node_id = 0;

  if ((slug = _dossier_case_need_string (import, participant, "entity", where, error)) == NULL ||
      !_dossier_case_opt_term (import, participant, "standing", DOSSIER_VOCABULARY_STANDING, where,
                               &standing, error) ||
      !_dossier_case_lookup (import, slug, "organization", "person", where, &node_id, error) ||
      (roles = _dossier_case_need_object (import, json_object_get_member (participant, "role"), where, error)) == NULL)
    return FALSE;

  stmt = dossier_db_prepare (import->db,
                             "INSERT INTO participant (case_id, node_id, position, standing) VALUES (?1, ?2, ?3, ?4)",
                             error);
  if (stmt == NULL ||
      !dossier_db_bind (import->db, stmt, error, "iiit", data->case_id, node_id, data->position++, standing))
    return FALSE;

  conflict = g_strdup_printf (_("“%s” is listed twice"), slug);
  if (!_dossier_case_step_insert (import, stmt, SQLITE_CONSTRAINT_PRIMARYKEY, where, conflict, error))
    return FALSE;

  langs = json_object_get_members (roles);
  for (const GList *l = langs; l; l = l->next)
    {
      const char *role = _dossier_case_need_string (import, roles, l->data, role_where, error);

      if (role == NULL ||
          !dossier_db_run (import->db,
                           "INSERT INTO participant_text (case_id, node_id, lang, role) VALUES (?1, ?2, ?3, ?4)",
                           error, "iitt", data->case_id, node_id, (const char *) l->data, role))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_actors (Import      *import,
               JsonObject  *event,
               gint64       event_id,
               const char  *where,
               GError     **error)
{
  JsonArray *actors;

  if (!json_object_has_member (event, "actors"))
    return TRUE;

  if ((actors = _dossier_case_need_array (import, event, "actors", where, error)) == NULL)
    return FALSE;

  for (guint j = 0; j < json_array_get_length (actors); j++)
    {
      g_autofree char *actor_where = g_strdup_printf ("%s.actors[%u]", where, j);
      JsonNode *element = json_array_get_element (actors, j);
      const char *actor = NULL;
      gint64 actor_id = 0;

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        actor = json_node_get_string (element);
      if (actor == NULL)
        return _dossier_case_fail (import, error, actor_where, _("expected a reference"));

      if (!_dossier_case_lookup (import, actor, "organization", "person", actor_where, &actor_id, error) ||
          !dossier_db_run (import->db,
                           "INSERT OR IGNORE INTO event_actor (event_id, node_id) VALUES (?1, ?2)",
                           error, "ii", event_id, actor_id))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_event (Import      *import,
              JsonObject  *event,
              const char  *where,
              gpointer     user_data,
              GError     **error)
{
  CaseData *data = user_data;
  const char *slug, *date, *kind, *status;
  guint8 settles = json_object_has_member (event, "settles");
  Ref *ref;

  g_byte_array_append (import->settling, &settles, 1);

  dossier_db_report_progress (import->db, import->events_done++, import->events_total);
  /* The undo record of a long file is written as it goes. */
  if (!dossier_history_checkpoint (import->db, error))
    return FALSE;

  if ((slug = _dossier_case_need_string (import, event, "slug", where, error)) == NULL ||
      (date = _dossier_case_need_string (import, event, "date", where, error)) == NULL ||
      !_dossier_case_opt_term (import, event, "kind", DOSSIER_VOCABULARY_EVENT_KIND, where, &kind, error) ||
      !_dossier_case_opt_term (import, event, "status", DOSSIER_VOCABULARY_EVENT_STATUS, where, &status, error))
    return FALSE;

  if (!dossier_date_parse (date, NULL, NULL, NULL))
    {
      g_autofree char *date_where = g_strdup_printf ("%s.date", where);

      return _dossier_case_fail (import, error, date_where, _("“%s” is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"), date);
    }

  return _dossier_case_insert_node (import, "event", slug, NULL, NULL, FALSE, where, &ref, error) &&
         dossier_db_run (import->db,
                         "INSERT INTO event (node_id, case_id, date, kind, status) "
                         "VALUES (?1, ?2, ?3, ?4, coalesce (?5, 'happened'))",
                         error, "iitt" "t", ref->id, data->case_id, date, kind, status) &&
         _dossier_case_insert_node_texts (import, event, ref->id, where, FALSE, error) &&
         _dossier_case_insert_citations (import, event, ref->id, where, error) &&
         _dossier_case_insert_notes (import, event, ref->id, 0, where, error) &&
         import_actors (import, event, ref->id, where, error);
}

/* "market": {"series": slug, "period": "2019-Q3"}: what the chart opens on
 * (the period may be left out). */
static gboolean
read_market (Import      *import,
             JsonObject  *object,
             const char  *where,
             gint64      *series_id,
             const char **period,
             GError     **error)
{
  g_autofree char *market_where = g_strdup_printf ("%s.market", where);
  JsonObject *market;
  const char *slug;
  Ref *ref;

  *series_id = 0;
  *period = NULL;
  if (!json_object_has_member (object, "market"))
    return TRUE;

  market = _dossier_case_need_object (import, json_object_get_member (object, "market"), market_where, error);
  if (market == NULL ||
      (slug = _dossier_case_need_string (import, market, "series", market_where, error)) == NULL)
    return FALSE;

  /* The period is left out when the chart opens on the latest one. */
  *period = _dossier_case_opt_string (market, "period");
  if (*period != NULL && !dossier_period_parse (*period, NULL, NULL))
    return _dossier_case_fail (import, error, market_where, _("“%s” is not a period (YYYY-Qn or YYYY)"), *period);

  if ((ref = g_hash_table_lookup (import->series, slug)) == NULL)
    return _dossier_case_fail (import, error, market_where, _("unknown series “%s”"), slug);

  *series_id = ref->id;
  return TRUE;
}

/* The sources of the case file's source list: in version 1, every source of
 * the file; from version 2, those "source_list" names. */
static gboolean
import_source_list (Import      *import,
                    JsonObject  *root,
                    JsonObject  *object,
                    gint64       case_id,
                    const char  *where,
                    GError     **error)
{
  g_autofree char *list_where = g_strdup_printf ("%s.source_list", where);
  g_autoptr(GPtrArray) slugs = g_ptr_array_new ();

  if (import->version < 2)
    {
      JsonArray *sources = json_object_get_array_member (root, "sources");

      for (guint i = 0; i < json_array_get_length (sources); i++)
        g_ptr_array_add (slugs, (gpointer) json_object_get_string_member (json_array_get_object_element (sources, i), "slug"));
    }
  else if (json_object_has_member (object, "source_list"))
    {
      JsonArray *list = _dossier_case_need_array (import, object, "source_list", where, error);

      if (list == NULL)
        return FALSE;
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *element = json_array_get_element (list, i);

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
            {
              g_autofree char *element_where = g_strdup_printf ("%s[%u]", list_where, i);

              return _dossier_case_fail (import, error, element_where, _("expected a reference"));
            }
          g_ptr_array_add (slugs, (gpointer) json_node_get_string (element));
        }
    }

  for (guint i = 0; i < slugs->len; i++)
    {
      gint64 source_id = 0;

      if (!_dossier_case_lookup (import, slugs->pdata[i], "source", NULL, list_where, &source_id, error) ||
          !dossier_db_run (import->db,
                           "INSERT INTO case_source (case_id, source_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                           error, "ii", case_id, source_id))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_case (Import      *import,
             JsonObject  *root,
             JsonObject  *object,
             const char  *where,
             gint64      *case_id,
             GError     **error)
{
  g_autofree char *court_where = g_strdup_printf ("%s.court", where);
  g_autofree char *filed_where = g_strdup_printf ("%s.filed", where);
  g_autofree char *participants_where = g_strdup_printf ("%s.participants", where);
  g_autofree char *events_where = g_strdup_printf ("%s.events", where);
  const char *slug, *court, *filed, *status, *period = NULL;
  gint64 court_id = 0, series_id = 0;
  CaseData data = { 0, 0 };
  Ref *ref;

  if ((slug = _dossier_case_need_string (import, object, "slug", where, error)) == NULL ||
      !_dossier_case_opt_term (import, object, "status", DOSSIER_VOCABULARY_CASE_STATUS, where, &status, error) ||
      !_dossier_case_begin_case (import, object, slug, where, error))
    return FALSE;

  court = _dossier_case_opt_string (object, "court");
  if (court != NULL && !_dossier_case_lookup (import, court, NULL, NULL, court_where, &court_id, error))
    return FALSE;

  filed = _dossier_case_opt_string (object, "filed");
  if (!_dossier_case_check_date (import, filed, filed_where, error) ||
      !read_market (import, object, where, &series_id, &period, error) ||
      !_dossier_case_insert_node (import, "case", slug, NULL, NULL, FALSE, where, &ref, error) ||
      !_dossier_case_insert_node_texts (import, object, ref->id, where, TRUE, error) ||
      !_dossier_case_mark_copy (import, ref->id, error) ||
      !dossier_db_run (import->db,
                       "INSERT INTO case_file (node_id, docket, court_id, filed, market_series_id, market_period,"
                       "                       judge, status) "
                       "VALUES (?1, ?2, NULLIF (?3, 0), NULLIF (?4, ''), NULLIF (?5, 0), ?6, NULLIF (?7, ''), ?8)",
                       error, "itit" "it" "tt", ref->id, _dossier_case_opt_string (object, "docket") ?: "", court_id,
                       filed, series_id, period, _dossier_case_opt_string (object, "judge"), status) ||
      !_dossier_case_insert_citations (import, object, ref->id, where, error) ||
      !_dossier_case_insert_notes (import, object, ref->id, 0, where, error))
    return FALSE;

  data.case_id = ref->id;
  g_byte_array_set_size (import->settling, 0);
  if (!_dossier_case_each_object (import, object, "participants", where, participants_where,
                                  import_participant, &data, error) ||
      !_dossier_case_each_event (import, object, where, events_where, import_event, &data, NULL, error) ||
      !_dossier_case_import_settled (import, object, where, error) ||
      !_dossier_case_import_claims (import, object, ref->id, where, error) ||
      !import_source_list (import, root, object, ref->id, where, error))
    return FALSE;

  *case_id = ref->id;
  dossier_db_note_change (import->db, DOSSIER_OBJECT_CASE, DOSSIER_CHANGE_ADDED, ref->id, ref->id);
  return TRUE;
}

/* "case": one case file (the bundled one), or "cases": a list of them (an
 * export of a whole database); @case_id is the first one's. */
static gboolean
import_cases (Import      *import,
              JsonObject  *root,
              gint64      *case_id,
              GError     **error)
{
  JsonArray *cases;

  if (json_object_has_member (root, "case") && json_object_has_member (root, "cases"))
    return _dossier_case_fail (import, error, "$", _("“case” and “cases” cannot both be given"));

  if (json_object_has_member (root, "case"))
    {
      JsonObject *object = _dossier_case_need_object (import, json_object_get_member (root, "case"), "case", error);

      return object != NULL && import_case (import, root, object, "case", case_id, error);
    }

  if (!json_object_has_member (root, "cases"))
    return TRUE;

  if ((cases = _dossier_case_need_array (import, root, "cases", "$", error)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      g_autofree char *where = g_strdup_printf ("cases[%u]", i);
      JsonObject *object = _dossier_case_need_object (import, json_array_get_element (cases, i), where, error);
      gint64 id = 0;

      if (object == NULL || !import_case (import, root, object, where, &id, error))
        return FALSE;
      if (*case_id == 0)
        *case_id = id;
    }

  return TRUE;
}

static gboolean
last_id (DossierDb   *db,
         const char  *sql,
         gint64      *id,
         GError     **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (db, sql, error);

  return stmt != NULL && dossier_db_query_int (db, stmt, id, error);
}

/**
 * dossier_case_reader_import:
 * @json: (nullable): the file's bytes, or %NULL to read @path
 * @path: (nullable): the file, read a piece at a time
 * @file_name: the name used in error messages
 * @flags: %DOSSIER_IMPORT_AS_COPY to add a case file the database already
 *   has as a copy ("Title (2)"), rather than refusing it
 * @case_id: (out) (optional): the (first) case file added, or 0 for a file
 *   that brings only sources, organizations and market figures
 *
 * Reads a case file into @db. The caller runs this in a transaction
 * (dossier_db_transaction()), which an error rolls back. A case file the
 * database has already is refused with %DOSSIER_STORE_ERROR_CASE_EXISTS.
 * The events are read from the file one at a time (dossier-json-split.c):
 * the memory taken does not grow with them.
 */
gboolean
dossier_case_reader_import (DossierDb         *db,
                            GBytes            *json,
                            const char        *path,
                            const char        *file_name,
                            DossierImportFlags flags,
                            gint64            *case_id,
                            GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(DossierJsonSplit) split = NULL;
  g_autoptr(GHashTable) lists = NULL;
  g_autoptr(GByteArray) settling = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  Import import = { db, file_name, refs, series, 0, (flags & DOSSIER_IMPORT_AS_COPY) != 0, "", 0, 0 };
  JsonObject *root;
  JsonNode *version;
  gint64 id = 0;
  gsize size;
  const char *skeleton;
  gboolean utf8;

  g_return_val_if_fail ((json == NULL) != (path == NULL), FALSE);

  if (case_id != NULL)
    *case_id = 0;

  if ((split = dossier_json_split_new (json, path, error)) == NULL)
    return FALSE;
  if (!dossier_json_split_scan (split, &utf8, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   /* Translators: 1 a file, 2 why it cannot be read */
                   _("Cannot read %1$s: %2$s"), path ? path : file_name, local_error->message);
      return FALSE;
    }
  import.split = split;
  import.settling = settling;

  if (!utf8)
    return _dossier_case_fail (&import, error, "$", _("not a text file in UTF-8"));
  {
    guint line, column;
    const char *mistake = dossier_json_split_get_mistake (split, &line, &column);

    if (mistake != NULL)
      {
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BAD_CASE_FILE, "%s:%u:%u: %s", file_name,
                     line, column, mistake);
        return FALSE;
      }
  }

  /* Found by fuzzing: json-glib refuses an empty buffer with a critical. */
  skeleton = dossier_json_split_get_skeleton (split, &size);
  if (size == 0)
    return _dossier_case_fail (&import, error, "$", _("the file is empty"));

  if (!json_parser_load_from_data (parser, skeleton, size, &local_error))
    return _dossier_case_parse_failed (&import, local_error, 0, 0, error);

  root = _dossier_case_need_object (&import, json_parser_get_root (parser), "$", error);
  if (root == NULL)
    return FALSE;
  _dossier_case_find_lists (&import, root);
  lists = import.lists;

  if (g_strcmp0 (_dossier_case_opt_string (root, "format"), "dossier-case") != 0)
    return _dossier_case_fail (&import, error, "$", _("not a Dossier case file (“format” is not “dossier-case”)"));

  version = json_object_get_member (root, "version");
  if (version != NULL && JSON_NODE_HOLDS_VALUE (version) && json_node_get_value_type (version) == G_TYPE_INT64)
    import.version = json_node_get_int (version);
  if (import.version < 1 || import.version > DOSSIER_CASE_FORMAT_VERSION)
    return _dossier_case_fail (&import, error, "$.version",
                               _("only versions 1 to %d of the case-file format are known"),
                               DOSSIER_CASE_FORMAT_VERSION);

  import.events_total = _dossier_case_count_events (&import, root);
  if (!last_id (db, "SELECT max (id) FROM node", &import.last_node, error) ||
      !last_id (db, "SELECT max (id) FROM market_series", &import.last_series, error) ||
      !_dossier_case_import_sources (&import, root, error) ||
      !_dossier_case_import_entities (&import, root, error) ||
      !_dossier_case_import_parents (&import, root, error) ||
      !_dossier_case_import_roles (&import, root, error) ||
      !_dossier_case_import_series (&import, root, error) ||
      !import_cases (&import, root, &id, error))
    return FALSE;

  if (case_id != NULL)
    *case_id = id;
  return TRUE;
}
