/* test-migrations.c: a database written by each earlier schema version
 * (tests/data/dossier-schema-N.db, made by that version's own store: see
 * tests/data/make-schema-db.c; version 1 is release 0.1.0's, tested in
 * test-store.c) opens in this one: brought up to date in one transaction,
 * sound, the user's case file, its texts and notes as they were, found by
 * search, and (from version 4 on) its edits still undone from the history
 * written back then
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-schema.h"
#include "dossier-store.h"
#include "test-utils.h"

#define MINE "(SELECT id FROM node WHERE kind = 'case' AND slug != 'jedi-protest')"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("dossier-schema-%d.db", GPOINTER_TO_INT (data));
  g_autoptr(GBytes) bytes = test_load_data (name);

  f->dir = test_make_tmp_dir ("dossier-migrations-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  g_assert_cmpint (test_sql_int (f->path, "PRAGMA user_version"), ==, GPOINTER_TO_INT (data));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
assert_sound (Fixture *f)
{
  g_autofree char *check = test_sql_string (f->path, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (test_sql_int (f->path, "PRAGMA user_version"), ==, DOSSIER_SCHEMA_VERSION);
}

/* Version 2 could only edit the bundled case file, which the migration to
 * version 4 replaces with the corrected one (as designed and said in
 * dossier-schema.c): the file comes up to date, sound, with one bundled
 * case file. */
static void
test_version_2 (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierStore) store = test_open_store (f->path);

  assert_sound (f);
  g_assert_cmpint (test_find_case (store, "jedi-protest"), >, 0);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM case_file"), ==, 1);
}

/* Versions 3 and 4: the user's case file with two summary edits in its
 * history (and, in 4, a note on it). */
static void
test_user_work (Fixture       *f,
                gconstpointer  data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *texts = test_sql_string (f->path, "SELECT group_concat (lang || ':' || title || ':' || summary, '|') "
                                                     "FROM node_text WHERE node_id = " MINE);
  g_autofree char *notes = version >= 4 ? test_sql_string (f->path, "SELECT group_concat (body || '@' || created || '@' || modified, '|') "
                                                                    "FROM note") : g_strdup ("");
  gint64 history = test_sql_int (f->path, "SELECT count(*) FROM history");
  g_autofree char *texts_after = NULL, *notes_after = NULL, *undone = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (texts, ==, "en:My own case:Second summary, the last edit.");
  g_assert_cmpint (history, >=, 3);

  store = test_open_store (f->path);
  assert_sound (f);

  /* Untouched: texts, notes (with their times), the history. */
  texts_after = test_sql_string (f->path, "SELECT group_concat (lang || ':' || title || ':' || summary, '|') "
                                          "FROM node_text WHERE node_id = " MINE);
  g_assert_cmpstr (texts_after, ==, texts);
  if (version >= 4)
    {
      notes_after = test_sql_string (f->path, "SELECT group_concat (body || '@' || created || '@' || modified, '|') FROM note");
      g_assert_cmpstr (notes_after, ==, notes);
      g_assert_nonnull (strstr (notes_after, "My note, written with schema 4."));
    }
  /* Version 4 keeps the history; the migration from 3, which replaces the
   * first bundled case file, empties it, as its history names rows of the
   * file replaced (dossier-schema-widen.c, retire_bundled_1_sql): the user's work
   * stays, its undo does not. */
  if (version >= 4)
    g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM history"), ==, history);
  else
    g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM history"), ==, 0);

  /* The search index added later covers what was written before it. */
  found = dossier_store_search (store, "last edit", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);

  if (version < 4)
    {
      g_assert_false (dossier_store_undo (store, &error));
      g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
      return;
    }

  /* The history written back then still undoes: the note, then the last
   * summary edit. */
  g_assert_true (dossier_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM note"), ==, 0);
  g_assert_true (dossier_store_undo (store, &error));
  g_assert_no_error (error);
  undone = test_sql_string (f->path, "SELECT summary FROM node_text WHERE node_id = " MINE);
  g_assert_cmpstr (undone, ==, "First summary.");
  g_assert_true (dossier_store_redo (store, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, version, func) \
  g_test_add (name, Fixture, GINT_TO_POINTER (version), fixture_set_up, func, fixture_tear_down)
  ADD ("/migrations/version-2", 2, test_version_2);
  ADD ("/migrations/version-3", 3, test_user_work);
  ADD ("/migrations/version-4", 4, test_user_work);
  ADD ("/migrations/version-5", 5, test_user_work);
#undef ADD

  return g_test_run ();
}
