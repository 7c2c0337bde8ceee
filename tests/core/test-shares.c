/* test-shares.c: market shares in CSV, on real databases: a spreadsheet
 * read (BOM, CRLF, quotes, columns in any order), providers linked to the
 * case files' organizations, written back to the same data; and a table of
 * wrong files, each refused with its line, the database byte for byte as
 * it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-store.h"
#include "test-utils.h"

typedef struct
{
  char         *dir;
  char         *path;
  DossierStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-shares-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
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

static guint
import (DossierStore *store,
        const char   *csv,
        const char   *series)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  g_assert_true (dossier_store_import_shares (store, bytes, "shares.csv", series, &problems, &n_added, &error));
  g_assert_no_error (error);
  g_assert_null (problems);
  return n_added;
}

/* A spreadsheet as a colleague saves it: a BOM, CRLF, the columns in
 * another order, quoted fields with commas and quotes in them. */
static void
test_spreadsheet (Fixture       *f,
                  gconstpointer  data)
{
  const char *csv =
    "\xef\xbb\xbf" "Share,Provider,Period,Source,URL,Note,Series\r\n"
    "32,AWS,2021-Q1,\"Report, \"\"Q1\"\"\",https://example.com/q1,,my-research\r\n"
    "20.25,microsoft,2021-Q1,\"Report, \"\"Q1\"\"\",https://example.com/q1,\"Azure, restated\",my-research\r\n"
    "\r\n"
    "7,Nouveau Cloud,2021-Q1,\"Report, \"\"Q1\"\"\",https://example.com/q1,,my-research\r\n";
  gint64 aws = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'aws'");
  gint64 microsoft = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'microsoft'");
  gint64 organizations = test_sql_int (f->path, "SELECT count(*) FROM node WHERE kind = 'organization'");

  g_assert_cmpuint (import (f->store, csv, NULL), ==, 3);

  /* A new series, under its name, quarterly. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT yearly FROM market_series WHERE slug = 'my-research'"), ==, 0);
  /* AWS by its short name, Microsoft in another case: the case file's own. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT organization_id FROM market_share m JOIN market_series s "
                                          "ON s.id = m.series_id WHERE s.slug = 'my-research' AND percent = 32"),
                   ==, aws);
  g_assert_cmpint (test_sql_int (f->path, "SELECT organization_id FROM market_share WHERE percent = 20.25"), ==,
                   microsoft);
  /* One provider nobody had: a new organization. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE kind = 'organization'"), ==,
                   organizations + 1);
  /* The source, found or made once, with its address and its quotes. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node n JOIN source s ON s.node_id = n.id "
                                          "WHERE n.name = 'Report, \"Q1\"' AND s.url = 'https://example.com/q1'"),
                   ==, 1);
  /* The note, on the figure it is on. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM market_break b JOIN market_break_text t "
                                          "ON t.break_id = b.id WHERE t.note = 'Azure, restated' "
                                          "AND b.organization_id = (SELECT id FROM node WHERE slug = 'microsoft')"),
                   ==, 1);

  /* The same file again adds nothing, and is no mistake. */
  g_assert_cmpuint (import (f->store, csv, NULL), ==, 0);

  /* Undone in one step (the second import changed nothing: no step). */
  g_assert_true (dossier_store_undo (f->store, NULL));
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM market_series WHERE slug = 'my-research'"), ==, 0);
}

/* Written out, read into an empty database, written out again: the same
 * file; quotes where they are needed. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "empty.db", NULL);
  g_autoptr(DossierStore) empty = test_open_empty_store (other);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  import (f->store, "period,provider,share,series,note\n2022,\"Cloud \"\"One\"\", Inc.\",12.5,yearly-test,\"a, b\"\n",
          NULL);
  csv = dossier_store_export_shares (f->store, 0, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_true (g_str_has_prefix (text, "series,period,provider,share,source,url,note\r\n"));
  g_assert_nonnull (strstr (text, "synergy-iaas-paas,2019-Q3,Amazon Web Services,39,"));
  g_assert_nonnull (strstr (text, "yearly-test,2022,\"Cloud \"\"One\"\", Inc.\",12.5,shares.csv,,\"a, b\"\r\n"));
  g_assert_null (strstr (text, "e+"));

  g_assert_true (dossier_store_import_shares (empty, csv, "exported.csv", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  again = dossier_store_export_shares (empty, 0, &error);
  text_again = g_strndup (g_bytes_get_data (again, NULL), g_bytes_get_size (again));
  g_assert_cmpstr (text, ==, text_again);
  g_assert_cmpint (test_sql_int (other, "SELECT count(*) FROM market_share"), ==,
                   test_sql_int (f->path, "SELECT count(*) FROM market_share"));
}

typedef struct
{
  const char *csv;
  const char *message;
} Wrong;

#define HEAD "period,provider,share,series\n"

static const Wrong wrong[] = {
  { "", "shares.csv:1: the file is empty" },
  { "\xef\xbb\xbf", "shares.csv:1: the file is empty" },
  { "period,provider\n2019-Q3,AWS\n", "shares.csv:1: the column “share” is missing" },
  { "period,provider,share,colour\n2019-Q3,AWS,3,red\n", "shares.csv:1: unknown column “colour”" },
  { "period,provider,share\n", "shares.csv:1: the file has no figures, only a header" },
  { HEAD "2019-Q3,AWS,30,s\n2019Q3,Google,9,s\n", "shares.csv:3: “2019Q3” is not a period" },
  { HEAD "2019-Q3,AWS,30,s\n2019-Q3,Google,\"9,5\",s\n", "shares.csv:3: “9,5” has a decimal comma" },
  { HEAD "2019-Q3,AWS,30 %,s\n", "shares.csv:2: “30 %” is not a share" },
  { HEAD "2019-Q3,AWS,-3,s\n", "shares.csv:2: “-3” is not a share" },
  { HEAD "2019-Q3,AWS,100.5,s\n", "shares.csv:2: 100.5 is not a share: a share is from 0 to 100" },
  { HEAD "2019-Q3,AWS,30,s\n2019-Q3,aws,31,s\n", "shares.csv:3: aws has a share for 2019-Q3 in this series on line 2" },
  { HEAD "2019-Q3,Amazon Web Services,30,s\n2019-Q3,AWS,31,s\n", "shares.csv:3: AWS has a share for 2019-Q3" },
  { HEAD "2019-Q3,AWS,60,s\n2019-Q3,Google,30,s\n2019-Q3,Oracle,20,s\n",
    "shares.csv:4: the shares of 2019-Q3 in this series add up to 110, over 100" },
  { HEAD "2019-Q3,AWS,30,synergy-iaas-paas\n",
    "shares.csv:2: the series has 39 for AWS in 2019-Q3 already" },
  { HEAD "2019-Q3,Oracle,55,synergy-iaas-paas\n",
    "shares.csv:2: the shares of 2019-Q3 in this series add up to 122, over 100" },
  { HEAD "2019-Q3,AWS,30,s\n2019,Google,9,s\n", "shares.csv:3: “2019” is a year, but the series “s” has quarters" },
  { HEAD "2019-Q3,\"AWS,30,s\n2019-Q3,Google,9,s\n", "shares.csv:2: a quoted field starts here and is never closed" },
  { HEAD "2019-Q3,\"AWS\"x,30,s\n", "shares.csv:2: text after the quote that closes a field" },
  { HEAD "2019-Q3,AW\"S,30,s\n", "shares.csv:2: a quote in the middle of a field" },
  { HEAD "2019-Q3,AWS,30,s,extra\n", "shares.csv:2: 5 fields, but the header names 4 columns" },
  { HEAD "2019-Q3,AWS,30\n", "shares.csv:2: 3 fields, but the header names 4 columns" },
  { HEAD "2019-Q3,AWS,30,s\n2019-Q3,Goo\xe9gle,9,s\n", "shares.csv:3: this line is not in UTF-8" },
  { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "shares.csv:3: this is not a text file" },
  { "period,provider,share\n2019-Q3,AWS,30\n", "shares.csv:2: which series?" },
};

/* Each wrong file: refused, its first mistake with its line, every
 * mistake listed, nothing written. */
static void
test_wrong (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *state = test_file_state (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      gsize size = strlen (wrong[i].csv);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      /* The binary file has NUL bytes: its length is its own. */
      if (g_str_has_prefix (wrong[i].csv, "\x89PNG"))
        size = 16;
      bytes = g_bytes_new (wrong[i].csv, size);
      g_assert_false (dossier_store_import_shares (f->store, bytes, "shares.csv", NULL, &problems, NULL, &error));
      g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BAD_SHARES);
      if (!g_str_has_prefix (error->message, wrong[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, wrong[i].message);
      g_assert_nonnull (problems);
      g_assert_cmpuint (problems->len, >=, 1);
      after = test_file_state (f->path);
      g_assert_cmpstr (state, ==, after);
    }
}

/* A field of megabytes is refused, not read. */
static void
test_huge_field (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new (HEAD "2019-Q3,");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3 * 1024 * 1024; i++)
    g_string_append_c (csv, 'A');
  g_string_append (csv, ",30,s\n");
  bytes = g_bytes_new (csv->str, csv->len);
  g_assert_false (dossier_store_import_shares (f->store, bytes, "shares.csv", NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "shares.csv:2: a field longer than 10000 bytes"));
}

/* Every mistake of a file, in the order of its lines, for the window. */
static void
test_all_problems (Fixture       *f,
                   gconstpointer  data)
{
  const char *csv = HEAD "2019Q3,AWS,30,s\n2019-Q3,,30,s\n2019-Q3,Google,\"9,5\",s\n2019-Q3,IBM,5,s\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, strlen (csv));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (dossier_store_import_shares (f->store, bytes, "shares.csv", NULL, &problems, NULL, &error));
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpuint (((DossierProblem *) problems->pdata[0])->line, ==, 2);
  g_assert_cmpuint (((DossierProblem *) problems->pdata[1])->line, ==, 3);
  g_assert_cmpuint (((DossierProblem *) problems->pdata[2])->line, ==, 4);
  g_assert_cmpstr (((DossierProblem *) problems->pdata[1])->message, ==, "the provider is empty");
}

/* What a first review found: a series named in two cases is one; a wrong
 * first row does not decide a new series' kind; lines ending in CR alone
 * are counted; spaces in quotes are kept; two organizations of one name
 * are written by their slugs and read back to themselves. */
static void
test_edges (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) csv = NULL;
  guint n_added = 0;

  g_assert_cmpuint (import (f->store, "series,period,provider,share\nNewS,2019,AWS,10\nnews,2020,AWS,11\n", NULL),
                    ==, 2);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM market_series WHERE slug = 'NewS' COLLATE NOCASE"),
                   ==, 1);

  {
    const char *text = "series,period,provider,share\nyearly,2019,,10\nyearly,2020,AWS,5\nyearly,2021,AWS,6\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

    g_assert_false (dossier_store_import_shares (f->store, bytes, "shares.csv", NULL, &problems, NULL, &error));
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpstr (((DossierProblem *) problems->pdata[0])->message, ==, "the provider is empty");
    g_clear_pointer (&problems, g_ptr_array_unref);
    g_clear_error (&error);
  }

  {
    const char *text = "period,provider,share\r2019-Q3,AWS,30\r2019-Q3,\"Goo\rgle\",1\r2019-Q3,\xff,1\r";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

    g_assert_false (dossier_store_import_shares (f->store, bytes, "mac.csv", "s", NULL, NULL, &error));
    g_assert_nonnull (strstr (error->message, "mac.csv:5: this line is not in UTF-8"));
    g_clear_error (&error);
  }

  g_assert_cmpuint (import (f->store, "period,provider,share\n2022,\" Spaced \",10\n", "spaced"), ==, 1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE name = ' Spaced '"), ==, 1);

  test_sql_exec (f->path, "INSERT INTO node (kind, slug, name) VALUES ('organization', 'dup-1', 'Dup'), "
                          "('organization', 'dup-2', 'Dup')");
  import (f->store, "period,provider,share\n2023,dup-1,10\n2023,dup-2,20\n", "twins");
  csv = dossier_store_export_shares (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "twins,2023,dup-2,20,"));
  g_assert_true (dossier_store_import_shares (f->store, csv, "all.csv", NULL, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
}

/* A file of many pieces (of 16 kB here), read from disk and written as it
 * is read: mistakes of rows together far apart are found with their
 * lines (the file read again), and nothing of the file is kept. */
static void
test_big_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("series,period,provider,share,note\n");
  g_autofree char *csv_path = g_build_filename (f->dir, "big.csv", NULL);
  g_autofree char *state = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0, line;

  /* 10 series of 10 providers over 40 quarters: 4,000 rows, 120 kB. */
  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (csv, "big-%u,%u-Q%u,Provider %u,%u.25,%s\n", i / 400, 2000 + i / 10 % 40 / 4,
                            1 + i / 10 % 4, i % 10, 1 + i % 9, i % 1000 == 0 ? "\"re-based, as of now\"" : "");
  g_assert_cmpuint (csv->len, >, 6 * 16384);
  g_assert_true (g_file_set_contents (csv_path, csv->str, csv->len, NULL));
  g_assert_true (dossier_store_import_shares_file (f->store, csv_path, NULL, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 4000);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM market_share s JOIN market_series m "
                                          "ON m.id = s.series_id WHERE m.slug LIKE 'big-%'"), ==, 4000);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM market_break_text WHERE note = 're-based, as of now'"),
                   ==, 4);
  /* Again: every figure there already, the same: nothing added. */
  g_assert_true (dossier_store_import_shares_file (f->store, csv_path, NULL, NULL, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);

  /* Another file with, pieces after, a figure it named already and a
   * period over 100; refused whole. A transaction this big
   * spills pages to the write-ahead log before it is rolled back: frames
   * never committed, which SQLite ignores; the content is as it was. */
  state = test_dump_content (f->path);
  g_string_truncate (csv, 0);
  g_string_append (csv, "series,period,provider,share\n");
  for (guint i = 0; i < 6000; i++)
    g_string_append_printf (csv, "other-%u,%u-Q%u,Provider %u,%u\n", i / 400, 2000 + i / 10 % 40 / 4,
                            1 + i / 10 % 4, i % 10, 1 + i % 9);
  g_assert_cmpuint (csv->len, >, 6 * 16384);
  line = 6000 + 2;
  g_string_append (csv, "other-3,2000-Q2,Provider 4,5\n");     /* first on line 3 * 400 + 10 + 4 + 2 */
  g_string_append (csv, "other-9,2009-Q4,Provider 77,90\n");   /* over 100 */
  g_assert_true (g_file_set_contents (csv_path, csv->str, csv->len, NULL));
  g_assert_false (dossier_store_import_shares_file (f->store, csv_path, NULL, &problems, NULL, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BAD_SHARES);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpuint (((DossierProblem *) problems->pdata[0])->line, ==, line);
  g_assert_cmpstr (((DossierProblem *) problems->pdata[0])->message, ==,
                   "Provider 4 has a share for 2000-Q2 in this series on line 1216 already");
  g_assert_cmpuint (((DossierProblem *) problems->pdata[1])->line, ==, line + 1);
  g_assert_true (g_str_has_prefix (((DossierProblem *) problems->pdata[1])->message,
                                   "the shares of 2009-Q4 in this series add up to"));
  {
    g_autofree char *after = test_dump_content (f->path);
    g_assert_cmpstr (after, ==, state);
  }
}

/* A file wrong on every line: refused after a thousand mistakes, the
 * last saying the reading stopped there. */
static void
test_too_many (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("series,period,provider,share\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (csv, "s,2019-Q3,AWS,lots\n");
  bytes = g_bytes_new (csv->str, csv->len);
  g_assert_false (dossier_store_import_shares (f->store, bytes, "wrong.csv", NULL, &problems, NULL, &error));
  g_assert_cmpuint (problems->len, ==, 1001);
  g_assert_cmpstr (((DossierProblem *) problems->pdata[1000])->message, ==,
                   "too many mistakes: the file is read no further");
  g_assert_cmpuint (((DossierProblem *) problems->pdata[1000])->line, ==, 1001);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_error (&error);

  /* A file pasted into itself over and over: a figure named again and
   * again, each a mistake, kept to a thousand all the same. */
  g_string_truncate (csv, 0);
  g_string_append (csv, "series,period,provider,share\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append (csv, "s,2019-Q3,AWS,5\n");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (csv->str, csv->len);
  g_assert_false (dossier_store_import_shares (f->store, bytes, "twice.csv", NULL, &problems, NULL, &error));
  g_assert_cmpuint (problems->len, <=, 1001);
  g_assert_cmpstr (((DossierProblem *) problems->pdata[0])->message, ==,
                   "AWS has a share for 2019-Q3 in this series on line 2 already");
  g_assert_cmpuint (((DossierProblem *) problems->pdata[0])->line, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Files read 16 kB at a time: a small file is many pieces. */
  g_setenv ("DOSSIER_READ_PIECE_BYTES", "16384", TRUE);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/shares/spreadsheet", test_spreadsheet);
  ADD ("/shares/round-trip", test_round_trip);
  ADD ("/shares/wrong", test_wrong);
  ADD ("/shares/huge-field", test_huge_field);
  ADD ("/shares/all-problems", test_all_problems);
  ADD ("/shares/edges", test_edges);
  ADD ("/shares/big-file", test_big_file);
  ADD ("/shares/too-many", test_too_many);

  return g_test_run ();
}
