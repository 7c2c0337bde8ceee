/* dossier-case-reader-copy.c
 *
 * A case file the database has already: refused, saying so, or read as a
 * copy when the user asks for one. A copy gets new slugs for what it owns
 * (the case file, its events and claims: "-2" added to each), its titles
 * marked "(2)" in every language, and shares everything else with the
 * original, like any second case file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-case-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-case-reader-private.h"

#define MAX_COPIES 1000

static gboolean
slug_taken (Import      *import,
            const char  *slug,
            const char  *suffix,
            gboolean    *taken,
            GError     **error)
{
  g_autofree char *candidate = g_strconcat (slug, suffix, NULL);
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (import->db, "SELECT count(*) FROM node WHERE slug = ?1", error);
  gint64 count = 0;

  if (stmt == NULL || !dossier_db_bind (import->db, stmt, error, "t", candidate) ||
      !dossier_db_query_int (import->db, stmt, &count, error))
    return FALSE;

  *taken = count > 0;
  return TRUE;
}

static gboolean
add_slug (Import      *import,
          JsonObject  *object,
          const char  *where,
          gpointer     slugs,
          GError     **error)
{
  const char *owned = _dossier_case_opt_string (object, "slug");

  if (owned != NULL)
    g_ptr_array_add (slugs, g_strdup (owned));
  return TRUE;
}

/* The slugs a case file object owns: its own, its events' and claims'
 * (the events read from the file, one at a time). */
static GPtrArray *
owned_slugs (Import      *import,
             JsonObject  *case_object,
             const char  *slug,
             const char  *where,
             GError     **error)
{
  g_autoptr(GPtrArray) slugs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *prefix = g_strdup_printf ("%s.events", where);
  JsonNode *node = json_object_get_member (case_object, "events");

  g_ptr_array_add (slugs, g_strdup (slug));
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      !_dossier_case_each_event (import, case_object, where, prefix, add_slug, slugs, NULL, error))
    return NULL;

  node = json_object_get_member (case_object, "claims");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint j = 0; j < json_array_get_length (json_node_get_array (node)); j++)
      {
        JsonNode *element = json_array_get_element (json_node_get_array (node), j);

        if (JSON_NODE_HOLDS_OBJECT (element))
          add_slug (import, json_node_get_object (element), NULL, slugs, NULL);
      }

  return g_steal_pointer (&slugs);
}

/* The case file's title in the file, for messages: English first. */
static const char *
title_in_file (JsonObject *case_object,
               const char *slug)
{
  JsonNode *texts = json_object_get_member (case_object, "text");
  g_autoptr(GList) langs = NULL;

  if (texts == NULL || !JSON_NODE_HOLDS_OBJECT (texts))
    return slug;

  langs = json_object_get_members (json_node_get_object (texts));
  langs = g_list_prepend (langs, (gpointer) "en");
  for (const GList *l = langs; l; l = l->next)
    {
      JsonNode *text = json_object_get_member (json_node_get_object (texts), l->data);
      const char *title;

      if (text != NULL && JSON_NODE_HOLDS_OBJECT (text) &&
          (title = _dossier_case_opt_string (json_node_get_object (text), "title")) != NULL && *title)
        return title;
    }

  return slug;
}

/**
 * _dossier_case_begin_case:
 *
 * Before a case file object is read: refuses it if the database has it
 * already, unless it is to be read as a copy, for which it picks the first
 * suffix that none of the slugs it owns has taken.
 */
gboolean
_dossier_case_begin_case (Import      *import,
                          JsonObject  *case_object,
                          const char  *slug,
                          const char  *where,
                          GError     **error)
{
  g_autoptr(GPtrArray) slugs = NULL;
  gboolean taken = FALSE;

  import->copy_suffix[0] = '\0';
  if (!slug_taken (import, slug, "", &taken, error))
    return FALSE;
  if (!taken)
    return TRUE;

  if (!import->copy)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CASE_EXISTS,
                   /* Translators: 1 a file name, 2 a place in it, 3 a case file's title */
                   _("%1$s: %2$s: the case file “%3$s” is already in this database"),
                   import->file_name, where, title_in_file (case_object, slug));
      return FALSE;
    }

  if ((slugs = owned_slugs (import, case_object, slug, where, error)) == NULL)
    return FALSE;
  for (int n = 2; n <= MAX_COPIES; n++)
    {
      char suffix[sizeof import->copy_suffix];

      g_snprintf (suffix, sizeof suffix, "-%d", n);
      taken = FALSE;
      for (guint i = 0; i < slugs->len && !taken; i++)
        if (!slug_taken (import, slugs->pdata[i], suffix, &taken, error))
          return FALSE;

      if (!taken)
        {
          g_strlcpy (import->copy_suffix, suffix, sizeof import->copy_suffix);
          return TRUE;
        }
    }

  return _dossier_case_fail (import, error, where, _("there are too many copies of this case file"));
}

/* A copy's titles say which copy it is: "JEDI cloud contract protest (2)". */
gboolean
_dossier_case_mark_copy (Import  *import,
                         gint64   case_id,
                         GError **error)
{
  if (import->copy_suffix[0] == '\0')
    return TRUE;

  return dossier_db_run (import->db,
                         "UPDATE node_text SET title = title || ' (' || ?2 || ')' "
                         "WHERE node_id = ?1 AND title <> ''",
                         error, "it", case_id, import->copy_suffix + 1);
}
