/* dossier-store-import.c: reads a case file in Dossier's JSON format
 *
 * The caller holds the transaction; every error names the file and the
 * place in it (a JSON path), so that nothing half-imported is kept and the
 * user knows what to fix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-store-private.h"

typedef struct
{
  DossierStore *store;
  const char   *file_name;
  GHashTable   *slugs;      /* slug → node id (gint64 *) */
  GHashTable   *kinds;      /* slug → node kind (interned string) */
  GHashTable   *series;     /* slug → series id */
} Import;

static gboolean G_GNUC_PRINTF (4, 5)
fail (Import      *import,
      GError     **error,
      const char  *where,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BAD_CASE_FILE,
               /* Translators: 1: a file name, 2: a place in it, 3: what is wrong */
               _("%s: %s: %s"), import->file_name, where, message);
  return FALSE;
}

/* A member that must be a non-empty string. */
static const char *
need_string (Import      *import,
             JsonObject  *object,
             const char  *member,
             const char  *where,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value = NULL;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    value = json_node_get_string (node);

  if (value == NULL || *value == '\0')
    {
      fail (import, error, where, _("“%s” must be a non-empty string"), member);
      return NULL;
    }

  return value;
}

static const char *
opt_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static JsonArray *
need_array (Import      *import,
            JsonObject  *object,
            const char  *member,
            const char  *where,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (import, error, where, _("“%s” must be a list"), member);
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
need_object (Import      *import,
             JsonNode    *node,
             const char  *where,
             GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (import, error, where, _("expected an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/* "YYYY-MM-DD" or "YYYY-MM", a real date, nothing else ISO 8601 allows. */
static gboolean
valid_date (const char *date)
{
  static const char pattern[] = "dddd-dd-dd";
  gsize len = date ? strlen (date) : 0;
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *full = NULL;

  if (len != 7 && len != 10)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (date[i]) : date[i] != pattern[i])
      return FALSE;

  full = len == 7 ? g_strconcat (date, "-01T00:00:00Z", NULL)
                  : g_strconcat (date, "T00:00:00Z", NULL);
  parsed = g_date_time_new_from_iso8601 (full, NULL);
  return parsed != NULL;
}

static gboolean
lookup_slug (Import      *import,
             const char  *slug,
             const char  *where,
             gint64      *id,
             GError     **error)
{
  gint64 *found = g_hash_table_lookup (import->slugs, slug);

  if (found == NULL)
    return fail (import, error, where, _("unknown reference “%s”"), slug);

  *id = *found;
  return TRUE;
}

/* Like lookup_slug(), for a reference that must be of kind @kind1 or @kind2. */
static gboolean
lookup_kind (Import      *import,
             const char  *slug,
             const char  *kind1,
             const char  *kind2,
             const char  *where,
             gint64      *id,
             GError     **error)
{
  g_autofree char *wanted = NULL;
  const char *kind;

  if (!lookup_slug (import, slug, where, id, error))
    return FALSE;

  kind = g_hash_table_lookup (import->kinds, slug);
  if (g_strcmp0 (kind, kind1) == 0 || (kind2 != NULL && g_strcmp0 (kind, kind2) == 0))
    return TRUE;

  wanted = kind2 ? g_strconcat (kind1, "/", kind2, NULL) : g_strdup (kind1);
  /* Translators: 1 a reference, 2 and 3 kinds as written in the file
   * ("organization", "person", "source") */
  return fail (import, error, where, _("“%1$s” is a %2$s, not a %3$s"), slug, kind, wanted);
}

/* Steps an INSERT. A row that breaks the uniqueness of @conflict_code
 * becomes @conflict (already translated and formatted) at @where. */
static gboolean
step_insert (Import        *import,
             sqlite3_stmt  *stmt,
             int            conflict_code,
             const char    *where,
             const char    *conflict,
             GError       **error)
{
  DossierStore *self = import->store;

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == conflict_code)
        return fail (import, error, where, "%s", conflict);
      return _dossier_store_check (self, sqlite3_errcode (self->db), "insert", error);
    }

  return _dossier_store_check (self, sqlite3_reset (stmt), "reset", error);
}

static gboolean
insert_node (Import      *import,
             const char  *kind,
             const char  *slug,
             const char  *name,
             const char  *short_name,
             const char  *where,
             gint64      *id,
             GError     **error)
{
  DossierStore *self = import->store;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *conflict = NULL;
  gint64 *stored;

  if (g_hash_table_contains (import->slugs, slug))
    return fail (import, error, where, _("“%s” is used twice"), slug);

  stmt = _dossier_store_prepare (self,
                                 "INSERT INTO node (kind, slug, name, short_name) VALUES (?1, ?2, ?3, ?4)",
                                 error);
  if (stmt == NULL ||
      !_dossier_store_bind_text (self, stmt, 1, kind, error) ||
      !_dossier_store_bind_text (self, stmt, 2, slug, error) ||
      !_dossier_store_bind_text (self, stmt, 3, name ? name : "", error) ||
      !_dossier_store_bind_text (self, stmt, 4, short_name ? short_name : "", error))
    return FALSE;

  conflict = g_strdup_printf (_("“%s” is already in the database"), slug);
  if (!step_insert (import, stmt, SQLITE_CONSTRAINT_UNIQUE, where, conflict, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (self->db);
  stored = g_new (gint64, 1);
  *stored = *id;
  g_hash_table_insert (import->slugs, g_strdup (slug), stored);
  g_hash_table_insert (import->kinds, g_strdup (slug), (gpointer) g_intern_string (kind));
  return TRUE;
}

/* "text": {"en": {"title": …, "summary": …}, "fr": {…}}; English is required
 * where the text is ours to write, optional for a source's own title. */
static gboolean
insert_node_texts (Import      *import,
                   JsonObject  *object,
                   gint64       id,
                   const char  *where,
                   gboolean     need_english,
                   GError     **error)
{
  DossierStore *self = import->store;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonObject *texts;
  g_autoptr(GList) langs = NULL;
  g_autofree char *text_where = g_strdup_printf ("%s.text", where);

  texts = need_object (import, json_object_get_member (object, "text"), text_where, error);
  if (texts == NULL)
    return FALSE;

  if (need_english && !json_object_has_member (texts, "en"))
    return fail (import, error, text_where, _("an English text (“en”) is required"));

  stmt = _dossier_store_prepare (self,
                                 "INSERT INTO node_text (node_id, lang, title, summary) VALUES (?1, ?2, ?3, ?4)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  langs = json_object_get_members (texts);
  for (const GList *l = langs; l; l = l->next)
    {
      const char *lang = l->data;
      g_autofree char *lang_where = g_strdup_printf ("%s.%s", text_where, lang);
      JsonObject *text = need_object (import, json_object_get_member (texts, lang), lang_where, error);
      const char *title, *summary;

      if (text == NULL)
        return FALSE;

      if (strlen (lang) < 2 || strlen (lang) > 8)
        return fail (import, error, lang_where, _("“%s” is not a language code"), lang);

      title = opt_string (text, "title");
      summary = opt_string (text, "summary");

      if (!_dossier_store_bind_int (self, stmt, 1, id, error) ||
          !_dossier_store_bind_text (self, stmt, 2, lang, error) ||
          !_dossier_store_bind_text (self, stmt, 3, title ? title : "", error) ||
          !_dossier_store_bind_text (self, stmt, 4, summary ? summary : "", error) ||
          !_dossier_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* "sources": [{"source": slug, "stance": "supports"}] */
static gboolean
insert_citations (Import      *import,
                  JsonObject  *object,
                  gint64       id,
                  const char  *where,
                  GError     **error)
{
  DossierStore *self = import->store;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonArray *sources;

  if (!json_object_has_member (object, "sources"))
    return TRUE;

  sources = need_array (import, object, "sources", where, error);
  if (sources == NULL)
    return FALSE;

  stmt = _dossier_store_prepare (self,
                                 "INSERT INTO citation (node_id, source_id, stance) VALUES (?1, ?2, ?3)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      g_autofree char *cite_where = g_strdup_printf ("%s.sources[%u]", where, i);
      JsonObject *cite = need_object (import, json_array_get_element (sources, i), cite_where, error);
      const char *slug, *stance_str;
      DossierStance stance;
      gint64 source_id = 0;

      if (cite == NULL ||
          (slug = need_string (import, cite, "source", cite_where, error)) == NULL ||
          !lookup_kind (import, slug, "source", NULL, cite_where, &source_id, error))
        return FALSE;

      stance_str = opt_string (cite, "stance");
      if (stance_str == NULL)
        stance = DOSSIER_STANCE_SUPPORTS;
      else if (!dossier_stance_from_string (stance_str, &stance))
        return fail (import, error, cite_where,
                     _("stance must be “supports” or “contradicts”, not “%s”"), stance_str);

      if (!_dossier_store_bind_int (self, stmt, 1, id, error) ||
          !_dossier_store_bind_int (self, stmt, 2, source_id, error) ||
          !_dossier_store_bind_text (self, stmt, 3, dossier_stance_to_string (stance), error) ||
          !_dossier_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_sources (Import      *import,
                JsonObject  *root,
                GError     **error)
{
  DossierStore *self = import->store;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonArray *sources = need_array (import, root, "sources", "$", error);

  if (sources == NULL)
    return FALSE;

  stmt = _dossier_store_prepare (self,
                                 "INSERT INTO source (node_id, publisher, published, url, lang) "
                                 "VALUES (?1, ?2, NULLIF (?3, ''), NULLIF (?4, ''), NULLIF (?5, ''))",
                                 error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      g_autofree char *where = g_strdup_printf ("sources[%u]", i);
      JsonObject *source = need_object (import, json_array_get_element (sources, i), where, error);
      const char *slug, *title, *publisher, *published;
      gint64 id;

      if (source == NULL ||
          (slug = need_string (import, source, "slug", where, error)) == NULL ||
          (title = need_string (import, source, "title", where, error)) == NULL ||
          (publisher = need_string (import, source, "publisher", where, error)) == NULL)
        return FALSE;

      published = opt_string (source, "published");
      if (published != NULL && *published != '\0' && !valid_date (published))
        return fail (import, error, where, _("“%s” is not a date (YYYY-MM-DD or YYYY-MM)"), published);

      if (!insert_node (import, "source", slug, title, NULL, where, &id, error) ||
          (json_object_has_member (source, "text") &&
           !insert_node_texts (import, source, id, where, FALSE, error)) ||
          !_dossier_store_bind_int (self, stmt, 1, id, error) ||
          !_dossier_store_bind_text (self, stmt, 2, publisher, error) ||
          !_dossier_store_bind_text (self, stmt, 3, published, error) ||
          !_dossier_store_bind_text (self, stmt, 4, opt_string (source, "url"), error) ||
          !_dossier_store_bind_text (self, stmt, 5, opt_string (source, "lang"), error) ||
          !_dossier_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_entities (Import      *import,
                 JsonObject  *root,
                 GError     **error)
{
  JsonArray *entities = need_array (import, root, "entities", "$", error);

  if (entities == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      g_autofree char *where = g_strdup_printf ("entities[%u]", i);
      JsonObject *entity = need_object (import, json_array_get_element (entities, i), where, error);
      const char *slug, *kind, *name;
      gint64 id;

      if (entity == NULL ||
          (slug = need_string (import, entity, "slug", where, error)) == NULL ||
          (kind = need_string (import, entity, "kind", where, error)) == NULL ||
          (name = need_string (import, entity, "name", where, error)) == NULL)
        return FALSE;

      if (!g_str_equal (kind, "organization") && !g_str_equal (kind, "person"))
        return fail (import, error, where,
                     _("kind must be “organization” or “person”, not “%s”"), kind);

      if (!insert_node (import, kind, slug, name, opt_string (entity, "short_name"), where, &id, error) ||
          !insert_node_texts (import, entity, id, where, TRUE, error) ||
          !insert_citations (import, entity, id, where, error))
        return FALSE;
    }

  return TRUE;
}

/* "complete": true when the source names every organization of the market. */
static gboolean
bind_complete (Import        *import,
               sqlite3_stmt  *stmt,
               JsonObject    *series,
               const char    *where,
               GError       **error)
{
  JsonNode *node = json_object_get_member (series, "complete");
  gboolean complete = FALSE;

  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail (import, error, where, _("“complete” must be true or false"));
      complete = json_node_get_boolean (node);
    }

  return _dossier_store_bind_int (import->store, stmt, 4, complete, error);
}

static gboolean
import_series (Import      *import,
               JsonObject  *root,
               GError     **error)
{
  DossierStore *self = import->store;
  g_autoptr(sqlite3_stmt) series_stmt = NULL;
  g_autoptr(sqlite3_stmt) text_stmt = NULL;
  g_autoptr(sqlite3_stmt) share_stmt = NULL;
  JsonArray *all;

  if (!json_object_has_member (root, "market_series"))
    return TRUE;

  all = need_array (import, root, "market_series", "$", error);
  if (all == NULL)
    return FALSE;

  series_stmt = _dossier_store_prepare (self,
                                        "INSERT INTO market_series (slug, firm, yearly, complete) "
                                        "VALUES (?1, ?2, ?3, ?4)", error);
  text_stmt = series_stmt ? _dossier_store_prepare (self,
                                                    "INSERT INTO market_series_text (series_id, lang, market, note) "
                                                    "VALUES (?1, ?2, ?3, ?4)", error) : NULL;
  share_stmt = text_stmt ? _dossier_store_prepare (self,
                                                   "INSERT INTO market_share (series_id, period, organization_id, percent, source_id) "
                                                   "VALUES (?1, ?2, ?3, ?4, ?5)", error) : NULL;
  if (share_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      g_autofree char *where = g_strdup_printf ("market_series[%u]", i);
      JsonObject *series = need_object (import, json_array_get_element (all, i), where, error);
      JsonObject *texts;
      JsonArray *shares;
      g_autoptr(GList) langs = NULL;
      g_autofree char *conflict = NULL;
      const char *slug, *firm, *period_kind;
      gboolean yearly;
      gint64 series_id, *stored;

      if (series == NULL ||
          (slug = need_string (import, series, "slug", where, error)) == NULL ||
          (firm = need_string (import, series, "firm", where, error)) == NULL ||
          (period_kind = need_string (import, series, "period_kind", where, error)) == NULL ||
          (shares = need_array (import, series, "shares", where, error)) == NULL ||
          (texts = need_object (import, json_object_get_member (series, "text"), where, error)) == NULL)
        return FALSE;

      if (!g_str_equal (period_kind, "quarter") && !g_str_equal (period_kind, "year"))
        return fail (import, error, where, _("period_kind must be “quarter” or “year”"));
      yearly = g_str_equal (period_kind, "year");

      if (!_dossier_store_bind_text (self, series_stmt, 1, slug, error) ||
          !_dossier_store_bind_text (self, series_stmt, 2, firm, error) ||
          !_dossier_store_bind_int (self, series_stmt, 3, yearly, error) ||
          !bind_complete (import, series_stmt, series, where, error))
        return FALSE;

      conflict = g_strdup_printf (_("“%s” is already in the database"), slug);
      if (!step_insert (import, series_stmt, SQLITE_CONSTRAINT_UNIQUE, where, conflict, error))
        return FALSE;

      series_id = sqlite3_last_insert_rowid (self->db);
      stored = g_new (gint64, 1);
      *stored = series_id;
      g_hash_table_insert (import->series, g_strdup (slug), stored);

      langs = json_object_get_members (texts);
      for (const GList *l = langs; l; l = l->next)
        {
          g_autofree char *text_where = g_strdup_printf ("%s.text.%s", where, (const char *) l->data);
          JsonObject *text = need_object (import, json_object_get_member (texts, l->data), text_where, error);
          const char *market, *note;

          if (text == NULL ||
              (market = need_string (import, text, "market", text_where, error)) == NULL)
            return FALSE;
          note = opt_string (text, "note");

          if (!_dossier_store_bind_int (self, text_stmt, 1, series_id, error) ||
              !_dossier_store_bind_text (self, text_stmt, 2, l->data, error) ||
              !_dossier_store_bind_text (self, text_stmt, 3, market, error) ||
              !_dossier_store_bind_text (self, text_stmt, 4, note ? note : "", error) ||
              !_dossier_store_step_done (self, text_stmt, error))
            return FALSE;
        }

      for (guint j = 0; j < json_array_get_length (shares); j++)
        {
          g_autofree char *share_where = g_strdup_printf ("%s.shares[%u]", where, j);
          JsonObject *share = need_object (import, json_array_get_element (shares, j), share_where, error);
          const char *period, *entity, *source;
          JsonNode *percent_node;
          gint64 org_id = 0, source_id = 0;
          double percent;
          gboolean period_ok;

          if (share == NULL ||
              (period = need_string (import, share, "period", share_where, error)) == NULL ||
              (entity = need_string (import, share, "entity", share_where, error)) == NULL ||
              (source = need_string (import, share, "source", share_where, error)) == NULL ||
              !lookup_kind (import, entity, "organization", NULL, share_where, &org_id, error) ||
              !lookup_kind (import, source, "source", NULL, share_where, &source_id, error))
            return FALSE;

          period_ok = yearly
            ? (strlen (period) == 4 && g_ascii_isdigit (period[0]) && g_ascii_isdigit (period[3]))
            : (strlen (period) == 7 && period[4] == '-' && period[5] == 'Q' &&
               period[6] >= '1' && period[6] <= '4');
          if (!period_ok)
            return fail (import, error, share_where,
                         yearly ? _("period “%s” must be a year (YYYY)")
                                : _("period “%s” must be a quarter (YYYY-Qn)"),
                         period);

          percent_node = json_object_get_member (share, "share");
          if (percent_node == NULL || !JSON_NODE_HOLDS_VALUE (percent_node) ||
              (json_node_get_value_type (percent_node) != G_TYPE_DOUBLE &&
               json_node_get_value_type (percent_node) != G_TYPE_INT64))
            return fail (import, error, share_where, _("“share” must be a number"));

          percent = json_node_get_double (percent_node);
          if (!(percent >= 0. && percent <= 100.))
            return fail (import, error, share_where, _("share %g is not between 0 and 100"), percent);

          if (!_dossier_store_bind_int (self, share_stmt, 1, series_id, error) ||
              !_dossier_store_bind_text (self, share_stmt, 2, period, error) ||
              !_dossier_store_bind_int (self, share_stmt, 3, org_id, error) ||
              !_dossier_store_check (self, sqlite3_bind_double (share_stmt, 4, percent), "bind", error) ||
              !_dossier_store_bind_int (self, share_stmt, 5, source_id, error))
            return FALSE;

          g_free (conflict);
          conflict = g_strdup_printf (_("%s already has a figure for %s"), entity, period);
          if (!step_insert (import, share_stmt, SQLITE_CONSTRAINT_PRIMARYKEY, share_where, conflict, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
import_participants (Import      *import,
                     JsonObject  *object,
                     gint64       case_id,
                     GError     **error)
{
  DossierStore *self = import->store;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) role_stmt = NULL;
  JsonArray *participants = need_array (import, object, "participants", "case", error);

  if (participants == NULL)
    return FALSE;

  stmt = _dossier_store_prepare (self,
                                 "INSERT INTO participant (case_id, node_id, position) VALUES (?1, ?2, ?3)",
                                 error);
  role_stmt = stmt ? _dossier_store_prepare (self,
                                             "INSERT INTO participant_text (case_id, node_id, lang, role) "
                                             "VALUES (?1, ?2, ?3, ?4)", error) : NULL;
  if (role_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (participants); i++)
    {
      g_autofree char *where = g_strdup_printf ("case.participants[%u]", i);
      JsonObject *participant = need_object (import, json_array_get_element (participants, i), where, error);
      JsonObject *roles;
      g_autoptr(GList) langs = NULL;
      g_autofree char *conflict = NULL;
      const char *slug;
      gint64 node_id = 0;

      if (participant == NULL ||
          (slug = need_string (import, participant, "entity", where, error)) == NULL ||
          !lookup_kind (import, slug, "organization", "person", where, &node_id, error) ||
          (roles = need_object (import, json_object_get_member (participant, "role"), where, error)) == NULL)
        return FALSE;

      if (!_dossier_store_bind_int (self, stmt, 1, case_id, error) ||
          !_dossier_store_bind_int (self, stmt, 2, node_id, error) ||
          !_dossier_store_bind_int (self, stmt, 3, i, error))
        return FALSE;

      conflict = g_strdup_printf (_("“%s” is listed twice"), slug);
      if (!step_insert (import, stmt, SQLITE_CONSTRAINT_PRIMARYKEY, where, conflict, error))
        return FALSE;

      langs = json_object_get_members (roles);
      for (const GList *l = langs; l; l = l->next)
        {
          g_autofree char *role_where = g_strdup_printf ("%s.role", where);
          const char *role = need_string (import, roles, l->data, role_where, error);

          if (role == NULL ||
              !_dossier_store_bind_int (self, role_stmt, 1, case_id, error) ||
              !_dossier_store_bind_int (self, role_stmt, 2, node_id, error) ||
              !_dossier_store_bind_text (self, role_stmt, 3, l->data, error) ||
              !_dossier_store_bind_text (self, role_stmt, 4, role, error) ||
              !_dossier_store_step_done (self, role_stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
import_events (Import      *import,
               JsonObject  *object,
               gint64       case_id,
               GError     **error)
{
  DossierStore *self = import->store;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) actor_stmt = NULL;
  JsonArray *events = need_array (import, object, "events", "case", error);

  if (events == NULL)
    return FALSE;

  stmt = _dossier_store_prepare (self,
                                 "INSERT INTO event (node_id, case_id, date) VALUES (?1, ?2, ?3)",
                                 error);
  actor_stmt = stmt ? _dossier_store_prepare (self,
                                              "INSERT OR IGNORE INTO event_actor (event_id, node_id) VALUES (?1, ?2)",
                                              error) : NULL;
  if (actor_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      g_autofree char *where = g_strdup_printf ("case.events[%u]", i);
      JsonObject *event = need_object (import, json_array_get_element (events, i), where, error);
      const char *slug, *date;
      gint64 id;

      if (event == NULL ||
          (slug = need_string (import, event, "slug", where, error)) == NULL ||
          (date = need_string (import, event, "date", where, error)) == NULL)
        return FALSE;

      if (!valid_date (date))
        return fail (import, error, where, _("“%s” is not a date (YYYY-MM-DD or YYYY-MM)"), date);

      if (!insert_node (import, "event", slug, NULL, NULL, where, &id, error) ||
          !_dossier_store_bind_int (self, stmt, 1, id, error) ||
          !_dossier_store_bind_int (self, stmt, 2, case_id, error) ||
          !_dossier_store_bind_text (self, stmt, 3, date, error) ||
          !_dossier_store_step_done (self, stmt, error) ||
          !insert_node_texts (import, event, id, where, TRUE, error) ||
          !insert_citations (import, event, id, where, error))
        return FALSE;

      if (json_object_has_member (event, "actors"))
        {
          JsonArray *actors = need_array (import, event, "actors", where, error);

          if (actors == NULL)
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
                return fail (import, error, actor_where, _("expected a reference"));

              if (!lookup_kind (import, actor, "organization", "person", actor_where, &actor_id, error) ||
                  !_dossier_store_bind_int (self, actor_stmt, 1, id, error) ||
                  !_dossier_store_bind_int (self, actor_stmt, 2, actor_id, error) ||
                  !_dossier_store_step_done (self, actor_stmt, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
import_case (Import      *import,
             JsonObject  *root,
             GError     **error)
{
  DossierStore *self = import->store;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonObject *object = need_object (import, json_object_get_member (root, "case"), "case", error);
  JsonObject *market;
  const char *slug, *court, *filed;
  gint64 case_id, court_id = 0, series_id = 0;
  const char *period = NULL;

  if (object == NULL ||
      (slug = need_string (import, object, "slug", "case", error)) == NULL)
    return FALSE;

  court = opt_string (object, "court");
  if (court != NULL && !lookup_slug (import, court, "case.court", &court_id, error))
    return FALSE;

  filed = opt_string (object, "filed");
  if (filed != NULL && *filed != '\0' && !valid_date (filed))
    return fail (import, error, "case.filed", _("“%s” is not a date (YYYY-MM-DD or YYYY-MM)"), filed);

  if (json_object_has_member (object, "market"))
    {
      gint64 *found;

      market = need_object (import, json_object_get_member (object, "market"), "case.market", error);
      if (market == NULL ||
          (period = need_string (import, market, "period", "case.market", error)) == NULL ||
          need_string (import, market, "series", "case.market", error) == NULL)
        return FALSE;

      found = g_hash_table_lookup (import->series, opt_string (market, "series"));
      if (found == NULL)
        return fail (import, error, "case.market", _("unknown series “%s”"),
                     opt_string (market, "series"));
      series_id = *found;
    }

  if (!insert_node (import, "case", slug, NULL, NULL, "case", &case_id, error) ||
      !insert_node_texts (import, object, case_id, "case", TRUE, error))
    return FALSE;

  stmt = _dossier_store_prepare (self,
                                 "INSERT INTO case_file (node_id, docket, court_id, filed, market_series_id, market_period) "
                                 "VALUES (?1, ?2, NULLIF (?3, 0), NULLIF (?4, ''), NULLIF (?5, 0), ?6)",
                                 error);
  if (stmt == NULL ||
      !_dossier_store_bind_int (self, stmt, 1, case_id, error) ||
      !_dossier_store_bind_text (self, stmt, 2, opt_string (object, "docket") ?: "", error) ||
      !_dossier_store_bind_int (self, stmt, 3, court_id, error) ||
      !_dossier_store_bind_text (self, stmt, 4, filed, error) ||
      !_dossier_store_bind_int (self, stmt, 5, series_id, error) ||
      !_dossier_store_bind_text (self, stmt, 6, period, error) ||
      !_dossier_store_step_done (self, stmt, error))
    return FALSE;

  if (!insert_citations (import, object, case_id, "case", error) ||
      !import_participants (import, object, case_id, error) ||
      !import_events (import, object, case_id, error))
    return FALSE;

  /* Every source the file brings belongs to the case file's source list. */
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = _dossier_store_prepare (self,
                                 "INSERT INTO case_source (case_id, source_id) VALUES (?1, ?2)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  {
    JsonArray *sources = json_object_get_array_member (root, "sources");

    for (guint i = 0; i < json_array_get_length (sources); i++)
      {
        JsonObject *source = json_array_get_object_element (sources, i);
        gint64 source_id = 0;

        if (!lookup_slug (import, json_object_get_string_member (source, "slug"),
                          "sources", &source_id, error) ||
            !_dossier_store_bind_int (self, stmt, 1, case_id, error) ||
            !_dossier_store_bind_int (self, stmt, 2, source_id, error) ||
            !_dossier_store_step_done (self, stmt, error))
          return FALSE;
      }
  }

  return TRUE;
}

/*
 * _dossier_store_import_json:
 *
 * Imports a case file; the caller wraps this in a transaction and rolls it
 * back on error.
 */
gboolean
_dossier_store_import_json (DossierStore  *self,
                            GBytes        *json,
                            const char    *file_name,
                            GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) parse_error = NULL;
  Import import = { self, file_name, slugs, kinds, series };
  JsonObject *root;
  gsize size;
  const char *data = g_bytes_get_data (json, &size);

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

  root = need_object (&import, json_parser_get_root (parser), "$", error);
  if (root == NULL)
    return FALSE;

  if (g_strcmp0 (opt_string (root, "format"), "dossier-case") != 0)
    return fail (&import, error, "$", _("not a Dossier case file (“format” is not “dossier-case”)"));

  if (json_object_get_int_member_with_default (root, "version", 0) != 1)
    return fail (&import, error, "$.version", _("only version 1 of the case-file format is known"));

  return import_sources (&import, root, error)
      && import_entities (&import, root, error)
      && import_series (&import, root, error)
      && import_case (&import, root, error);
}
