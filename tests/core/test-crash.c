/* test-crash.c: a process killed (SIGKILL) at a random moment, hundreds of
 * times, during a large import and during bursts of edits, undos and
 * redos, leaves a database that passes PRAGMA integrity_check, in which
 * every transaction is wholly there or wholly absent, and whose undo
 * history matches its content: undoing everything gives back the database
 * as it was before the process started, and redoing as much gives back
 * what the process had committed.
 *
 * DOSSIER_CRASH_RUNS sets the number of kills of each kind (100).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dossier-store.h"
#include "test-utils.h"

#define N_EVENTS 1500

typedef struct
{
  char   *dir;
  char   *template_path;  /* a store as Dossier makes it, closed */
  char   *path;           /* the copy each run works on */
  char   *template;       /* its bytes */
  gsize   template_size;
  char   *initial;        /* its content */
  guint   runs;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *runs = g_getenv ("DOSSIER_CRASH_RUNS");

  f->dir = test_make_tmp_dir ("dossier-crash-XXXXXX");
  f->template_path = g_build_filename (f->dir, "template.db", NULL);
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  g_object_unref (test_open_store (f->template_path));
  g_assert_true (g_file_get_contents (f->template_path, &f->template, &f->template_size, NULL));
  f->initial = test_dump_content (f->template_path);
  f->runs = runs != NULL ? (guint) g_ascii_strtoull (runs, NULL, 10) : 100;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->template_path);
  g_free (f->path);
  g_free (f->template);
  g_free (f->initial);
}

/* The work file back to the template, with no -wal or -shm of the last run. */
static void
reset (Fixture *f)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_assert_true (g_file_set_contents (f->path, f->template, f->template_size, NULL));
}

/* A case file of @n events, each with a text, an actor and a source. */
static GBytes *
make_case (guint n)
{
  GString *json = g_string_new ("{\"format\": \"dossier-case\", \"version\": 2,"
                                " \"sources\": [{\"slug\": \"crash-docket\", \"publisher\": \"Crash Court\","
                                " \"title\": \"Docket\"}],"
                                " \"entities\": [{\"slug\": \"crash-agency\", \"kind\": \"organization\","
                                " \"name\": \"Crash Agency\", \"text\": {\"en\": {\"summary\": \"An agency.\"}}}],"
                                " \"case\": {\"slug\": \"crash-case\", \"text\": {\"en\": {\"title\": \"Crash case\"}},"
                                " \"participants\": [{\"entity\": \"crash-agency\", \"role\": {\"en\": \"Agency\"}}],"
                                " \"events\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"slug\": \"crash-event-%u\", \"date\": \"20%02u-%02u-%02u\","
                            " \"text\": {\"en\": {\"title\": \"Event %u\", \"summary\": \"What happened on day %u.\"},"
                            " \"fr\": {\"title\": \"Événement %u\"}},"
                            " \"actors\": [\"crash-agency\"], \"sources\": [{\"source\": \"crash-docket\"}]}",
                            i ? ", " : "", i, 10 + i % 15, 1 + i % 12, 1 + i % 28, i, i, i);
  g_string_append (json, "]}}");
  return g_string_free_to_bytes (json);
}

/* Runs @child_func in a child process and kills it after @delay_us (or
 * lets it finish, if it does first). Returns how long it lived. */
static gint64
run_and_kill (void  (*child_func) (Fixture *f, gpointer data),
              Fixture *f,
              gpointer data,
              gint64   delay_us)
{
  gint64 start = g_get_monotonic_time ();
  pid_t child = fork ();
  int status;

  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      child_func (f, data);
      _exit (0);
    }

  if (delay_us >= 0)
    {
      /* Sleep in small steps: a child that finished is not killed. */
      while (g_get_monotonic_time () - start < delay_us)
        {
          /* Finished before its time: it must have succeeded. */
          if (waitpid (child, &status, WNOHANG) == child)
            {
              g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
              return g_get_monotonic_time () - start;
            }
          g_usleep (MIN (500, delay_us));
        }
      kill (child, SIGKILL);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  if (delay_us < 0)
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return g_get_monotonic_time () - start;
}

static void
assert_sound (Fixture *f)
{
  g_autofree char *check = test_sql_string (f->path, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  /* A case file is a node, its row and its text, or none of them. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE kind = 'case' "
                                          "AND (id NOT IN (SELECT node_id FROM case_file) "
                                          "  OR id NOT IN (SELECT node_id FROM node_text))"), ==, 0);
}

static void
import_in_child (Fixture  *f,
                 gpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierStore *store = dossier_store_open (f->path, &error);

  if (store == NULL || !dossier_store_import_case (store, data, "crash.json", &error))
    {
      g_printerr ("import: %s\n", error->message);
      _exit (2);
    }
  g_object_unref (store);
}

static void
test_killed_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) json = make_case (N_EVENTS);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint whole = 0, absent = 0;
  gint64 lifetime = 0;

  /* How long a whole import takes here (slower under a sanitizer). */
  for (guint i = 0; i < 3; i++)
    {
      reset (f);
      lifetime += run_and_kill (import_in_child, f, json, -1) / 3;
    }
  g_test_message ("an import of %u events lives %.0f ms", N_EVENTS, lifetime / 1000.);

  for (guint run = 0; run < f->runs; run++)
    {
      gint64 events;
      g_autofree char *now = NULL;
      g_autoptr(DossierStore) store = NULL;

      reset (f);
      run_and_kill (import_in_child, f, json, g_rand_int_range (rand, 0, (int) (lifetime * 1.25) + 1));
      assert_sound (f);

      /* All or nothing: every event with its text, or none. */
      events = test_sql_int (f->path, "SELECT count(*) FROM event e JOIN node n ON n.id = e.node_id "
                                      "JOIN node_text t ON t.node_id = n.id AND t.lang = 'fr' "
                                      "WHERE n.slug LIKE 'crash-event-%'");
      g_assert_true (events == 0 || events == N_EVENTS);
      g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE slug LIKE 'crash-%'"), ==,
                       events ? N_EVENTS + 3 : 0);

      /* The history knows it: undone, the database is as it was. */
      store = test_open_store (f->path);
      if (events)
        {
          whole++;
          g_assert_true (dossier_store_undo (store, NULL));
        }
      else
        absent++;
      g_assert_false (dossier_store_undo (store, NULL));
      now = test_dump_content (f->path);
      g_assert_cmpstr (now, ==, f->initial);
    }

  g_test_message ("%u imports killed: %u wholly there, %u wholly absent", f->runs, whole, absent);
  g_assert_cmpuint (absent, >, 0);
  g_assert_cmpuint (whole, >, 0);
}

static void
open_in_child (Fixture  *f,
               gpointer  data)
{
  DossierStore *store = dossier_store_open (f->path, NULL);

  if (store == NULL)
    _exit (2);
  g_object_unref (store);
}

/* Edits, undos and redos as fast as they go, in an order of the run's own. */
static void
edit_in_child (Fixture  *f,
               gpointer  data)
{
  DossierStore *store = dossier_store_open (f->path, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  gint64 jedi = store ? test_find_case (store, "jedi-protest") : 0;
  g_autoptr(GArray) created = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint step = 0; store != NULL; step++)
    {
      g_autofree char *text = g_strdup_printf ("edit %u", step);
      int what = g_rand_int_range (rand, 0, 10);
      gint64 id = 0;

      if (what < 3)
        dossier_store_set_summary (store, jedi, g_rand_boolean (rand) ? "en" : "fr", text, NULL);
      else if (what < 5 && dossier_store_create_case (store, text, "en", &id, NULL))
        g_array_append_val (created, id);
      else if (what < 6 && created->len > 0)
        dossier_store_delete_case (store, g_array_index (created, gint64, g_rand_int_range (rand, 0, created->len)), NULL);
      else if (what < 8)
        dossier_store_undo (store, NULL);
      else
        dossier_store_redo (store, NULL);
    }
  _exit (2);
}

static void
test_killed_edits (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint total = 0;
  gint64 opening = 0;

  /* Killed between 5 and 80 ms into its edits, after opening the store. */
  for (guint i = 0; i < 3; i++)
    {
      reset (f);
      opening += run_and_kill (open_in_child, f, NULL, -1) / 3;
    }

  for (guint run = 0; run < f->runs; run++)
    {
      g_autofree char *committed = NULL, *back = NULL, *forth = NULL;
      g_autoptr(DossierStore) store = NULL;
      guint undone = 0;

      reset (f);
      run_and_kill (edit_in_child, f, GUINT_TO_POINTER (run + 1), opening + g_rand_int_range (rand, 5000, 80000));
      assert_sound (f);
      committed = test_dump_content (f->path);

      /* Undo all the way back: the database before the process. */
      store = test_open_store (f->path);
      while (dossier_store_undo (store, NULL))
        undone++;
      back = test_dump_content (f->path);
      g_assert_cmpstr (back, ==, f->initial);

      /* Redo as much: what it had committed. */
      for (guint i = 0; i < undone; i++)
        g_assert_true (dossier_store_redo (store, NULL));
      forth = test_dump_content (f->path);
      g_assert_cmpstr (forth, ==, committed);
      total += undone;
    }

  g_test_message ("%u writers killed; %u edits in their histories undone and redone", f->runs, total);
  g_assert_cmpuint (total, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/crash/killed-import", test_killed_import);
  ADD ("/crash/killed-edits", test_killed_edits);
#undef ADD

  return g_test_run ();
}
