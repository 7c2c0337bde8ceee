/* test-exchange.c: importing and exporting from a real window: the case
 * file shown written out; written back in, the window asking whether to
 * import it as a copy and opening the copy; a CSV file with mistakes
 * listed line by line and nothing imported; a right one imported in one
 * step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "dossier-node.h"
#include "dossier-selection.h"
#include "dossier-store.h"
#include "dossier-window.h"
#include "test-ui-utils.h"
#include "test-utils.h"

typedef struct
{
  char          *dir;
  char          *path;
  DossierStore  *store;
  DossierWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-ui-exchange-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
  f->window = test_open_window (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_close_window (f->window, f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* The message dialog the window shows, with every text in it. */
static GtkDialog *
find_dialog (char **texts)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window))
        {
          GString *out = g_string_new ("|");

          collect_labels (GTK_WIDGET (window), out);
          *texts = g_string_free (out, FALSE);
          return GTK_DIALOG (window);
        }
    }

  *texts = NULL;
  return NULL;
}

static gboolean
shows_dialog (gpointer data)
{
  g_autofree char *texts = NULL;

  return find_dialog (&texts) != NULL;
}

/* Imports and exports run on a worker thread: done once the window says
 * so. */
static gboolean
job_done (gpointer window)
{
  return !dossier_window_is_busy (window);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

/* The case file shown, out and back in: already there, so the window asks;
 * "Import as Copy" adds "(2)" and opens it. */
static void
test_case_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *json = g_build_filename (f->dir, "jedi.json", NULL);
  g_autofree char *texts = NULL;
  g_autoptr(DossierNode) copy = NULL;
  DossierSelection *selection = dossier_window_get_selection (f->window);
  gint64 jedi = test_find_case (f->store, "jedi-protest");
  gint64 copy_id;
  GtkDialog *dialog;

  g_assert_cmpint (dossier_selection_get_case_id (selection), ==, jedi);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->window)));
  g_assert_true (dossier_window_export_case_to (f->window, json));
  test_wait_until (job_done, f->window);
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(GString) out = g_string_new ("|");

    collect_labels (GTK_WIDGET (f->window), out);
    g_assert_nonnull (strstr (out->str, "|Case file exported to jedi.json|"));
  }

  dossier_window_import_case_from (f->window, json);
  test_wait_until (shows_dialog, NULL);
  dialog = find_dialog (&texts);
  g_assert_nonnull (strstr (texts, "|This case file is in Dossier already|"));
  g_assert_nonnull (strstr (texts, "the case file “JEDI cloud contract protest” is already in this database"));
  g_assert_cmpint (dossier_store_count (f->store, "case_file", NULL), ==, 1);

  gtk_dialog_response (dialog, 1);
  test_iterate ();
  test_wait_until (job_done, f->window);
  test_iterate ();
  copy_id = test_find_case (f->store, "jedi-protest-2");
  g_assert_cmpint (dossier_selection_get_case_id (selection), ==, copy_id);
  copy = dossier_store_get_node (f->store, copy_id, copy_id, NULL);
  g_assert_cmpstr (dossier_node_get_title (copy), ==, "JEDI cloud contract protest (2)");
  {
    g_autoptr(GString) out = g_string_new ("|");

    collect_labels (GTK_WIDGET (f->window), out);
    g_assert_nonnull (strstr (out->str, "|Imported “JEDI cloud contract protest (2)”|"));
  }
}

/* With no case file shown there is nothing to export: said, not the whole
 * database written instead. */
static void
test_nothing_shown (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *json = g_build_filename (f->dir, "none.json", NULL);
  g_autofree char *texts = NULL;
  GtkDialog *dialog;

  dossier_selection_select (dossier_window_get_selection (f->window), 0, DOSSIER_SECTION_NONE, 0);
  test_iterate ();
  g_assert_false (dossier_window_export_case_to (f->window, json));
  g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
  test_wait_until (shows_dialog, NULL);
  dialog = find_dialog (&texts);
  g_assert_nonnull (strstr (texts, "|The case file could not be exported|"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A CSV file with mistakes: every one listed with its line, nothing
 * imported; the right file imported, in one step. */
static void
test_shares (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *good = g_build_filename (f->dir, "analyst-2024.csv", NULL);
  g_autofree char *texts = NULL;
  g_autofree char *before = test_file_state (f->path);
  g_autofree char *after = NULL;
  GtkDialog *dialog;

  write_file (bad, "period,provider,share\n2024-Q1,AWS,31\n2024-Q1,Microsoft,\"25,5\"\n2024Q1,Google,11\n");
  g_assert_true (dossier_window_import_shares_from (f->window, bad));
  test_wait_until (shows_dialog, NULL);
  dialog = find_dialog (&texts);
  g_assert_nonnull (strstr (texts, "|The market shares could not be imported|"));
  g_assert_nonnull (strstr (texts, "Nothing was imported. Fix these lines of bad.csv, then import it again."));
  g_assert_nonnull (strstr (texts, "Line 3: “25,5” has a decimal comma"));
  g_assert_nonnull (strstr (texts, "\nLine 4: “2024Q1” is not a period"));
  after = test_file_state (f->path);
  g_assert_cmpstr (before, ==, after);
  gtk_window_destroy (GTK_WINDOW (dialog));

  write_file (good, "period,provider,share\r\n2024-Q1,AWS,31\r\n2024-Q1,Microsoft,25.5\r\n");
  g_assert_true (dossier_window_import_shares_from (f->window, good));
  test_wait_until (job_done, f->window);
  test_iterate ();
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM market_share m JOIN market_series s "
                                          "ON s.id = m.series_id WHERE s.slug = 'analyst-2024'"), ==, 2);
  {
    g_autoptr(GString) out = g_string_new ("|");

    collect_labels (GTK_WIDGET (f->window), out);
    g_assert_nonnull (strstr (out->str, "|Imported 2 figures from analyst-2024.csv|"));
  }
}

static GtkProgressBar *
job_progress (Fixture *f)
{
  return test_get_widget (GTK_WIDGET (f->window), GTK_TYPE_PROGRESS_BAR, 0);
}

/* Runs the main loop until the import is among its events (the first
 * figure of its progress), however slow the build (valgrind): then it
 * has thousands of them to go. */
static void
run_until_importing_events (Fixture *f)
{
  while (dossier_window_is_busy (f->window) && gtk_progress_bar_get_fraction (job_progress (f)) == 0.)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dossier_window_is_busy (f->window));
}

/* A long import: the bar shows what is done and how far it is, the
 * store refuses other writes meanwhile; Cancel rolls it all back, in
 * silence, and the bar goes. */
static char *
write_events (Fixture *f,
              guint    n)
{
  char *json = g_build_filename (f->dir, "many-events.json", NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append (text, "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [], \"entities\": [],"
                         " \"case\": {\"slug\": \"many-events\", \"participants\": [],"
                         " \"text\": {\"en\": {\"title\": \"Many events\"}}, \"events\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"slug\": \"e%u\", \"date\": \"2021-01-%02u\","
                            " \"text\": {\"en\": {\"title\": \"Event %u\"}}}", i ? "," : "", i, 1 + i % 28, i);
  g_string_append (text, "]}}");
  write_file (json, text->str);
  return json;
}

static char *
write_many_events (Fixture *f)
{
  return write_events (f, 20000);
}

static void
test_progress_and_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *json = write_many_events (f);
  g_autofree char *before = test_dump_content (f->path);
  g_autofree char *after = NULL;
  g_autofree char *texts = NULL;
  GtkInfoBar *bar;

  dossier_window_import_case_from (f->window, json);
  g_assert_true (dossier_window_is_busy (f->window));
  g_assert_true (dossier_store_get_busy (f->store));

  run_until_importing_events (f);
  bar = GTK_INFO_BAR (gtk_widget_get_ancestor (GTK_WIDGET (job_progress (f)), GTK_TYPE_INFO_BAR));
  {
    g_autoptr(GString) out = g_string_new ("|");

    collect_labels (GTK_WIDGET (bar), out);
    g_assert_nonnull (strstr (out->str, "|Importing many-events.json…|"));
  }
  gtk_info_bar_response (bar, GTK_RESPONSE_CANCEL);
  while (dossier_window_is_busy (f->window))
    g_main_context_iteration (NULL, TRUE);
  test_iterate ();

  g_assert_false (gtk_info_bar_get_revealed (bar));
  g_assert_false (dossier_store_get_busy (f->store));
  g_assert_null (find_dialog (&texts));
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE slug = 'many-events'"), ==, 0);
  /* What the file holds (the log may keep the rolled-back pages, which
   * SQLite never reads: no commit closes them). */
  after = test_dump_content (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* The window closed while it imports: the import is cancelled, and the
 * database closed once it has stopped, holding what it held. */
static void
test_close_while_importing (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *json = write_many_events (f);
  g_autofree char *before = test_dump_content (f->path);
  g_autofree char *after = NULL;

  dossier_window_import_case_from (f->window, json);
  run_until_importing_events (f);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (f->window != NULL)
    g_main_context_iteration (NULL, TRUE);
  /* The job stops at its next statement; the store is let go of after,
   * as the application does at exit. */
  while (dossier_store_has_jobs (f->store))
    g_main_context_iteration (NULL, TRUE);
  g_assert_finalize_object (g_steal_pointer (&f->store));

  after = test_dump_content (f->path);
  g_assert_cmpstr (after, ==, before);
  f->store = test_open_store (f->path);
  f->window = test_open_window (f->store);
}

/* Undoing an import of thousands of rows (its undo record written in
 * parts) is a job too: the bar says so, the store refuses other writes
 * meanwhile; undone, the file holds what it held before; redone, the
 * import is back. */
static void
test_long_undo (Fixture       *f,
                gconstpointer  data)
{
  /* Enough for parts of 64 kB (set in main()), few for valgrind. */
  g_autofree char *json = write_events (f, 2000);
  g_autofree char *before = test_dump_content (f->path);
  g_autofree char *imported = NULL;

  dossier_window_import_case_from (f->window, json);
  while (dossier_window_is_busy (f->window))
    g_main_context_iteration (NULL, TRUE);
  test_iterate ();
  imported = test_dump_content (f->path);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM history_part"), >, 0);
  g_assert_true (dossier_store_history_is_long (f->store, FALSE));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (dossier_window_is_busy (f->window));
  g_assert_true (dossier_store_get_busy (f->store));
  {
    g_autoptr(GString) out = g_string_new ("|");

    collect_labels (gtk_widget_get_ancestor (GTK_WIDGET (job_progress (f)), GTK_TYPE_INFO_BAR), out);
    g_assert_nonnull (strstr (out->str, "|Undoing…|"));
  }
  while (dossier_window_is_busy (f->window))
    g_main_context_iteration (NULL, TRUE);
  test_iterate ();
  g_assert_false (dossier_store_get_busy (f->store));
  {
    g_autofree char *undone = test_dump_content (f->path);
    g_assert_cmpstr (undone, ==, before);
  }

  g_assert_true (dossier_store_history_is_long (f->store, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_true (dossier_window_is_busy (f->window));
  while (dossier_window_is_busy (f->window))
    g_main_context_iteration (NULL, TRUE);
  test_iterate ();
  {
    g_autofree char *redone = test_dump_content (f->path);
    g_assert_cmpstr (redone, ==, imported);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  /* Imports of a few thousand rows write their undo record in parts. */
  g_setenv ("DOSSIER_HISTORY_PART_BYTES", "65536", TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/exchange/case-file", test_case_file);
  ADD ("/exchange/nothing-shown", test_nothing_shown);
  ADD ("/exchange/shares", test_shares);
  ADD ("/exchange/progress-and-cancel", test_progress_and_cancel);
  ADD ("/exchange/close-while-importing", test_close_while_importing);
  ADD ("/exchange/long-undo", test_long_undo);

  return g_test_run ();
}
