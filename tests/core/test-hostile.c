/* test-hostile.c: text no one would type but someone will paste (a
 * megabyte, control characters, right-to-left and combining letters,
 * emoji, SQL, JSON, CSV and search syntax) goes through the store, a
 * search, a case file exported and imported again and market shares
 * exported and imported again, each to a path with spaces, quotes and
 * letters beyond ASCII, and comes back byte for byte
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dossier-csv.h"
#include "dossier-store.h"
#include "test-utils.h"

/* Each survives on its own and all together. */
static const char * const hostile[] = {
  "Robert'); DROP TABLE node;--",
  "%s %n %x %1$s {0} ${HOME} $(reboot) `id`",
  "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xd8\xa8\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd9\x84\xd9\x85 and \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", /* Arabic, Hebrew */
  "\xe2\x80\xaeright-to-left override\xe2\x80\xac then back",                    /* U+202E … U+202C */
  "e\xcc\x81\xcc\x81\xcc\x81 Z\xcc\xb6" "a\xcc\xb7l\xcc\xb8g\xcc\xb5o",               /* combining marks */
  "\xf0\x9f\x91\xa9\xf0\x9f\x8f\xbd\xe2\x80\x8d\xe2\x9a\x96\xef\xb8\x8f \xf0\x9f\x87\xab\xf0\x9f\x87\xb7 \xf0\x9f\x92\xbe", /* emoji */
  "tab\there\x01\x07\x1b[31mred\x7f" " and CR LF\r\nend",                            /* control characters */
  "\"quoted\", 'single', \\back\\slash, </script>, \xe2\x80\xa8\xe2\x80\xa9",      /* JSON, HTML, U+2028 */
  "100% of _all_ LIKE 'wild%cards_'",
  "NEAR(\"AND OR NOT* ^ -minus\" col:umn)",                                      /* FTS5 syntax */
  "a,b,\"c\"\nd;e",                                                              /* CSV */
};

typedef struct
{
  char *dir;
  char *path;
  char *odd_dir;   /* a folder with spaces, quotes and non-ASCII letters */
  DossierStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-hostile-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->odd_dir = g_build_filename (f->dir, "Dossiers d'\xc3\xa9t\xc3\xa9 \xc2\xab""\xc3\xbc\xc2\xbb \xe2\x98\x83", NULL);
  g_assert_cmpint (g_mkdir (f->odd_dir, 0700), ==, 0);
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
  g_free (f->odd_dir);
}

/* A megabyte: words, then one word of 64 KiB with no space to break at. */
static char *
make_megabyte (void)
{
  GString *text = g_string_new (NULL);

  while (text->len < 1024 * 1024 - 70000)
    g_string_append (text, "Lorem ipsum dolor sit amet, \xc3\xa9t\xc3\xa9 \xf0\x9f\x92\xbe. ");
  g_string_append_c (text, '\n');
  for (guint i = 0; i < 65536; i++)
    g_string_append_c (text, 'x');
  return g_string_free (text, FALSE);
}

static char *
all_together (void)
{
  g_autofree char *joined = g_strjoinv (" | ", (char **) hostile);
  return g_steal_pointer (&joined);
}

/* A text of the case file @slug, in English. */
static char *
case_text (const char *path,
           const char *column,
           const char *slug)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM node_text WHERE lang = 'en' AND node_id = "
                                          "(SELECT id FROM node WHERE slug = '%s')", column, slug);
  return test_sql_string (path, sql);
}

/* A case file of hostile texts, exported to an odd path and imported into
 * another database: every text back, byte for byte. */
static void
test_case_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *title = all_together ();
  g_autofree char *summary = make_megabyte ();
  g_autofree char *json_path = g_build_filename (f->odd_dir, "affaire \xe2\x80\x9c""1\xe2\x80\x9d \xe2\x98\x83.json", NULL);
  g_autofree char *other_path = g_build_filename (f->odd_dir, "autre base.db", NULL);
  g_autoptr(DossierStore) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id = 0, event_id = 0, imported = 0;

  g_assert_true (dossier_store_create_case (f->store, title, "en", &case_id, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_store_set_summary (f->store, case_id, "en", summary, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GHashTable) values = test_fields ("title", hostile[i], "date", "2024-03-05", "status", "happened",
                                                  "summary", hostile[(i + 1) % G_N_ELEMENTS (hostile)], NULL);

      g_assert_true (dossier_store_save (f->store, DOSSIER_NODE_EVENT, case_id, 0, values, &event_id, &error));
      g_assert_no_error (error);
      g_assert_true (dossier_store_add_note (f->store, event_id, hostile[i], NULL, &error));
      g_assert_no_error (error);
    }

  /* The database has them as given. */
  {
    g_autofree char *stored_title = test_sql_string (f->path, "SELECT title FROM node_text WHERE node_id = "
                                                              "(SELECT max(node_id) FROM case_file)");
    g_autofree char *stored_summary = test_sql_string (f->path, "SELECT summary FROM node_text WHERE node_id = "
                                                                "(SELECT max(node_id) FROM case_file)");
    g_assert_cmpstr (stored_title, ==, title);
    g_assert_true (g_str_equal (stored_summary, summary));
  }

  /* Searching for any of them is no error (FTS syntax is taken as words). */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GListModel) found = dossier_store_search (f->store, hostile[i], 50, &error);

      g_assert_no_error (error);
      g_assert_nonnull (found);
    }

  g_assert_true (dossier_store_export_case_file (f->store, case_id, json_path, &error));
  g_assert_no_error (error);
  other = test_open_store (other_path);
  dossier_store_import_case_file (other, json_path, DOSSIER_IMPORT_DEFAULT, &imported, &error);
  g_assert_no_error (error);

  {
    g_autofree char *slug = test_sql_string (f->path, "SELECT slug FROM node WHERE id = (SELECT max(node_id) FROM case_file)");
    g_autofree char *title_back = case_text (other_path, "title", slug);
    g_autofree char *summary_back = case_text (other_path, "summary", slug);
    g_autofree char *events_before = test_sql_string (f->path, "SELECT group_concat (t.title || '#' || t.summary, '|') FROM (SELECT t.title, t.summary FROM event e "
                                                               "JOIN node_text t ON t.node_id = e.node_id ORDER BY t.title) t");
    g_autofree char *events_after = test_sql_string (other_path, "SELECT group_concat (t.title || '#' || t.summary, '|') FROM (SELECT t.title, t.summary FROM event e "
                                                                 "JOIN node_text t ON t.node_id = e.node_id ORDER BY t.title) t");
    g_autofree char *notes_before = test_sql_string (f->path, "SELECT group_concat (body, '|') FROM (SELECT body FROM note ORDER BY body)");
    g_autofree char *notes_after = test_sql_string (other_path, "SELECT group_concat (body, '|') FROM (SELECT body FROM note ORDER BY body)");

    g_assert_cmpstr (title_back, ==, title);
    g_assert_true (g_str_equal (summary_back, summary));
    g_assert_cmpstr (events_after, ==, events_before);
    g_assert_cmpstr (notes_after, ==, notes_before);
  }
}

/* Providers and notes of market shares with CSV's own characters, exported
 * to an odd path and imported into another database: the same. */
static void
test_shares_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("period,provider,share,note\r\n");
  g_autofree char *csv_path = g_build_filename (f->odd_dir, "parts de march\xc3\xa9, \"2024\".csv", NULL);
  g_autofree char *other_path = g_build_filename (f->odd_dir, "autre base.db", NULL);
  g_autoptr(DossierStore) other = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  guint added = 0;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *provider = g_strdup_printf ("%u %s", i, hostile[i]);

      g_string_append_printf (csv, "2024-Q%u,", 1 + i % 4);
      dossier_csv_append_field (csv, provider);
      g_string_append_printf (csv, ",%u.5,", i);
      dossier_csv_append_field (csv, hostile[(i + 3) % G_N_ELEMENTS (hostile)]);
      g_string_append (csv, "\r\n");
    }

  {
    g_autoptr(GBytes) bytes = g_bytes_new (csv->str, csv->len);

    if (!dossier_store_import_shares (f->store, bytes, "hostile.csv", "Hostile \xe2\x98\x83 series", &problems, &added, &error))
      g_error ("%s", error ? error->message : ((DossierProblem *) problems->pdata[0])->message);
  }
  g_assert_cmpuint (added, ==, G_N_ELEMENTS (hostile));

  g_assert_true (dossier_store_export_shares_file (f->store, 0, csv_path, &error));
  g_assert_no_error (error);
  other = test_open_store (other_path);
  g_assert_true (dossier_store_import_shares_file (other, csv_path, NULL, &problems, &added, &error));
  g_assert_no_error (error);

#define SHARES "SELECT group_concat (x, '|') FROM (SELECT n.name || '=' || quote (m.percent) AS x FROM market_share m " \
               "JOIN node n ON n.id = m.organization_id JOIN market_series s ON s.id = m.series_id " \
               "WHERE s.slug LIKE 'hostile%' ORDER BY 1)"
  before = test_sql_string (f->path, SHARES);
  after = test_sql_string (other_path, SHARES);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, hostile[0]));
}

/* The test's own texts are UTF-8; a text that is not is refused in words,
 * and nothing is written. */
static void
test_not_utf8 (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *before = test_dump_content (f->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_assert_true (g_utf8_validate (hostile[i], -1, NULL));

  g_assert_false (dossier_store_create_case (f->store, "Caf\xe9 in Latin-1", "en", &case_id, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not valid UTF-8"));
  after = test_dump_content (f->path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hostile/case-round-trip", test_case_round_trip);
  ADD ("/hostile/shares-round-trip", test_shares_round_trip);
  ADD ("/hostile/not-utf8", test_not_utf8);
#undef ADD

  return g_test_run ();
}
