/* dossier-case-reader-events.c
 *
 * The events of a case file, read from the file an element at a time
 * (dossier-json-split.c) rather than from a tree of the whole file, which
 * for a hundred thousand events takes ten times the file; and a mistake of
 * JSON, in the skeleton or in an element, said at its place in the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-case-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "dossier-case-reader-private.h"

/**
 * _dossier_case_parse_failed:
 * @line: for an element, the line it starts on in the file; 0 for the
 *   skeleton
 * @column: for an element, the column it starts at
 *
 * json-glib's "LINE:COLUMN: message", of the skeleton or of an element,
 * made the file's: "FILE:LINE:COLUMN: message".
 */
gboolean
_dossier_case_parse_failed (Import        *import,
                            const GError  *parse_error,
                            guint          line,
                            guint          column,
                            GError       **error)
{
  const char *message = parse_error->message;
  guint at_line, at_column;
  int n = 0;

  /* json-glib says "<data>:line:column: …" for data loaded from memory. */
  if (g_str_has_prefix (message, "<data>:"))
    message += strlen ("<data>:");
  if (sscanf (message, "%u:%u:%n", &at_line, &at_column, &n) != 2 || n == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BAD_CASE_FILE, "%s:%s", import->file_name,
                   message);
      return FALSE;
    }

  if (line == 0 && import->split != NULL)
    dossier_json_split_place (import->split, &at_line, &at_column);
  else if (line > 0)
    {
      if (at_line == 1)
        at_column += column;
      at_line += line - 1;
    }
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BAD_CASE_FILE, "%s:%u:%u:%s", import->file_name,
               at_line, at_column, message + n);
  return FALSE;
}

/* Whether the tree has, for the events of @object, the empty list the
 * skeleton left: json-glib keeps the last of two members of one name, or
 * of two "case", which the scan may not have taken. */
static gboolean
left_out (JsonNode *object)
{
  JsonNode *events;

  if (object == NULL || !JSON_NODE_HOLDS_OBJECT (object))
    return FALSE;
  events = json_object_get_member (json_node_get_object (object), "events");
  return events != NULL && JSON_NODE_HOLDS_ARRAY (events) && json_array_get_length (json_node_get_array (events)) == 0;
}

/* Which list of the file is the events of which case file object. */
void
_dossier_case_find_lists (Import     *import,
                          JsonObject *root)
{
  JsonNode *one = json_object_get_member (root, "case");
  JsonNode *many = json_object_get_member (root, "cases");
  const DossierJsonList *list;

  import->lists = g_hash_table_new (NULL, NULL);
  if (left_out (one) && (list = dossier_json_split_get_list (import->split, -1)) != NULL)
    g_hash_table_insert (import->lists, json_node_get_object (one), (gpointer) list);
  if (many == NULL || !JSON_NODE_HOLDS_ARRAY (many))
    return;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (many)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (many), i);

      if (left_out (item) && (list = dossier_json_split_get_list (import->split, (int) i)) != NULL)
        g_hash_table_insert (import->lists, json_node_get_object (item), (gpointer) list);
    }
}

typedef struct
{
  Import                *import;
  JsonParser            *parser;
  const char            *prefix;
  DossierCaseObjectFunc  func;
  gpointer               user_data;
  GByteArray            *only;   /* the elements to read, or all */
} Each;

static gboolean
each_element (const char  *text,
              gsize        length,
              guint        index,
              guint        line,
              guint        column,
              gpointer     data,
              GError     **error)
{
  Each *each = data;
  g_autofree char *where = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object;

  /* Read before, and not wanted again: not even parsed. */
  if (each->only != NULL && index < each->only->len && !each->only->data[index])
    return TRUE;

  where = g_strdup_printf ("%s[%u]", each->prefix, index);
  /* An empty element (a comma too many): json-glib cannot be given it. */
  if (length == 0)
    return _dossier_case_need_object (each->import, NULL, where, error) != NULL;
  if (!json_parser_load_from_data (each->parser, text, length, &parse_error))
    return _dossier_case_parse_failed (each->import, parse_error, line, column, error);

  object = _dossier_case_need_object (each->import, json_parser_get_root (each->parser), where, error);
  return object != NULL && each->func (each->import, object, where, each->user_data, error);
}

/**
 * _dossier_case_each_event:
 *
 * @only: (nullable): for each event, whether to read it (a second reading
 *   reads few); %NULL for all
 *
 * _dossier_case_each_object() on the "events" of @case_object: read from
 * the file, an event at a time, when the reading left them out of the
 * tree.
 */
gboolean
_dossier_case_each_event (Import                *import,
                          JsonObject            *case_object,
                          const char            *case_where,
                          const char            *prefix,
                          DossierCaseObjectFunc  func,
                          gpointer               user_data,
                          GByteArray            *only,
                          GError               **error)
{
  const DossierJsonList *list = import->lists ? g_hash_table_lookup (import->lists, case_object) : NULL;
  g_autoptr(JsonParser) parser = NULL;
  Each each = { import, NULL, prefix, func, user_data, only };

  if (list == NULL)
    return _dossier_case_each_object (import, case_object, "events", case_where, prefix, func, user_data, error);

  each.parser = parser = json_parser_new ();
  return dossier_json_split_each (import->split, list, each_element, &each, error);
}

/* How many events the file has, for the progress: those left out of the
 * tree, and those in it. */
guint
_dossier_case_count_events (Import     *import,
                            JsonObject *root)
{
  JsonNode *one = json_object_get_member (root, "case");
  JsonNode *list = json_object_get_member (root, "cases");
  guint n = import->split ? dossier_json_split_count (import->split) : 0;

  if (one != NULL && JSON_NODE_HOLDS_OBJECT (one))
    {
      JsonNode *events = json_object_get_member (json_node_get_object (one), "events");

      if (events != NULL && JSON_NODE_HOLDS_ARRAY (events))
        n += json_array_get_length (json_node_get_array (events));
    }
  if (list != NULL && JSON_NODE_HOLDS_ARRAY (list))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
      {
        JsonNode *item = json_array_get_element (json_node_get_array (list), i);
        JsonNode *events = JSON_NODE_HOLDS_OBJECT (item)
                             ? json_object_get_member (json_node_get_object (item), "events") : NULL;

        if (events != NULL && JSON_NODE_HOLDS_ARRAY (events))
          n += json_array_get_length (json_node_get_array (events));
      }
  return n;
}
