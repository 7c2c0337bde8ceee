/* test-history.c: undo and redo, kept in the database: exact, across
 * reopening, after a writer was killed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dossier-node.h"
#include "dossier-store.h"
#include "test-utils.h"

typedef struct
{
  char         *dir;
  char         *path;
  DossierStore *store;
  gint64        case_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-history-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
  f->case_id = test_find_case (f->store, "jedi-protest");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Everything the user sees, read with a connection of the test's own: the
 * content of every table but the history, in a fixed order. */
static char *
dump (const char *path)
{
  static const char * const tables[] = {
    "node", "node_text", "case_file", "participant", "participant_text", "event",
    "event_actor", "source", "case_source", "citation", "market_series",
    "market_series_text", "market_share", "organization_parent", "role", "claim", "note",
    "market_break", "market_break_text",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *probe = g_strdup_printf ("SELECT * FROM %s", tables[i]);
      g_autoptr(GString) sql = g_string_new (probe);
      sqlite3_stmt *stmt = NULL;
      int n_columns;

      /* Ordered by every column: one order whatever the rowids. */
      g_assert_cmpint (sqlite3_prepare_v2 (db, probe, -1, &stmt, NULL), ==, SQLITE_OK);
      n_columns = sqlite3_column_count (stmt);
      g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
      for (int c = 1; c <= n_columns; c++)
        g_string_append_printf (sql, "%s%d", c == 1 ? " ORDER BY " : ", ", c);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", tables[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, c) ? (const char *) sqlite3_column_text (stmt, c) : "∅");
          g_string_append_c (out, '\n');
        }
      g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return g_string_free (out, FALSE);
}

/* Equal dumps, or the lines that differ. */
static void
assert_same_dump (const char *now,
                  const char *expected)
{
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;

  if (g_strcmp0 (now, expected) == 0)
    return;
  a = g_strsplit (now, "\n", -1);
  b = g_strsplit (expected, "\n", -1);
  for (guint i = 0; a[i] != NULL || b[i] != NULL; i++)
    if (a[i] == NULL || b[i] == NULL || !g_str_equal (a[i], b[i]))
      g_error ("the content differs at line %u:\n  now:      %s\n  expected: %s", i,
               a[i] ? a[i] : "(end)", b[i] ? b[i] : "(end)");
}

static void
test_edit_undo_redo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f->path);
  g_autofree char *after = NULL;
  g_autofree char *action = NULL;
  g_autoptr(DossierNode) node = NULL;

  g_assert_null (dossier_store_dup_history_action (f->store, FALSE));
  g_assert_false (dossier_store_undo (f->store, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (dossier_store_set_title (f->store, f->case_id, "en", "Renamed", &error));
  after = dump (f->path);
  action = dossier_store_dup_history_action (f->store, FALSE);
  g_assert_cmpstr (action, ==, "edit-title");

  /* Undone after closing and opening the database again. */
  g_clear_object (&f->store);
  f->store = test_open_store (f->path);
  g_assert_true (dossier_store_undo (f->store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *undone = dump (f->path);
    g_assert_cmpstr (undone, ==, before);
  }
  node = dossier_store_get_node (f->store, f->case_id, f->case_id, NULL);
  g_assert_cmpstr (dossier_node_get_title (node), ==, "JEDI cloud contract protest");

  g_assert_true (dossier_store_redo (f->store, &error));
  {
    g_autofree char *redone = dump (f->path);
    g_assert_cmpstr (redone, ==, after);
  }
  g_assert_false (dossier_store_redo (f->store, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
}

static void
count_changes (DossierStore      *store,
               DossierObjectKind  kind,
               gint64             id,
               DossierChangeType  type,
               gint64             case_id,
               GArray            *seen)
{
  g_array_append_val (seen, type);
}

static void
test_case_files (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cases = dossier_store_list_case_files (f->store, &error);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (DossierChangeType));
  g_autofree char *initial = dump (f->path);
  gint64 new_id = 0;

  g_signal_connect (f->store, "changed", G_CALLBACK (count_changes), seen);

  g_assert_true (dossier_store_create_case (f->store, "My own case", "en", &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 2);
  g_assert_cmpint (g_array_index (seen, DossierChangeType, 0), ==, DOSSIER_CHANGE_ADDED);

  /* Undone: gone from the list, as the views see it. */
  if (!dossier_store_undo (f->store, &error))
    g_error ("%s", error->message);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  g_assert_true (dossier_store_redo (f->store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 2);

  /* Deleting the bundled case file takes its events, not the organizations
   * or sources; undoing it brings back every row. */
  g_assert_true (dossier_store_delete_case (f->store, f->case_id, &error));
  g_assert_no_error (error);
  g_test_message ("history: %" G_GINT64_FORMAT " rows", test_sql_int (f->path, "SELECT count(*) FROM history"));
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  g_assert_cmpint (dossier_store_count (f->store, "event", NULL), ==, 0);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE kind = 'organization'"), >, 0);
  if (!dossier_store_undo (f->store, &error))
    g_error ("%s", error->message);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 2);

  g_assert_true (dossier_store_undo (f->store, &error));
  {
    g_autofree char *back = dump (f->path);
    g_assert_cmpstr (back, ==, initial);
  }
  g_assert_false (dossier_store_delete_case (f->store, 987654, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
}

/* One random edit of the objects of version 4: an event, an organization
 * in the case file, a note or a citation, created, edited or deleted.
 * Returns FALSE without an error when there was nothing to do. */
static gboolean
random_object_edit (Fixture  *f,
                    GRand    *rand,
                    guint     step,
                    int       what,
                    GError  **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *title = g_strdup_printf ("Item %u", step);
  g_autofree char *date = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 10, 30),
                                           g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  gint64 some_event = test_sql_int (f->path, "SELECT coalesce (max (node_id), 0) FROM event");
  gint64 some_source = test_sql_int (f->path, "SELECT coalesce (min (node_id), 0) FROM source");
  gint64 some_note = test_sql_int (f->path, "SELECT coalesce (max (id), 0) FROM note");
  gint64 some_org = test_sql_int (f->path, "SELECT coalesce (max (id), 0) FROM node WHERE kind = 'organization'");

  g_hash_table_insert (values, "title", title);
  g_hash_table_insert (values, "name", title);
  g_hash_table_insert (values, "date", date);
  g_hash_table_insert (values, "status", g_rand_boolean (rand) ? "happened" : "expected");

  switch (what)
    {
    case 0:
      return dossier_store_save (f->store, DOSSIER_NODE_EVENT, f->case_id, 0, values, NULL, error);
    case 1:
      return some_event != 0 &&
             dossier_store_save (f->store, DOSSIER_NODE_EVENT, f->case_id, some_event, values, NULL, error);
    case 2:
      return some_event != 0 && dossier_store_delete (f->store, f->case_id, some_event, NULL, error);
    case 3:
      return g_rand_boolean (rand)
             ? dossier_store_save (f->store, DOSSIER_NODE_ORGANIZATION, f->case_id, 0, values, NULL, error)
             : some_org != 0 && dossier_store_delete (f->store, f->case_id, some_org, NULL, error);
    case 4:
      return some_note != 0 && g_rand_boolean (rand)
             ? dossier_store_delete_note (f->store, some_note, error)
             : dossier_store_add_note (f->store, f->case_id, title, NULL, error);
    default:
      return some_event != 0 && some_source != 0 &&
             dossier_store_cite (f->store, some_event, some_source,
                                 g_rand_boolean (rand) ? DOSSIER_STANCE_SUPPORTS : DOSSIER_STANCE_CONTRADICTS, error);
    }
}

/* Random edits, undos and redos, with the database closed and opened
 * again now and then: undo always gives back exactly the content before
 * the edit, redo exactly the content after. */
static void
test_random_sequence (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) created = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint position = 0;   /* states[position] is the content now */
  const guint steps = g_test_slow () ? 2000 : 300;

  g_ptr_array_add (states, dump (f->path));

  for (guint step = 0; step < steps; step++)
    {
      g_autoptr(GError) error = NULL;
      int what = g_rand_int_range (rand, 0, 16);
      gboolean edited = FALSE;

      if (what >= 10)
        {
          edited = random_object_edit (f, rand, step, what - 10, &error);
          if (!edited && error != NULL)
            g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
          what = -1;
        }

      if (what < 0)
        ;
      else if (what < 3)
        {
          g_autofree char *text = g_strdup_printf ("text %u", step);
          edited = dossier_store_set_summary (f->store, f->case_id, g_rand_boolean (rand) ? "en" : "fr", text, &error);
        }
      else if (what < 4)
        {
          g_autofree char *title = g_strdup_printf ("Case %u", step);
          gint64 id = 0;

          edited = dossier_store_create_case (f->store, title, "en", &id, &error);
          g_array_append_val (created, id);
        }
      else if (what < 5 && created->len > 0)
        {
          gint64 id = g_array_index (created, gint64, g_rand_int_range (rand, 0, created->len));

          /* It may be gone already (undone, or deleted): then nothing changes. */
          edited = dossier_store_delete_case (f->store, id, &error);
          if (!edited)
            g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
        }
      else if (what < 8)
        {
          if (dossier_store_undo (f->store, &error))
            {
              g_autofree char *now = dump (f->path);

              g_assert_cmpuint (position, >, 0);
              position--;
              assert_same_dump (now, states->pdata[position]);
            }
          else
            {
              g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
              g_assert_cmpuint (position, ==, 0);
            }
        }
      else if (what < 10)
        {
          if (dossier_store_redo (f->store, &error))
            {
              g_autofree char *now = dump (f->path);

              position++;
              g_assert_cmpuint (position, <, states->len);
              assert_same_dump (now, states->pdata[position]);
            }
          else
            {
              g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
              g_assert_cmpuint (position + 1, ==, states->len);
            }
        }

      if (edited)
        {
          g_autofree char *now = dump (f->path);

          /* An edit that changed nothing leaves no history; a new edit
           * forgets what could be redone. */
          if (g_strcmp0 (now, states->pdata[position]) != 0)
            {
              g_ptr_array_set_size (states, position + 1);
              g_ptr_array_add (states, g_steal_pointer (&now));
              position++;
            }
        }

      if (g_rand_int_range (rand, 0, 25) == 0)
        {
          g_clear_object (&f->store);
          f->store = test_open_store (f->path);
        }
    }

  /* And all the way back. */
  while (position > 0)
    {
      g_autofree char *now = NULL;

      g_assert_true (dossier_store_undo (f->store, NULL));
      position--;
      now = dump (f->path);
      assert_same_dump (now, states->pdata[position]);
    }
}

/* A writer killed in the middle of its edits leaves a database whose
 * history still undoes everything that was committed. */
static void
test_killed_writer (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *initial = dump (f->path);
  pid_t child;
  int status;
  guint undone = 0;

  g_clear_object (&f->store);

  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      DossierStore *store = dossier_store_open (f->path, NULL);

      for (guint i = 0; store != NULL; i++)
        {
          g_autofree char *text = g_strdup_printf ("written by the child, %u", i);

          dossier_store_set_summary (store, f->case_id, "en", text, NULL);
          if (i % 3 == 0)
            dossier_store_create_case (store, text, "en", NULL, NULL);
        }
      _exit (1);
    }

  /* Killed once it has committed a few edits (slower under valgrind), in
   * the middle of whatever it is doing then. */
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < deadline &&
           (!g_file_test (f->path, G_FILE_TEST_EXISTS) ||
            test_sql_int (f->path, "SELECT count(*) FROM history") < 20))
      g_usleep (20 * 1000);
  }
  g_assert_cmpint (kill (child, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));

  f->store = test_open_store (f->path);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'"), ==, 0);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM history"), >, 0);

  while (dossier_store_undo (f->store, NULL))
    undone++;
  g_test_message ("the killed writer had committed %u edits", undone);
  {
    g_autofree char *back = dump (f->path);
    g_assert_cmpstr (back, ==, initial);
  }
}

/* A long edit (an import of a file of shares, read from the file a piece
 * at a time) is recorded in parts as it goes: undone whole, the parts in
 * reverse, and redone whole, across reopening; its announcement is one a
 * series. */
static void
test_parts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("series,period,provider,share,source,note\n");
  g_autofree char *csv_path = g_build_filename (f->dir, "shares.csv", NULL);
  g_autofree char *before = dump (f->path);
  g_autofree char *after = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (DossierChangeType));
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  /* 3 series of 8 providers over 40 quarters; a note now and then. */
  for (guint i = 0; i < 960; i++)
    g_string_append_printf (csv, "parts-%u,%u-Q%u,Provider %u,%u.5,Parts research,%s\n", i / 320,
                            2000 + i / 8 % 40 / 4, 1 + i / 8 % 4, i % 8, i % 11, i % 97 == 0 ? "a new method" : "");
  g_assert_true (g_file_set_contents (csv_path, csv->str, csv->len, NULL));

  g_signal_connect (f->store, "changed", G_CALLBACK (count_changes), seen);
  g_assert_true (dossier_store_import_shares_file (f->store, csv_path, NULL, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 960);
  after = dump (f->path);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM history"), ==, 1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM history_part"), >, 3);
  g_assert_cmpint (test_sql_int (f->path, "SELECT max(part) + 1 FROM history_part"), ==,
                   test_sql_int (f->path, "SELECT count(*) FROM history_part"));
  /* Long: the window undoes it as a job. */
  g_assert_true (dossier_store_history_is_long (f->store, FALSE));
  g_assert_false (dossier_store_history_is_long (f->store, TRUE));

  g_clear_object (&f->store);
  f->store = test_open_store (f->path);
  g_signal_connect (f->store, "changed", G_CALLBACK (count_changes), seen);
  g_array_set_size (seen, 0);
  g_assert_true (dossier_store_undo (f->store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *undone = dump (f->path);
    assert_same_dump (undone, before);
  }
  /* The three series, and the organizations and source added with them;
   * once each, not once a figure. */
  g_assert_cmpuint (seen->len, <, 20);

  g_assert_true (dossier_store_redo (f->store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *redone = dump (f->path);
    assert_same_dump (redone, after);
  }
  g_assert_true (dossier_store_undo (f->store, &error));
  {
    g_autofree char *undone = dump (f->path);
    assert_same_dump (undone, before);
  }

  /* A new edit forgets the undone import, its parts with it. */
  g_assert_true (dossier_store_set_title (f->store, f->case_id, "en", "Renamed", &error));
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM history_part"), ==, 0);
  g_assert_false (dossier_store_history_is_long (f->store, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A few kilobytes a part: a small file is written in many. */
  g_setenv ("DOSSIER_HISTORY_PART_BYTES", "16384", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/history/edit-undo-redo", test_edit_undo_redo);
  ADD ("/history/case-files", test_case_files);
  ADD ("/history/random-sequence", test_random_sequence);
  ADD ("/history/killed-writer", test_killed_writer);
  ADD ("/history/parts", test_parts);

  return g_test_run ();
}
