/* dossier-case-reader-refs.c
 *
 * What every part of a case file needs: errors that name the place in the
 * file, checked members, references (slugs) resolved to rows of this file
 * or of the database, nodes, texts and citations.
 *
 * Organizations, people and sources are shared by every case file that
 * names them, matched by their stable key (the slug) or, for organizations
 * and people, their name: a second case file naming "aws" links to the
 * Amazon Web Services already there, adds the texts and citations it
 * brings, and never overwrites what is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-case-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-case-reader-private.h"
#include "dossier-period.h"

gboolean
_dossier_case_fail (Import      *import,
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

const char *
_dossier_case_opt_string (JsonObject *object,
                          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

/* A member that must be a non-empty string. */
const char *
_dossier_case_need_string (Import      *import,
                           JsonObject  *object,
                           const char  *member,
                           const char  *where,
                           GError     **error)
{
  const char *value = _dossier_case_opt_string (object, member);

  if (value == NULL || *value == '\0')
    {
      _dossier_case_fail (import, error, where, _("“%s” must be a non-empty string"), member);
      return NULL;
    }

  return value;
}

JsonArray *
_dossier_case_need_array (Import      *import,
                          JsonObject  *object,
                          const char  *member,
                          const char  *where,
                          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      _dossier_case_fail (import, error, where, _("“%s” must be a list"), member);
      return NULL;
    }

  return json_node_get_array (node);
}

JsonObject *
_dossier_case_need_object (Import      *import,
                           JsonNode    *node,
                           const char  *where,
                           GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      _dossier_case_fail (import, error, where, _("expected an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/* An optional date member: absent, empty or a real date. */
gboolean
_dossier_case_check_date (Import      *import,
                          const char  *date,
                          const char  *where,
                          GError     **error)
{
  if (date != NULL && *date != '\0' && !dossier_date_parse (date, NULL, NULL, NULL))
    return _dossier_case_fail (import, error, where, _("“%s” is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"), date);

  return TRUE;
}

Ref *
_dossier_case_remember (GHashTable *table,
                        const char *slug,
                        gint64      id,
                        const char *kind,
                        gboolean    existing)
{
  Ref *ref = g_new (Ref, 1);

  ref->id = id;
  ref->kind = g_intern_string (kind);
  ref->existing = existing;
  ref->in_file = !existing;
  g_hash_table_insert (table, g_strdup (slug), ref);
  return ref;
}

/* The node of the database with this slug, if any, remembered. */
static gboolean
find_in_database (Import      *import,
                  const char  *slug,
                  Ref        **ref,
                  GError     **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (import->db, "SELECT id, kind FROM node WHERE slug = ?1", error);
  gboolean has_row;

  *ref = NULL;
  if (stmt == NULL || !dossier_db_bind (import->db, stmt, error, "t", slug) ||
      !dossier_db_step_row (import->db, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    *ref = _dossier_case_remember (import->refs, slug, sqlite3_column_int64 (stmt, 0),
                                   dossier_db_column_text (stmt, 1), TRUE);
  return TRUE;
}

/* The id of the node with this slug, or 0. */
static gboolean
node_with_slug (Import      *import,
                const char  *slug,
                gint64      *id,
                GError     **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (import->db, "SELECT id FROM node WHERE slug = ?1", error);

  return stmt != NULL && dossier_db_bind (import->db, stmt, error, "t", slug) &&
         dossier_db_query_int (import->db, stmt, id, error);
}

/* A reference to something of this file or of the database, of kind @kind1
 * or @kind2 (any kind if %NULL). */
gboolean
_dossier_case_lookup (Import      *import,
                      const char  *slug,
                      const char  *kind1,
                      const char  *kind2,
                      const char  *where,
                      gint64      *id,
                      GError     **error)
{
  g_autofree char *wanted = NULL;
  Ref *ref = g_hash_table_lookup (import->refs, slug);

  /* An event is not remembered (a file has a hundred thousand, but for a
   * copy): the database has it. */
  if (ref == NULL && !find_in_database (import, slug, &ref, error))
    return FALSE;

  if (ref == NULL)
    return _dossier_case_fail (import, error, where, _("unknown reference “%s”"), slug);

  *id = ref->id;
  if (kind1 == NULL || g_str_equal (ref->kind, kind1) || (kind2 != NULL && g_str_equal (ref->kind, kind2)))
    return TRUE;

  wanted = kind2 ? g_strconcat (kind1, "/", kind2, NULL) : g_strdup (kind1);
  /* Translators: 1 a reference, 2 and 3 kinds as written in the file
   * ("organization", "person", "source") */
  return _dossier_case_fail (import, error, where, _("“%1$s” is a %2$s, not a %3$s"), slug, ref->kind, wanted);
}

/* Steps a bound INSERT. A row that breaks the uniqueness of @conflict_code
 * becomes @conflict (already translated and formatted) at @where. */
gboolean
_dossier_case_step_insert (Import        *import,
                           sqlite3_stmt  *stmt,
                           int            conflict_code,
                           const char    *where,
                           const char    *conflict,
                           GError       **error)
{
  gboolean conflicted;

  if (!dossier_db_step_insert (import->db, stmt, conflict_code, &conflicted, error))
    return FALSE;

  return !conflicted || _dossier_case_fail (import, error, where, "%s", conflict);
}

/* An organization or a person the database had before this import under
 * another slug but the same name (one made in the window, another made by
 * a colleague). Two of that name there, or two in the file, are people
 * apart: nothing is linked by a name that does not tell them apart. */
static gboolean
find_by_name (Import      *import,
              const char  *kind,
              const char  *slug,
              const char  *name,
              Ref        **ref,
              GError     **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gint64 id = 0;
  guint n = 0;
  gboolean has_row;

  *ref = NULL;
  if (name == NULL || (!g_str_equal (kind, "organization") && !g_str_equal (kind, "person")))
    return TRUE;

  stmt = dossier_db_prepare (import->db,
                             "SELECT id FROM node WHERE kind = ?1 AND name = ?2 COLLATE NOCASE AND id <= ?3 "
                             "ORDER BY id LIMIT 2",
                             error);
  if (stmt == NULL || !dossier_db_bind (import->db, stmt, error, "tti", kind, name, import->last_node))
    return FALSE;
  while (dossier_db_step_row (import->db, stmt, &has_row, error) && has_row)
    {
      id = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  /* Linked once: a second item of the file with that name is another. */
  if (n == 1)
    {
      GHashTableIter iter;
      Ref *other;

      g_hash_table_iter_init (&iter, import->refs);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &other))
        if (other->id == id)
          return TRUE;
      *ref = _dossier_case_remember (import->refs, slug, id, kind, TRUE);
    }
  return TRUE;
}

/* Adds a node, or for a @shareable kind finds the one the database already
 * has under @slug (or, for an organization or a person, under its name).
 * While a case file is read as a copy, what it owns (itself, its events and
 * claims) is added under new slugs, and known here by the file's. */
gboolean
_dossier_case_insert_node (Import      *import,
                           const char  *kind,
                           const char  *slug,
                           const char  *name,
                           const char  *short_name,
                           gboolean     shareable,
                           const char  *where,
                           Ref        **ref,
                           GError     **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  g_autofree char *conflict = NULL;
  g_autofree char *db_slug = NULL;
  gboolean copying = !shareable && import->copy_suffix[0] != '\0';
  /* Events are found again in the database, not remembered: a file may
   * have a hundred thousand. A copy's are, to be found by the file's slugs
   * (the database has them under the copy's). */
  gboolean forget = g_str_equal (kind, "event") && !copying;
  gboolean conflicted;
  Ref *found = g_hash_table_lookup (import->refs, slug);

  if (found != NULL && found->in_file)
    return _dossier_case_fail (import, error, where, _("“%s” is used twice"), slug);
  if (forget && found == NULL)
    {
      gint64 other = 0;

      if (!node_with_slug (import, slug, &other, error))
        return FALSE;
      if (other > import->last_node)
        return _dossier_case_fail (import, error, where, _("“%s” is used twice"), slug);
      /* Another of the database, under the slug: said below. */
      if (other != 0 && !find_in_database (import, slug, &found, error))
        return FALSE;
    }

  if (found == NULL && !copying && !forget && !find_in_database (import, slug, &found, error))
    return FALSE;
  if (found == NULL && shareable && !find_by_name (import, kind, slug, name, &found, error))
    return FALSE;

  if (found != NULL)
    {
      DossierNodeKind node_kind;

      if (!shareable || !g_str_equal (found->kind, kind))
        return _dossier_case_fail (import, error, where, _("“%s” is already in the database"), slug);
      found->in_file = TRUE;
      *ref = found;

      /* It may gain texts and sources: every case file showing it follows. */
      if (dossier_node_kind_from_string (kind, &node_kind))
        dossier_db_note_change (import->db, (DossierObjectKind) node_kind, DOSSIER_CHANGE_CHANGED, found->id, 0);
      return TRUE;
    }

  db_slug = copying ? g_strconcat (slug, import->copy_suffix, NULL) : g_strdup (slug);
  stmt = dossier_db_prepare (import->db,
                             "INSERT INTO node (kind, slug, name, short_name) VALUES (?1, ?2, ?3, ?4)",
                             error);
  if (stmt == NULL ||
      !dossier_db_bind (import->db, stmt, error, "tttt", kind, db_slug, name ? name : "",
                        short_name ? short_name : ""))
    return FALSE;

  conflict = g_strdup_printf (_("“%s” is already in the database"), db_slug);
  if (!dossier_db_step_insert (import->db, stmt, SQLITE_CONSTRAINT_UNIQUE, &conflicted, error))
    return FALSE;
  if (conflicted)
    return _dossier_case_fail (import, error, where, "%s", conflict);

  if (forget)
    {
      import->event = (Ref) { dossier_db_last_insert_id (import->db), g_intern_static_string ("event"), FALSE, TRUE };
      *ref = &import->event;
      return TRUE;
    }
  *ref = _dossier_case_remember (import->refs, slug, dossier_db_last_insert_id (import->db), kind, FALSE);
  return TRUE;
}

/* "text": {"en": {"title": …, "summary": …}, "fr": {…}}; a case file needs
 * a title in one language at least (any language: a case file made in French
 * has only French texts). Texts a shared node already has are kept: they may
 * be the user's. */
gboolean
_dossier_case_insert_node_texts (Import      *import,
                                 JsonObject  *object,
                                 gint64       id,
                                 const char  *where,
                                 gboolean     need_title,
                                 GError     **error)
{
  g_autofree char *text_where = g_strdup_printf ("%s.text", where);
  g_autoptr(GList) langs = NULL;
  JsonObject *texts;

  texts = _dossier_case_need_object (import, json_object_get_member (object, "text"), text_where, error);
  if (texts == NULL)
    return FALSE;

  langs = json_object_get_members (texts);
  if (need_title)
    {
      gboolean titled = FALSE;

      for (const GList *l = langs; l && !titled; l = l->next)
        {
          JsonNode *text = json_object_get_member (texts, l->data);

          titled = JSON_NODE_HOLDS_OBJECT (text) &&
                   _dossier_case_opt_string (json_node_get_object (text), "title") != NULL &&
                   *_dossier_case_opt_string (json_node_get_object (text), "title") != '\0';
        }
      if (!titled)
        return _dossier_case_fail (import, error, text_where, _("a title in one language at least is required"));
    }

  for (const GList *l = langs; l; l = l->next)
    {
      const char *lang = l->data;
      g_autofree char *lang_where = g_strdup_printf ("%s.%s", text_where, lang);
      JsonObject *text = _dossier_case_need_object (import, json_object_get_member (texts, lang), lang_where, error);
      const char *title, *summary;

      if (text == NULL)
        return FALSE;

      if (strlen (lang) < 2 || strlen (lang) > 8)
        return _dossier_case_fail (import, error, lang_where, _("“%s” is not a language code"), lang);

      title = _dossier_case_opt_string (text, "title");
      summary = _dossier_case_opt_string (text, "summary");
      if (!dossier_db_run (import->db,
                           "INSERT INTO node_text (node_id, lang, title, summary) VALUES (?1, ?2, ?3, ?4) "
                           "ON CONFLICT DO NOTHING",
                           error, "ittt", id, lang, title ? title : "", summary ? summary : ""))
        return FALSE;
    }

  return TRUE;
}

/**
 * _dossier_case_each_object:
 * @member: a member of @parent that must be a list of objects
 * @prefix: how an element is named in messages: "case.events" gives
 *   "case.events[3]"
 *
 * Calls @func on every object of the list, stopping at the first error.
 */
gboolean
_dossier_case_each_object (Import                *import,
                           JsonObject            *parent,
                           const char            *member,
                           const char            *parent_where,
                           const char            *prefix,
                           DossierCaseObjectFunc  func,
                           gpointer               user_data,
                           GError               **error)
{
  JsonArray *array = _dossier_case_need_array (import, parent, member, parent_where, error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", prefix, i);
      JsonObject *object = _dossier_case_need_object (import, json_array_get_element (array, i), where, error);

      if (object == NULL || !func (import, object, where, user_data, error))
        return FALSE;
    }

  return TRUE;
}

/* {"source": slug, "stance": "supports"}, for the node *@user_data. */
static gboolean
insert_citation (Import      *import,
                 JsonObject  *cite,
                 const char  *where,
                 gpointer     user_data,
                 GError     **error)
{
  gint64 id = *(gint64 *) user_data;
  DossierStance stance = DOSSIER_STANCE_SUPPORTS;
  const char *slug, *stance_str;
  gint64 source_id = 0;

  if ((slug = _dossier_case_need_string (import, cite, "source", where, error)) == NULL ||
      !_dossier_case_lookup (import, slug, "source", NULL, where, &source_id, error))
    return FALSE;

  stance_str = _dossier_case_opt_string (cite, "stance");
  if (stance_str != NULL && !dossier_stance_from_string (stance_str, &stance))
    return _dossier_case_fail (import, error, where,
                               _("stance must be “supports” or “contradicts”, not “%s”"), stance_str);

  return dossier_db_run (import->db,
                         "INSERT INTO citation (node_id, source_id, stance) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT DO NOTHING",
                         error, "iit", id, source_id, dossier_stance_to_string (stance));
}

/* "sources": [{"source": slug, "stance": "supports"}], if there are any. */
gboolean
_dossier_case_insert_citations (Import      *import,
                                JsonObject  *object,
                                gint64       id,
                                const char  *where,
                                GError     **error)
{
  g_autofree char *prefix = g_strdup_printf ("%s.sources", where);

  if (!json_object_has_member (object, "sources"))
    return TRUE;

  return _dossier_case_each_object (import, object, "sources", where, prefix, insert_citation, &id, error);
}
