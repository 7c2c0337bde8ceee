/* dossier-case-reader-facts.c
 *
 * The parts of a case file that version 4 of the schema added, all of them
 * optional in the file: terms of the closed vocabularies, an
 * organization's parent, roles (a person at an organization), claims (who
 * asserts what in a case file), an expected event and the one that settled
 * it, and breaks in a market series' method.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-case-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-case-reader-private.h"
#include "dossier-period.h"

/* An optional member that must be one of @vocabulary's terms. */
gboolean
_dossier_case_opt_term (Import             *import,
                        JsonObject         *object,
                        const char         *member,
                        DossierVocabulary   vocabulary,
                        const char         *where,
                        const char        **term,
                        GError            **error)
{
  g_autofree char *terms = NULL;

  *term = _dossier_case_opt_string (object, member);
  if (*term == NULL || dossier_vocabulary_has_term (vocabulary, *term))
    return TRUE;

  terms = g_strjoinv (", ", (char **) dossier_vocabulary_get_terms (vocabulary));
  /* Translators: 1 a member of the file ("standing"), 2 the value found,
   * 3 the values allowed, as written in the file */
  return _dossier_case_fail (import, error, where, _("“%1$s” cannot be “%2$s”; it is one of: %3$s"),
                             member, *term, terms);
}

/* "parent": the slug of another organization (AWS under Amazon), read
 * once every entity is in. */
static gboolean
import_parent (Import      *import,
               JsonObject  *entity,
               const char  *where,
               gpointer     user_data,
               GError     **error)
{
  const char *parent = _dossier_case_opt_string (entity, "parent");
  gint64 parent_id = 0, id = 0;

  if (parent == NULL)
    return TRUE;

  if (!_dossier_case_lookup (import, json_object_get_string_member (entity, "slug"), "organization", NULL,
                             where, &id, error) ||
      !_dossier_case_lookup (import, parent, "organization", NULL, where, &parent_id, error))
    return FALSE;
  if (parent_id == id)
    return _dossier_case_fail (import, error, where, _("an organization cannot be its own parent"));

  return dossier_db_run (import->db,
                         "INSERT INTO organization_parent (node_id, parent_id) VALUES (?1, ?2) "
                         "ON CONFLICT DO NOTHING",
                         error, "ii", id, parent_id);
}

gboolean
_dossier_case_import_parents (Import      *import,
                              JsonObject  *root,
                              GError     **error)
{
  return _dossier_case_each_object (import, root, "entities", "$", "entities", import_parent, NULL, error);
}

static gboolean
check_span (Import      *import,
            const char  *from,
            const char  *to,
            const char  *where,
            GError     **error)
{
  if (!_dossier_case_check_date (import, from, where, error) ||
      !_dossier_case_check_date (import, to, where, error))
    return FALSE;

  if (from != NULL && to != NULL && *from && *to && g_strcmp0 (to, from) < 0)
    return _dossier_case_fail (import, error, where, _("ends (%s) before it starts (%s)"), to, from);
  return TRUE;
}

/* {"slug", "person", "organization", "from", "to", "text": {"en": {"title"}},
 *  "sources": […]} */
static gboolean
import_role (Import      *import,
             JsonObject  *role,
             const char  *where,
             gpointer     user_data,
             GError     **error)
{
  const char *slug, *person, *organization, *from, *to;
  gint64 person_id = 0, organization_id = 0;
  Ref *ref;

  if ((slug = _dossier_case_need_string (import, role, "slug", where, error)) == NULL ||
      (person = _dossier_case_need_string (import, role, "person", where, error)) == NULL ||
      (organization = _dossier_case_need_string (import, role, "organization", where, error)) == NULL ||
      !_dossier_case_lookup (import, person, "person", NULL, where, &person_id, error) ||
      !_dossier_case_lookup (import, organization, "organization", NULL, where, &organization_id, error))
    return FALSE;

  from = _dossier_case_opt_string (role, "from");
  to = _dossier_case_opt_string (role, "to");
  if (!check_span (import, from, to, where, error) ||
      !_dossier_case_insert_node (import, "role", slug, NULL, NULL, TRUE, where, &ref, error))
    return FALSE;

  /* A role the database already has stays as it is, like any shared node. */
  if (ref->existing)
    return TRUE;

  return dossier_db_run (import->db,
                         "INSERT INTO role (node_id, person_id, organization_id, started, ended) "
                         "VALUES (?1, ?2, ?3, NULLIF (?4, ''), NULLIF (?5, ''))",
                         error, "iiitt", ref->id, person_id, organization_id, from, to) &&
         _dossier_case_insert_node_texts (import, role, ref->id, where, FALSE, error) &&
         _dossier_case_insert_citations (import, role, ref->id, where, error) &&
         _dossier_case_insert_notes (import, role, ref->id, 0, where, error);
}

gboolean
_dossier_case_import_roles (Import      *import,
                            JsonObject  *root,
                            GError     **error)
{
  if (!json_object_has_member (root, "roles"))
    return TRUE;
  return _dossier_case_each_object (import, root, "roles", "$", "roles", import_role, NULL, error);
}

/* {"slug", "claimant", "made", "text": {"en": {"title", "summary"}},
 *  "sources": […]}, in the case file *@user_data. */
static gboolean
import_claim (Import      *import,
              JsonObject  *claim,
              const char  *where,
              gpointer     user_data,
              GError     **error)
{
  gint64 case_id = *(gint64 *) user_data;
  const char *slug, *claimant, *made;
  gint64 claimant_id = 0;
  Ref *ref;

  if ((slug = _dossier_case_need_string (import, claim, "slug", where, error)) == NULL)
    return FALSE;

  claimant = _dossier_case_opt_string (claim, "claimant");
  if (claimant != NULL &&
      !_dossier_case_lookup (import, claimant, "organization", "person", where, &claimant_id, error))
    return FALSE;

  made = _dossier_case_opt_string (claim, "made");
  return _dossier_case_check_date (import, made, where, error) &&
         _dossier_case_insert_node (import, "claim", slug, NULL, NULL, FALSE, where, &ref, error) &&
         dossier_db_run (import->db,
                         "INSERT INTO claim (node_id, case_id, claimant_id, made) "
                         "VALUES (?1, ?2, NULLIF (?3, 0), NULLIF (?4, ''))",
                         error, "iiit", ref->id, case_id, claimant_id, made) &&
         _dossier_case_insert_node_texts (import, claim, ref->id, where, FALSE, error) &&
         _dossier_case_insert_citations (import, claim, ref->id, where, error) &&
         _dossier_case_insert_notes (import, claim, ref->id, 0, where, error);
}

gboolean
_dossier_case_import_claims (Import      *import,
                             JsonObject  *case_object,
                             gint64       case_id,
                             const char  *case_where,
                             GError     **error)
{
  g_autofree char *prefix = g_strdup_printf ("%s.claims", case_where);

  if (!json_object_has_member (case_object, "claims"))
    return TRUE;
  return _dossier_case_each_object (import, case_object, "claims", case_where, prefix,
                                    import_claim, &case_id, error);
}

/* "settles": the slug of an expected event of the same case file that this
 * one settled (the ruling expected by February 11, given on February 13).
 * Read once every event is in. */
static gboolean
settle (Import      *import,
        gint64       id,
        const char  *settles,
        const char  *where,
        GError     **error)
{
  gint64 expected_id = 0;

  if (!_dossier_case_lookup (import, settles, "event", NULL, where, &expected_id, error))
    return FALSE;
  if (id == expected_id)
    return _dossier_case_fail (import, error, where, _("an event cannot settle itself"));

  return dossier_db_run (import->db, "UPDATE event SET settled_by = ?1 WHERE node_id = ?2",
                         error, "ii", id, expected_id);
}

static gboolean
import_settles (Import      *import,
                JsonObject  *event,
                const char  *where,
                gpointer     user_data,
                GError     **error)
{
  const char *slug = json_object_get_string_member (event, "slug");
  JsonNode *settles = json_object_get_member (event, "settles");
  g_autofree char *settles_where = g_strdup_printf ("%s.settles", where);
  gint64 id = 0;

  if (settles == NULL)
    return TRUE;

  if (!_dossier_case_lookup (import, slug, "event", NULL, where, &id, error))
    return FALSE;

  /* One expected event, or a list of them. */
  if (JSON_NODE_HOLDS_VALUE (settles) && json_node_get_value_type (settles) == G_TYPE_STRING)
    return settle (import, id, json_node_get_string (settles), settles_where, error);

  if (!JSON_NODE_HOLDS_ARRAY (settles))
    return _dossier_case_fail (import, error, settles_where, _("expected a reference or a list of them"));

  for (guint i = 0; i < json_array_get_length (json_node_get_array (settles)); i++)
    {
      g_autofree char *element_where = g_strdup_printf ("%s[%u]", settles_where, i);
      JsonNode *element = json_array_get_element (json_node_get_array (settles), i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return _dossier_case_fail (import, error, element_where, _("expected a reference"));
      if (!settle (import, id, json_node_get_string (element), element_where, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_dossier_case_import_settled (Import      *import,
                              JsonObject  *case_object,
                              const char  *case_where,
                              GError     **error)
{
  g_autofree char *prefix = g_strdup_printf ("%s.events", case_where);

  /* Only the events that settle others are read again. */
  return _dossier_case_each_event (import, case_object, case_where, prefix, import_settles, NULL,
                                   import->settling, error);
}

static gboolean
insert_note (Import      *import,
             JsonObject  *note,
             const char  *where,
             gpointer     user_data,
             GError     **error)
{
  gint64 *owner = user_data;   /* node, series */
  const char *body, *created, *modified;
  const char *stamps[2];

  if ((body = _dossier_case_need_string (import, note, "body", where, error)) == NULL)
    return FALSE;
  stamps[0] = created = _dossier_case_opt_string (note, "created");
  stamps[1] = modified = _dossier_case_opt_string (note, "modified");

  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    {
      g_autoptr(GDateTime) when = NULL;

      if (stamps[i] == NULL)
        continue;
      if ((when = g_date_time_new_from_iso8601 (stamps[i], NULL)) == NULL)
        return _dossier_case_fail (import, error, where,
                                   _("“%s” is not a date and time (such as 2020-02-13T09:30:00Z)"), stamps[i]);
    }

  /* An item that was there keeps its notes, and does not get one of them
   * again (the same file imported twice); a new item gets every note. */
  return dossier_db_run (import->db,
                         "INSERT INTO note (node_id, series_id, body, created, modified) "
                         "SELECT NULLIF (?1, 0), NULLIF (?2, 0), ?3, "
                         "       coalesce (?4, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')), "
                         "       coalesce (?5, ?4, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')) "
                         "WHERE NOT ?6 OR NOT EXISTS (SELECT 1 FROM note WHERE node_id IS NULLIF (?1, 0) "
                         "  AND series_id IS NULLIF (?2, 0) AND body = ?3 AND created IS coalesce (?4, created))",
                         error, "iitt" "ti", owner[0], owner[1], body, created, modified,
                         (gint64) (owner[0] != 0 ? owner[0] <= import->last_node : owner[1] <= import->last_series));
}

/* "notes": [{"body": …, "created": …, "modified": …}]: the user's notes on
 * the node @node_id, or on the series @series_id. */
gboolean
_dossier_case_insert_notes (Import      *import,
                            JsonObject  *object,
                            gint64       node_id,
                            gint64       series_id,
                            const char  *where,
                            GError     **error)
{
  g_autofree char *prefix = g_strdup_printf ("%s.notes", where);
  gint64 owner[2] = { node_id, series_id };

  if (!json_object_has_member (object, "notes"))
    return TRUE;
  return _dossier_case_each_object (import, object, "notes", where, prefix, insert_note, owner, error);
}

/* {"period", "organization", "source", "text": {"en": {"note"}}}: where
 * the series changed its method, for the series @user_data. */
static gboolean
import_break (Import      *import,
              JsonObject  *object,
              const char  *where,
              gpointer     user_data,
              GError     **error)
{
  Ref *series = user_data;
  g_autofree char *text_where = g_strdup_printf ("%s.text", where);
  g_autoptr(GList) langs = NULL;
  const char *period, *organization, *source;
  gint64 organization_id = 0, source_id = 0, break_id;
  JsonObject *texts;
  int quarter;

  if ((period = _dossier_case_need_string (import, object, "period", where, error)) == NULL ||
      (texts = _dossier_case_need_object (import, json_object_get_member (object, "text"), text_where, error)) == NULL)
    return FALSE;

  if (!dossier_period_parse (period, NULL, &quarter) ||
      (quarter == 0) != g_str_equal (series->kind, "year"))
    return _dossier_case_fail (import, error, where, _("“%s” is not a period of this series"), period);

  if ((organization = _dossier_case_opt_string (object, "organization")) != NULL &&
      !_dossier_case_lookup (import, organization, "organization", NULL, where, &organization_id, error))
    return FALSE;
  if ((source = _dossier_case_opt_string (object, "source")) != NULL &&
      !_dossier_case_lookup (import, source, "source", NULL, where, &source_id, error))
    return FALSE;

  if (!dossier_db_run (import->db,
                       "INSERT INTO market_break (series_id, period, organization_id, source_id) "
                       "VALUES (?1, ?2, NULLIF (?3, 0), NULLIF (?4, 0))",
                       error, "itii", series->id, period, organization_id, source_id))
    return FALSE;
  break_id = dossier_db_last_insert_id (import->db);

  langs = json_object_get_members (texts);
  for (const GList *l = langs; l; l = l->next)
    {
      g_autofree char *lang_where = g_strdup_printf ("%s.%s", text_where, (const char *) l->data);
      JsonObject *text = _dossier_case_need_object (import, json_object_get_member (texts, l->data), lang_where, error);
      const char *note;

      if (text == NULL || (note = _dossier_case_need_string (import, text, "note", lang_where, error)) == NULL ||
          !dossier_db_run (import->db,
                           "INSERT INTO market_break_text (break_id, lang, note) VALUES (?1, ?2, ?3)",
                           error, "itt", break_id, (const char *) l->data, note))
        return FALSE;
    }

  return TRUE;
}

gboolean
_dossier_case_import_breaks (Import      *import,
                             JsonObject  *series,
                             Ref         *ref,
                             const char  *where,
                             GError     **error)
{
  g_autofree char *prefix = g_strdup_printf ("%s.breaks", where);

  /* A series the database had keeps its breaks, like its texts. */
  if (!json_object_has_member (series, "breaks") || ref->existing)
    return TRUE;
  return _dossier_case_each_object (import, series, "breaks", where, prefix, import_break, ref, error);
}
