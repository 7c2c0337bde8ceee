/* dossier-case-reader-entities.c
 *
 * A case file's sources, organizations and people, which everything else
 * in it refers to; shared with what the database has (see
 * dossier-case-reader-refs.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-case-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-case-reader-private.h"

static gboolean
import_source (Import      *import,
               JsonObject  *source,
               const char  *where,
               gpointer     user_data,
               GError     **error)
{
  const char *slug, *title, *publisher, *published;
  Ref *ref;

  if ((slug = _dossier_case_need_string (import, source, "slug", where, error)) == NULL ||
      (title = _dossier_case_need_string (import, source, "title", where, error)) == NULL ||
      (publisher = _dossier_case_need_string (import, source, "publisher", where, error)) == NULL)
    return FALSE;

  published = _dossier_case_opt_string (source, "published");
  if (!_dossier_case_check_date (import, published, where, error) ||
      !_dossier_case_insert_node (import, "source", slug, title, NULL, TRUE, where, &ref, error) ||
      (json_object_has_member (source, "text") &&
       !_dossier_case_insert_node_texts (import, source, ref->id, where, FALSE, error)))
    return FALSE;

  if (!_dossier_case_insert_notes (import, source, ref->id, 0, where, error))
    return FALSE;

  /* A source already there keeps what it says of itself. */
  return ref->existing ||
         dossier_db_run (import->db,
                         "INSERT INTO source (node_id, publisher, published, url, lang, author) "
                         "VALUES (?1, ?2, NULLIF (?3, ''), NULLIF (?4, ''), NULLIF (?5, ''), NULLIF (?6, ''))",
                         error, "ittt" "tt", ref->id, publisher, published,
                         _dossier_case_opt_string (source, "url"), _dossier_case_opt_string (source, "lang"),
                         _dossier_case_opt_string (source, "author"));
}

gboolean
_dossier_case_import_sources (Import      *import,
                              JsonObject  *root,
                              GError     **error)
{
  return _dossier_case_each_object (import, root, "sources", "$", "sources", import_source, NULL, error);
}

static gboolean
import_entity (Import      *import,
               JsonObject  *entity,
               const char  *where,
               gpointer     user_data,
               GError     **error)
{
  const char *slug, *kind, *name;
  Ref *ref;

  if ((slug = _dossier_case_need_string (import, entity, "slug", where, error)) == NULL ||
      (kind = _dossier_case_need_string (import, entity, "kind", where, error)) == NULL ||
      (name = _dossier_case_need_string (import, entity, "name", where, error)) == NULL)
    return FALSE;

  if (!g_str_equal (kind, "organization") && !g_str_equal (kind, "person"))
    return _dossier_case_fail (import, error, where,
                               _("kind must be “organization” or “person”, not “%s”"), kind);

  return _dossier_case_insert_node (import, kind, slug, name, _dossier_case_opt_string (entity, "short_name"),
                                    TRUE, where, &ref, error) &&
         _dossier_case_insert_node_texts (import, entity, ref->id, where, FALSE, error) &&
         _dossier_case_insert_citations (import, entity, ref->id, where, error) &&
         _dossier_case_insert_notes (import, entity, ref->id, 0, where, error);
}

gboolean
_dossier_case_import_entities (Import      *import,
                               JsonObject  *root,
                               GError     **error)
{
  return _dossier_case_each_object (import, root, "entities", "$", "entities", import_entity, NULL, error);
}
