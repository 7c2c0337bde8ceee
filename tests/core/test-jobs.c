/* test-jobs.c: imports and exports on a worker thread, on real databases:
 * what an import changed announced on the main thread, with its progress,
 * undone as one; the store's own writes refused at once while it runs;
 * cancelled, the database and the file to export left as they were
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dossier-store.h"
#include "test-utils.h"

typedef struct
{
  char         *dir;
  char         *path;
  DossierStore *store;
  GThread      *main_thread;
  guint         n_changed;
  gboolean      changed_elsewhere;
  GArray       *fractions;
  GCancellable *cancellable;
  gboolean      cancel_at_first_progress;
  GAsyncResult *result;
} Fixture;

static void
on_changed (DossierStore *store,
            int           kind,
            gint64        id,
            int           type,
            gint64        case_id,
            Fixture      *f)
{
  f->n_changed++;
  if (g_thread_self () != f->main_thread)
    f->changed_elsewhere = TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-jobs-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
  f->main_thread = g_thread_self ();
  f->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  f->cancellable = g_cancellable_new ();
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->result);
  g_clear_object (&f->cancellable);
  g_array_unref (f->fractions);
  g_clear_object (&f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The progress target is a GObject kept alive by the job: the
 * cancellable, which the fixture owns. */
static void
on_progress (double   fraction,
             gpointer target)
{
  Fixture *f = g_object_get_data (target, "fixture");

  g_assert_true (g_thread_self () == f->main_thread);
  g_array_append_val (f->fractions, fraction);
  if (f->cancel_at_first_progress)
    g_cancellable_cancel (f->cancellable);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Fixture *f = data;

  f->result = g_object_ref (result);
}

static void
wait_for_result (Fixture *f)
{
  while (f->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* A case file of @n events, written to a file in the fixture's folder. */
static char *
write_case (Fixture    *f,
            const char *slug,
            guint       n)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, "case.json", NULL);

  g_string_append_printf (json, "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [], \"entities\": [],"
                          " \"case\": {\"slug\": \"%s\", \"participants\": [],"
                          " \"text\": {\"en\": {\"title\": \"A case of %u events\"}}, \"events\": [", slug, n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"slug\": \"e%u\", \"date\": \"2020-%02u-%02u\","
                            " \"text\": {\"en\": {\"title\": \"Event number %u\"}}}",
                            i ? ", " : "", i, 1 + i % 12, 1 + i % 28, i);
  g_string_append (json, "]}}");
  g_assert_true (g_file_set_contents (path, json->str, json->len, &error));
  g_assert_no_error (error);
  return path;
}

static void
import_case (Fixture    *f,
             const char *path)
{
  g_object_set_data (G_OBJECT (f->cancellable), "fixture", f);
  dossier_store_import_case_file_async (f->store, path, DOSSIER_IMPORT_DEFAULT, f->cancellable,
                                        on_progress, f->cancellable, on_done, f);
}

/* An import runs beside the main loop: the store says it is busy, and
 * refuses its own writes at once; once done, the views hear what changed,
 * on the main thread, and it is undone as one. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = write_case (f, "job-case", 3000);
  g_autofree char *before = test_count_rows (f->store);
  g_autofree char *action = NULL;
  g_autofree char *after_undo = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  gint64 case_id = 0, id = 0;

  import_case (f, path);
  g_assert_true (dossier_store_get_busy (f->store));
  g_hash_table_insert (values, "title", "Written while importing");
  g_assert_false (dossier_store_save (f->store, DOSSIER_NODE_CASE, 0, 0, values, &id, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BUSY);
  g_clear_error (&error);

  wait_for_result (f);
  dossier_store_import_case_file_finish (f->store, f->result, &case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);
  g_assert_cmpint (case_id, ==, test_find_case (f->store, "job-case"));
  g_assert_false (dossier_store_get_busy (f->store));
  g_assert_cmpuint (f->n_changed, >=, 1);
  g_assert_false (f->changed_elsewhere);

  /* Told how far it was, in order, to the end. */
  g_assert_cmpuint (f->fractions->len, >, 0);
  for (guint i = 1; i < f->fractions->len; i++)
    g_assert_cmpfloat (g_array_index (f->fractions, double, i), >=, g_array_index (f->fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (f->fractions, double, f->fractions->len - 1), <=, 1.0);

  /* Writable again, and the import is one step of the history. */
  action = dossier_store_dup_history_action (f->store, FALSE);
  g_assert_nonnull (action);
  g_assert_true (dossier_store_undo (f->store, &error));
  g_assert_no_error (error);
  after_undo = test_count_rows (f->store);
  g_assert_cmpstr (after_undo, ==, before);
}

/* Cancelled while it runs (at its first word of progress): rolled back,
 * the file byte for byte as it was, and the history too. */
static void
test_cancel_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = write_case (f, "cancelled-case", 20000);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id = -1;

  g_clear_object (&f->store);
  before = test_dump_content (f->path);
  f->store = test_open_store (f->path);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);

  f->cancel_at_first_progress = TRUE;
  import_case (f, path);
  wait_for_result (f);
  g_assert_false (dossier_store_import_case_file_finish (f->store, f->result, &case_id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (case_id, ==, 0);
  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_false (dossier_store_get_busy (f->store));
  g_assert_null (dossier_store_dup_history_action (f->store, FALSE));

  g_clear_object (&f->store);
  after = test_dump_content (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* A file refused by the reader: its error, with its place, and nothing
 * changed; a second import while one runs is refused at once. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *good = write_case (f, "good-case", 10);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"dossier-case\", \"version\": 1,\n \"case\": 3}", -1, NULL));
  import_case (f, path);
  wait_for_result (f);
  g_assert_false (dossier_store_import_case_file_finish (f->store, f->result, NULL, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BAD_CASE_FILE);
  g_assert_true (strstr (error->message, "bad.json") != NULL);
  g_clear_error (&error);
  g_assert_cmpuint (f->n_changed, ==, 0);

  g_clear_object (&f->result);
  import_case (f, good);
  dossier_store_import_case_file_async (f->store, good, DOSSIER_IMPORT_DEFAULT, NULL, NULL, NULL, on_done, f);
  /* The second one is refused at once, the first goes on. */
  wait_for_result (f);
  first = g_steal_pointer (&f->result);
  g_assert_false (dossier_store_import_case_file_finish (f->store, first, NULL, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BUSY);
  g_clear_error (&error);
  wait_for_result (f);
  g_assert_true (dossier_store_import_case_file_finish (f->store, f->result, NULL, &error));
  g_assert_no_error (error);
}

/* An export on the worker: the same bytes as the one on the main thread;
 * cancelled, the file there before is left whole. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *sync_path = g_build_filename (f->dir, "sync.json", NULL);
  g_autofree char *path = g_build_filename (f->dir, "async.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_store_export_case_file (f->store, 0, sync_path, &error));
  g_assert_no_error (error);
  dossier_store_export_case_file_async (f->store, 0, path, NULL, NULL, NULL, on_done, f);
  g_assert_false (dossier_store_get_busy (f->store));
  wait_for_result (f);
  g_assert_true (dossier_store_export_file_finish (f->store, f->result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (sync_path, &expected, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &got, NULL, NULL));
  g_assert_cmpstr (got, ==, expected);

  g_clear_object (&f->result);
  g_assert_true (g_file_set_contents (path, "kept", -1, NULL));
  g_cancellable_cancel (f->cancellable);
  dossier_store_export_shares_file_async (f->store, 0, path, f->cancellable, NULL, NULL, on_done, f);
  wait_for_result (f);
  g_assert_false (dossier_store_export_file_finish (f->store, f->result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_free (got);
  g_assert_true (g_file_get_contents (path, &got, NULL, NULL));
  g_assert_cmpstr (got, ==, "kept");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/jobs/import", test_import);
  ADD ("/jobs/cancel-import", test_cancel_import);
  ADD ("/jobs/refused", test_refused);
  ADD ("/jobs/export", test_export);

  return g_test_run ();
}
