/* test-db.c: the database layer: checked calls, cached statements and
 * transactions that roll back on any error and announce what they changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-db.h"
#include "dossier-schema.h"
#include "test-utils.h"

typedef struct
{
  char      *dir;
  char      *path;
  DossierDb *db;
  GArray    *announced;   /* DossierDbChange */
} Fixture;

static void
on_commit (const DossierDbChange *changes,
           guint                  n_changes,
           gpointer               user_data)
{
  Fixture *f = user_data;

  g_array_append_vals (f->announced, changes, n_changes);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_make_tmp_dir ("dossier-db-XXXXXX");
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->db = dossier_db_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_db_exec (f->db, "CREATE TABLE t (x INTEGER PRIMARY KEY, label TEXT NOT NULL)", &error));
  f->announced = g_array_new (FALSE, FALSE, sizeof (DossierDbChange));
  dossier_db_set_commit_func (f->db, on_commit, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->db, dossier_db_close);
  g_array_unref (f->announced);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
rows (Fixture *f)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (f->db, "SELECT count(*) FROM t", NULL);
  gint64 n = -1;

  g_assert_true (dossier_db_query_int (f->db, stmt, &n, NULL));
  return n;
}

/* Inserts two rows, the second one NULL (refused) if @data says so. */
static gboolean
insert_two (DossierDb  *db,
            gpointer    data,
            GError    **error)
{
  gboolean fail = GPOINTER_TO_INT (data);

  if (!dossier_db_run (db, "INSERT INTO t (label) VALUES (?1)", error, "t", "one"))
    return FALSE;
  dossier_db_note_change (db, DOSSIER_OBJECT_EVENT, DOSSIER_CHANGE_ADDED, 1, 7);

  return dossier_db_run (db, "INSERT INTO t (label) VALUES (?1)", error, "t", fail ? NULL : "two");
}

static void
test_transaction (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A failure anywhere rolls everything back and announces nothing. */
  g_assert_false (dossier_db_transaction (f->db, insert_two, GINT_TO_POINTER (TRUE), &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_SQLITE);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "NOT NULL"));
  g_assert_cmpint (rows (f), ==, 0);
  g_assert_cmpuint (f->announced->len, ==, 0);
  g_clear_error (&error);

  /* A commit announces what it noted, once. */
  g_assert_true (dossier_db_transaction (f->db, insert_two, GINT_TO_POINTER (FALSE), &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows (f), ==, 2);
  g_assert_cmpuint (f->announced->len, ==, 1);
  g_assert_cmpint (g_array_index (f->announced, DossierDbChange, 0).kind, ==, DOSSIER_OBJECT_EVENT);
  g_assert_cmpint (g_array_index (f->announced, DossierDbChange, 0).case_id, ==, 7);
}

static gboolean
outer_with_failing_inner (DossierDb  *db,
                          gpointer    data,
                          GError    **error)
{
  g_autoptr(GError) inner_error = NULL;

  if (!dossier_db_run (db, "INSERT INTO t (label) VALUES ('kept')", error, ""))
    return FALSE;
  dossier_db_note_change (db, DOSSIER_OBJECT_CASE, DOSSIER_CHANGE_ADDED, 1, 1);

  /* The inner part fails and is undone alone; the outer one goes on. */
  g_assert_false (dossier_db_transaction (db, insert_two, GINT_TO_POINTER (TRUE), &inner_error));
  g_assert_nonnull (inner_error);
  return TRUE;
}

static void
test_savepoint (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_db_transaction (f->db, outer_with_failing_inner, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows (f), ==, 1);
  /* Only the outer change: the inner one was rolled back with its rows. */
  g_assert_cmpuint (f->announced->len, ==, 1);
  g_assert_cmpint (g_array_index (f->announced, DossierDbChange, 0).kind, ==, DOSSIER_OBJECT_CASE);
}

static void
test_statement_cache (Fixture       *f,
                      gconstpointer  data)
{
  const char *sql = "SELECT label FROM t WHERE x = ?1";
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *first;

  g_assert_true (dossier_db_run (f->db, "INSERT INTO t (x, label) VALUES (?1, ?2)", &error, "it", (gint64) 5, "five"));

  {
    g_autoptr(DossierStmt) stmt = dossier_db_prepare (f->db, sql, &error);

    first = stmt;
    g_assert_true (dossier_db_bind (f->db, stmt, &error, "i", (gint64) 5));
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr (dossier_db_column_text (stmt, 0), ==, "five");
  }

  /* Given back reset, with its parameters cleared: the same statement. */
  {
    g_autoptr(DossierStmt) stmt = dossier_db_prepare (f->db, sql, &error);

    g_assert_true (stmt == first);
    g_assert_false (sqlite3_stmt_busy (stmt));
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  }

  /* Borrowed again while lent (a caller up the stack still reads its
   * rows): the second borrower gets a statement of its own. */
  {
    g_autoptr(DossierStmt) outer = dossier_db_prepare (f->db, sql, &error);

    g_assert_true (outer == first);
    g_assert_true (dossier_db_bind (f->db, outer, &error, "i", (gint64) 5));
    g_assert_cmpint (sqlite3_step (outer), ==, SQLITE_ROW);
    {
      g_autoptr(DossierStmt) inner = dossier_db_prepare (f->db, sql, &error);

      g_assert_nonnull (inner);
      g_assert_true (inner != outer);
      g_assert_cmpint (sqlite3_step (inner), ==, SQLITE_DONE);
    }
    /* The outer one still has its row and its parameter. */
    g_assert_cmpstr (dossier_db_column_text (outer, 0), ==, "five");
  }
  {
    g_autoptr(DossierStmt) again = dossier_db_prepare (f->db, sql, &error);
    g_assert_true (again == first);
  }

  /* A statement SQLite refuses names the file. */
  g_assert_null (dossier_db_prepare (f->db, "SELECT missing FROM nowhere", &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_SQLITE);
  g_assert_nonnull (strstr (error->message, "no such"));
}

/* Closed while a statement is still out: its borrower gives it back after,
 * and that is where it is finalized (valgrind and ASan watch this test). */
static void
test_close_while_lent (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierStmt *cached = dossier_db_prepare (f->db, "SELECT count(*) FROM t", &error);
  DossierStmt *nested = dossier_db_prepare (f->db, "SELECT count(*) FROM t", &error);

  g_assert_nonnull (cached);
  g_assert_nonnull (nested);
  g_assert_cmpint (sqlite3_step (cached), ==, SQLITE_ROW);

  g_clear_pointer (&f->db, dossier_db_close);
  dossier_db_release (nested);
  dossier_db_release (cached);
}

/* A file's schema is untrusted until found to be Dossier's; then trusted
 * (its triggers keep the search index) and defensive. */
static gint64
pragma (DossierDb  *db,
        const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (db, sql, &error);
  gint64 value = -1;

  g_assert_no_error (error);
  g_assert_true (dossier_db_query_int (db, stmt, &value, &error));
  return value;
}

static void
test_trust (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "dossier.db", NULL);
  g_autoptr(DossierDb) db = dossier_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pragma (db, "PRAGMA trusted_schema"), ==, 0);
  g_assert_true (dossier_schema_prepare (db, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pragma (db, "PRAGMA trusted_schema"), ==, 1);
  /* Defensive: the schema cannot be written as a table. */
  g_assert_false (dossier_db_exec (db, "PRAGMA writable_schema = ON; "
                                       "UPDATE sqlite_schema SET sql = '' WHERE name = 'node'", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/db/transaction", test_transaction);
  ADD ("/db/savepoint", test_savepoint);
  ADD ("/db/statement-cache", test_statement_cache);
  ADD ("/db/close-while-lent", test_close_while_lent);
  ADD ("/db/trust", test_trust);

  return g_test_run ();
}
