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
  Ref *ref;

  if ((slug = _dossier_case_need_string (import, event, "slug", where, error)) == NULL ||
      (date = _dossier_case_need_string (import, event, "date", where, error)) == NULL ||
      !_dossier_case_opt_term (import, event, "kind", DOSSIER_VOCABULARY_EVENT_KIND, where, &kind, error) ||
      !_dossier_case_opt_term (import, event, "status", DOSSIER_VOCABULARY_EVENT_STATUS, where, &status, error))
    return FALSE;

  if (!dossier_date_parse (date, NULL, NULL, NULL))
    return _dossier_case_fail (import, error, where, _("“%s” is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"), date);

  return _dossier_case_insert_node (import, "event", slug, NULL, NULL, FALSE, where, &ref, error) &&
         dossier_db_run (import->db,
                         "INSERT INTO event (node_id, case_id, date, kind, status) "
                         "VALUES (?1, ?2, ?3, ?4, coalesce (?5, 'happened'))",
                         error, "iitt" "t", ref->id, data->case_id, date, kind, status) &&
         _dossier_case_insert_node_texts (import, event, ref->id, where, TRUE, error) &&
         _dossier_case_insert_citations (import, event, ref->id, where, error) &&
         import_actors (import, event, ref->id, where, error);
}

/* "market": {"series": slug, "period": "2019-Q3"}: what the chart opens on. */
static gboolean
read_market (Import      *import,
             JsonObject  *object,
             gint64      *series_id,
             const char **period,
             GError     **error)
{
  JsonObject *market;
  const char *slug;
  Ref *ref;

  *series_id = 0;
  *period = NULL;
  if (!json_object_has_member (object, "market"))
    return TRUE;

  market = _dossier_case_need_object (import, json_object_get_member (object, "market"), "case.market", error);
  if (market == NULL ||
      (*period = _dossier_case_need_string (import, market, "period", "case.market", error)) == NULL ||
      (slug = _dossier_case_need_string (import, market, "series", "case.market", error)) == NULL)
    return FALSE;

  if ((ref = g_hash_table_lookup (import->series, slug)) == NULL)
    return _dossier_case_fail (import, error, "case.market", _("unknown series “%s”"), slug);

  *series_id = ref->id;
  return TRUE;
}

static gboolean
import_case (Import      *import,
             JsonObject  *root,
             gint64      *case_id,
             GError     **error)
{
  JsonObject *object = _dossier_case_need_object (import, json_object_get_member (root, "case"), "case", error);
  JsonArray *sources = json_object_get_array_member (root, "sources");
  const char *slug, *court, *filed, *status, *period = NULL;
  gint64 court_id = 0, series_id = 0;
  CaseData data = { 0, 0 };
  Ref *ref;

  if (object == NULL ||
      (slug = _dossier_case_need_string (import, object, "slug", "case", error)) == NULL ||
      !_dossier_case_opt_term (import, object, "status", DOSSIER_VOCABULARY_CASE_STATUS, "case", &status, error))
    return FALSE;

  court = _dossier_case_opt_string (object, "court");
  if (court != NULL && !_dossier_case_lookup (import, court, NULL, NULL, "case.court", &court_id, error))
    return FALSE;

  filed = _dossier_case_opt_string (object, "filed");
  if (!_dossier_case_check_date (import, filed, "case.filed", error) ||
      !read_market (import, object, &series_id, &period, error) ||
      !_dossier_case_insert_node (import, "case", slug, NULL, NULL, FALSE, "case", &ref, error) ||
      !_dossier_case_insert_node_texts (import, object, ref->id, "case", TRUE, error) ||
      !dossier_db_run (import->db,
                       "INSERT INTO case_file (node_id, docket, court_id, filed, market_series_id, market_period,"
                       "                       judge, status) "
                       "VALUES (?1, ?2, NULLIF (?3, 0), NULLIF (?4, ''), NULLIF (?5, 0), ?6, NULLIF (?7, ''), ?8)",
                       error, "itit" "it" "tt", ref->id, _dossier_case_opt_string (object, "docket") ?: "", court_id,
                       filed, series_id, period, _dossier_case_opt_string (object, "judge"), status) ||
      !_dossier_case_insert_citations (import, object, ref->id, "case", error))
    return FALSE;

  data.case_id = ref->id;
  if (!_dossier_case_each_object (import, object, "participants", "case", "case.participants",
                                  import_participant, &data, error) ||
      !_dossier_case_each_object (import, object, "events", "case", "case.events",
                                  import_event, &data, error) ||
      !_dossier_case_import_settled (import, object, error) ||
      !_dossier_case_import_claims (import, object, ref->id, error))
    return FALSE;

  /* Every source the file brings belongs to the case file's source list. */
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      const char *source = json_object_get_string_member (json_array_get_object_element (sources, i), "slug");
      gint64 source_id = 0;

      if (!_dossier_case_lookup (import, source, "source", NULL, "sources", &source_id, error) ||
          !dossier_db_run (import->db, "INSERT INTO case_source (case_id, source_id) VALUES (?1, ?2)",
                           error, "ii", ref->id, source_id))
        return FALSE;
    }

  *case_id = ref->id;
  dossier_db_note_change (import->db, DOSSIER_OBJECT_CASE, DOSSIER_CHANGE_ADDED, ref->id, ref->id);
  return TRUE;
}

/**
 * dossier_case_reader_import:
 * @file_name: the name used in error messages
 * @case_id: (out) (optional): the case file added, or 0 for a file that
 *   brings only sources, organizations and market figures
 *
 * Reads a case file into @db. The caller runs this in a transaction
 * (dossier_db_transaction()), which an error rolls back.
 */
gboolean
dossier_case_reader_import (DossierDb   *db,
                            GBytes      *json,
                            const char  *file_name,
                            gint64      *case_id,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) parse_error = NULL;
  Import import = { db, file_name, refs, series };
  JsonObject *root;
  gint64 id = 0;
  gsize size;
  const char *data = g_bytes_get_data (json, &size);

  if (case_id != NULL)
    *case_id = 0;

  if (!json_parser_load_from_data (parser, data, size, &parse_error))
    {
      const char *message = parse_error->message;

      /* json-glib says "<data>:line:column: …" for data loaded from memory. */
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BAD_CASE_FILE,
                   "%s:%s", file_name, message);
      return FALSE;
    }

  root = _dossier_case_need_object (&import, json_parser_get_root (parser), "$", error);
  if (root == NULL)
    return FALSE;

  if (g_strcmp0 (_dossier_case_opt_string (root, "format"), "dossier-case") != 0)
    return _dossier_case_fail (&import, error, "$", _("not a Dossier case file (“format” is not “dossier-case”)"));

  if (json_object_get_int_member_with_default (root, "version", 0) != 1)
    return _dossier_case_fail (&import, error, "$.version", _("only version 1 of the case-file format is known"));

  if (!_dossier_case_import_sources (&import, root, error) ||
      !_dossier_case_import_entities (&import, root, error) ||
      !_dossier_case_import_parents (&import, root, error) ||
      !_dossier_case_import_roles (&import, root, error) ||
      !_dossier_case_import_series (&import, root, error) ||
      (json_object_has_member (root, "case") && !import_case (&import, root, &id, error)))
    return FALSE;

  if (case_id != NULL)
    *case_id = id;
  return TRUE;
}
