/* dossier-store-find.c
 *
 * The case files whose title has some words, for the sidebar's filter:
 * found on a worker thread with a connection of its own (as jobs are), so
 * that typing does not hold up the window while every title is read (some
 * tenths of a second for a hundred thousand case files). The words match as
 * the sidebar's filter matches its items: each one somewhere in the title
 * the case file shows (in the interface's language, else in English, else
 * its name), case and accents as typed. Nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <string.h>

#include "dossier-store-private.h"

typedef struct
{
  char     *db_path;
  gboolean  read_only;
  char     *language;
  char     *words;     /* casefolded, separated by spaces */
  guint     limit;
  GArray   *ids;       /* gint64, the first @limit found */
  guint     n_found;
} Find;

static void
find_free (Find *find)
{
  g_free (find->db_path);
  g_free (find->language);
  g_free (find->words);
  g_clear_pointer (&find->ids, g_array_unref);
  g_free (find);
}

/**
 * dossier_title_has_words:
 * @title: (nullable): a title as shown
 * @words: casefolded words; empty ones are skipped
 *
 * The rule of the sidebar's filter, for its items and for the case files
 * found here: every word somewhere in @title casefolded (case as typed or
 * not, accents as typed).
 */
gboolean
dossier_title_has_words (const char        *title,
                         const char * const *words)
{
  g_autofree char *folded = NULL;

  if (title == NULL)
    return FALSE;
  folded = g_utf8_casefold (title, -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* dossier_has_words (TITLE, WORDS): dossier_title_has_words() in SQL, the
 * words separated by spaces. They are split once a statement (SQLite keeps
 * them with the argument). */
static void
has_words (sqlite3_context  *context,
           int               argc,
           sqlite3_value   **argv)
{
  char **words = sqlite3_get_auxdata (context, 1);

  if (words == NULL)
    {
      const char *text = (const char *) sqlite3_value_text (argv[1]);

      words = g_strsplit (text ? text : "", " ", -1);
      sqlite3_set_auxdata (context, 1, words, (void (*) (void *)) g_strfreev);
      /* SQLite may have let go of them at once. */
      if ((words = sqlite3_get_auxdata (context, 1)) == NULL)
        {
          sqlite3_result_error_nomem (context);
          return;
        }
    }
  sqlite3_result_int (context, dossier_title_has_words ((const char *) sqlite3_value_text (argv[0]),
                                                        (const char * const *) words));
}

/* A case file found, and where it stands in the sidebar's order. */
typedef struct
{
  char   filed[16];   /* "YYYY-MM-DD", or "" */
  gint64 id;
} Found;

static int
by_sidebar_order (gconstpointer a,
                  gconstpointer b)
{
  const Found *x = a, *y = b;
  int c = strcmp (x->filed, y->filed);

  return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

static gboolean
find_in (DossierDb  *db,
         Find       *find,
         GError    **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  gboolean has_row, ok;
  int rc;

  rc = sqlite3_create_function_v2 (dossier_db_get_handle (db), "dossier_has_words", 2,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, has_words, NULL, NULL, NULL);
  if (!dossier_db_check (db, rc, "dossier_has_words", error))
    return FALSE;

  /* Read in the order of the nodes, which is that of the file (in the
   * sidebar's order the reads jumped about it: ten times as long for a
   * hundred thousand), then sorted here. */
  stmt = dossier_db_prepare (db,
                             "SELECT c.node_id, COALESCE (c.filed, '') FROM case_file c JOIN node n ON n.id = c.node_id"
                             " LEFT JOIN node_text t ON t.node_id = n.id AND t.lang = ?1"
                             " LEFT JOIN node_text d ON d.node_id = n.id AND d.lang = 'en'"
                             " WHERE dossier_has_words (COALESCE (NULLIF (t.title, ''), NULLIF (d.title, ''), n.name), ?2)"
                             " ORDER BY c.node_id", error);
  if (stmt == NULL || !dossier_db_bind (db, stmt, error, "tt", find->language, find->words))
    return FALSE;
  while ((ok = dossier_db_step_row (db, stmt, &has_row, error)) && has_row)
    {
      Found one = { .id = sqlite3_column_int64 (stmt, 0) };

      const char *filed = (const char *) sqlite3_column_text (stmt, 1);

      g_strlcpy (one.filed, filed ? filed : "", sizeof one.filed);
      g_array_append_val (found, one);
    }
  if (!ok)
    return FALSE;

  g_array_sort (found, by_sidebar_order);
  find->n_found = found->len;
  for (guint i = 0; i < MIN (found->len, find->limit); i++)
    g_array_append_val (find->ids, g_array_index (found, Found, i).id);
  return TRUE;
}

static void
find_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Find *find = data;
  g_autoptr(GError) error = NULL;
  DossierDb *db;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(db = _dossier_store_open_worker (find->db_path, find->read_only, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Typing on stops it at its next steps. */
  dossier_db_set_job (db, cancellable, NULL, NULL);
  ok = find_in (db, find, &error);
  dossier_db_set_job (db, NULL, NULL, NULL);
  dossier_db_close (db);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * dossier_store_find_case_files_async:
 * @words: what the user typed, each word to be found in the title
 * @limit: how many to keep, the first in the sidebar's order
 *
 * Looks through every case file's title on a worker thread, with a
 * connection of its own; dossier_store_find_case_files_finish() gives the
 * first @limit found, in the sidebar's order, and how many there are.
 */
void
dossier_store_find_case_files_async (DossierStore        *self,
                                     const char          *words,
                                     guint                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *folded = NULL;
  Find *find;

  g_return_if_fail (DOSSIER_IS_STORE (self));
  g_return_if_fail (words != NULL);

  folded = g_utf8_casefold (words, -1);
  find = g_new0 (Find, 1);
  find->db_path = g_strdup (dossier_db_get_path (self->db));
  find->read_only = dossier_db_is_read_only (self->db);
  find->language = g_strdup (self->language);
  find->words = g_strdup (g_strstrip (folded));
  find->limit = limit;
  find->ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_store_find_case_files_async);
  g_task_set_task_data (task, find, (GDestroyNotify) find_free);
  g_task_run_in_thread (task, find_in_thread);
}

/**
 * dossier_store_find_case_files_finish:
 * @n_found: (out) (optional): how many case files have the words
 *
 * Returns: (transfer full) (element-type gint64): the ids of the first
 *   case files found, in the sidebar's order; %NULL with @error set when
 *   cancelled or the database could not be read
 */
GArray *
dossier_store_find_case_files_finish (DossierStore  *self,
                                      GAsyncResult  *result,
                                      guint         *n_found,
                                      GError       **error)
{
  Find *find;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  find = g_task_get_task_data (G_TASK (result));
  if (n_found != NULL)
    *n_found = find->n_found;
  return g_steal_pointer (&find->ids);
}
