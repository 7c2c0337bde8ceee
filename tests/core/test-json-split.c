/* test-json-split.c: a case file read without holding its events: the
 * skeleton and the lists, the elements given back whole wherever strings
 * and brackets fall, and every mistake of JSON said at the place json-glib
 * says for the whole file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "dossier-json-split.h"
#include "dossier-store.h"
#include "test-utils.h"

static void
replace_text (char       **slot,
                  const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static DossierJsonSplit *
split_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DossierJsonSplit *split = dossier_json_split_new (bytes, NULL, &error);
  gboolean utf8 = FALSE;

  g_assert_no_error (error);
  g_assert_true (dossier_json_split_scan (split, &utf8, &error));
  g_assert_no_error (error);
  g_assert_true (utf8);
  return split;
}

static gboolean
collect (const char  *text,
         gsize        length,
         guint        index,
         guint        line,
         guint        column,
         gpointer     data,
         GError     **error)
{
  g_string_append_printf (data, "%u@%u:%u %.*s\n", index, line, column, (int) length, text);
  return TRUE;
}

static char *
elements (DossierJsonSplit *split,
          int               case_index)
{
  const DossierJsonList *list = dossier_json_split_get_list (split, case_index);
  GString *out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (list);
  g_assert_true (dossier_json_split_each (split, list, collect, out, &error));
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

/* The events of "case" and of each of "cases" are left out; a list of
 * events anywhere else (a source's, a key in quotes with an escape) is
 * not. */
static void
test_skeleton (void)
{
  g_autoptr(DossierJsonSplit) one = split_text (
    "{\"format\": \"dossier-case\",\n"
    " \"sources\": [{\"events\": [1, 2]}],\n"
    " \"case\": {\"slug\": \"x\", \"events\": [\n"
    "   {\"slug\": \"a\", \"text\": \"] } [ \\\" ,\"},\n"
    "   {\"slug\": \"b\", \"actors\": [\"p\", \"q\"]}\n"
    " ], \"ev\\u0065nts\": [3]}}");
  g_autoptr(DossierJsonSplit) many = split_text (
    "{\"cases\": [{\"events\": [{\"slug\": \"a\"}]}, {\"slug\": \"y\"}, {\"events\": []}, "
    "{\"events\": [{\"slug\": \"b\"}, {\"slug\": \"c\"}]}]}");
  g_autofree char *first = elements (one, -1);
  g_autofree char *fourth = elements (many, 3);
  const char *skeleton;
  gsize length;

  skeleton = dossier_json_split_get_skeleton (one, &length);
  g_assert_cmpstr (skeleton, ==,
                   "{\"format\": \"dossier-case\",\n"
                   " \"sources\": [{\"events\": [1, 2]}],\n"
                   " \"case\": {\"slug\": \"x\", \"events\": [], \"ev\\u0065nts\": [3]}}");
  g_assert_cmpuint (dossier_json_split_count (one), ==, 2);
  g_assert_cmpstr (first, ==,
                   "0@4:3 {\"slug\": \"a\", \"text\": \"] } [ \\\" ,\"}\n"
                   "1@5:3 {\"slug\": \"b\", \"actors\": [\"p\", \"q\"]}\n");

  skeleton = dossier_json_split_get_skeleton (many, &length);
  g_assert_cmpstr (skeleton, ==, "{\"cases\": [{\"events\": []}, {\"slug\": \"y\"}, {\"events\": []}, {\"events\": []}]}");
  g_assert_cmpuint (dossier_json_split_count (many), ==, 3);
  g_assert_null (dossier_json_split_get_list (many, 1));
  g_assert_cmpuint (dossier_json_split_get_list (many, 2)->n_elements, ==, 0);
  g_assert_cmpstr (fourth, ==, "0@1:83 {\"slug\": \"b\"}\n1@1:98 {\"slug\": \"c\"}\n");
}

/* Wrong files: where json-glib says the mistake is in the whole file is
 * where the import says it is, the file read in a skeleton and elements.
 * (A mistake in an event is found when the event is read: after those of
 * the lists before it, if any.) */
static const char * const broken[] = {
  "{\"format\": \"dossier-case\", \"version\": 2, \"sources\": [], \"entities\": [], \"case\": {\"slug\": \"x\", \"text\": {\"en\": {\"title\": \"X\"}}, \"participants\": [], \"events\": [\n"
  "  {\"slug\": \"a\", \"date\": \"2019-10-25\", \"text\": {\"en\": {\"title\": \"A\"}}},\n"
  "  {\"slug\": \"b\", \"date\": 2019-10-25}\n"
  "]}}",
  "{\"format\": \"dossier-case\", \"version\": 2, \"sources\": [], \"entities\": [], \"case\": {\"slug\": \"x\", \"text\": {\"en\": {\"title\": \"X\"}}, \"participants\": [], \"events\": [\n"
  "  {\"slug\": \"a\", \"date\": \"2019-10-25\", \"text\": {\"en\": {\"title\": \"A\"}}}\n"
  "], \"status\" \"open\"}}",
  "{\"format\": \"dossier-case\", \"version\": 2, \"sources\": [], \"entities\": [], \"case\": {\"slug\": \"x\", \"text\": {\"en\": {\"title\": \"X\"}}, \"participants\": [], \"events\": [\n"
  "  {\"slug\": \"a\", \"date\": \"2019-10-25\", \"text\": {\"en\": {\"title\": \"A\"}}}\n"
  "]}}\n,\n",
  "{\"format\": \"dossier-case\", \"version\": 2, \"sources\": [], \"entities\": [], \"cases\": [{\"slug\": \"x\", \"text\": {\"en\": {\"title\": \"X\"}}, \"participants\": [], \"events\": [\n"
  "  {\"slug\": \"a\", \"date\": \"2019-10-25\", \"text\": {\"en\": {\"title\": \"A\"}}}]},\n"
  "  {\"slug\": \"y\", \"text\": {\"en\": {\"title\": \"Y\"}}, \"participants\": [], \"events\": [{\"slug\": \"b\" \"date\": \"2019\"}]}]}",
  "{\"format\": \"dossier-case\", \"version\": 2, \"sources\": [], \"entities\": [], \"case\": {\"slug\": \"x\", \"text\": {\"en\": {\"title\": \"X\"}}, \"participants\": [], \"events\": [\n"
  "  {\"slug\": \"a\", \"date\": \"2019-10-25\", \"text\": {\"en\": {\"title\": \"A\"}}}\n",
  "{\"format\":\n",
};

/* Mistakes only the whole list shows, found by the scan before anything is
 * read into the database (a review found json-glib, given one element,
 * keeps the first of two values and drops the second): on the line
 * json-glib says for the whole file. */
static const char * const broken_lists[] = {
  /* A comma left out between two events: the second was dropped. */
  "{\"format\": \"dossier-case\", \"version\": 2, \"case\": {\"slug\": \"c\", \"events\": [\n"
  " {\"slug\": \"a\", \"date\": \"2020\"}\n"
  " {\"slug\": \"b\", \"date\": \"2021\"}\n"
  "], \"title\": \"t\"}}",
  /* The list closed by "}". */
  "{\"format\": \"dossier-case\", \"version\": 2, \"case\": {\"events\": [{\"a\": 1}, {\"b\": 2}},\n"
  " \"title\": \"x\"}}",
  /* A bracket missing in an event. */
  "{\"format\": \"dossier-case\", \"version\": 2, \"case\": {\"slug\": \"c\", \"events\": [\n"
  " {\"slug\": \"a\", \"actors\": [\"x\"}, \"date\": \"2020\"},\n"
  " {\"slug\": \"b\", \"date\": \"2021\"}\n"
  "]}}",
  /* A comma too many, at the end and between two events. */
  "{\"format\": \"dossier-case\", \"case\": {\"events\": [\n {\"slug\": \"a\"},\n]}}",
  "{\"format\": \"dossier-case\", \"case\": {\"events\": [\n {\"slug\": \"a\"},\n , {\"slug\": \"b\"}]}}",
};

/* Where and what: json-glib, given the whole file, says the same place
 * for the second and third, and the token before for the others. */
static const char * const broken_lists_said[] = {
  "case.json:3:1: Parse error: a comma is missing between two events",
  "case.json:1:79: Parse error: unexpected “}”: the list of events is closed by “]”",
  "case.json:2:29: Parse error: unexpected “}”: a list is open (“[”)",
  "case.json:3:0: Parse error: an event is missing after the comma",
  "case.json:3:1: Parse error: an event is missing before the comma",
};

G_STATIC_ASSERT (G_N_ELEMENTS (broken_lists) == G_N_ELEMENTS (broken_lists_said));

static void
test_broken_lists (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dossier-json-split-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "dossier.db", NULL);
  g_autoptr(DossierStore) store = test_open_empty_store (path);

  for (guint i = 0; i < G_N_ELEMENTS (broken_lists); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_bytes_new_static (broken_lists[i], strlen (broken_lists[i]));

      /* Wrong for json-glib too, given the whole file. */
      g_assert_false (json_parser_load_from_data (parser, broken_lists[i], -1, NULL));
      g_assert_false (dossier_store_import_case (store, bytes, "case.json", &error));
      g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BAD_CASE_FILE);
      g_assert_cmpstr (error->message, ==, broken_lists_said[i]);
    }
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM event"), ==, 0);
  g_clear_object (&store);
  test_remove_tree (dir);
}

static void
test_broken_places (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dossier-json-split-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "dossier.db", NULL);
  g_autoptr(DossierStore) store = test_open_empty_store (path);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) whole = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_bytes_new_static (broken[i], strlen (broken[i]));
      g_autofree char *place = NULL;
      const char *message;
      guint line, column;

      g_assert_false (json_parser_load_from_data (parser, broken[i], -1, &whole));
      message = whole->message + strlen ("<data>:");
      g_assert_cmpint (sscanf (message, "%u:%u:", &line, &column), ==, 2);
      place = g_strdup_printf ("case.json:%u:%u:", line, column);
      /* A file cut in the middle of its events: json-glib, given it whole,
       * says the last token read is wrong; read in parts, it is the end of
       * the file that is, where the list is never closed. */
      if (i == 4)
        replace_text (&place, "case.json:3:0: Parse error: unexpected end of file");

      g_assert_false (dossier_store_import_case (store, bytes, "case.json", &error));
      g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BAD_CASE_FILE);
      if (!g_str_has_prefix (error->message, place))
        g_error ("file %u: “%s” does not start with “%s” (json-glib: %s)", i, error->message, place, whole->message);
    }
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* A case file of many pieces (of 16 kB here), read from disk: its events in, each
 * expected one settled by the next; again as a copy, whose events settle
 * the copy's; undone whole (its record written in parts). */
static void
test_big_file (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dossier-json-split-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "dossier.db", NULL);
  g_autofree char *json_path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(DossierStore) store = test_open_empty_store (path);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 case_id = 0, copy_id = 0;

  g_string_append (json, "{\"format\": \"dossier-case\", \"version\": 2, \"sources\": [], \"entities\": [],\n"
                         " \"case\": {\"slug\": \"big-case\", \"text\": {\"en\": {\"title\": \"Big\"}}, \"participants\": [],\n"
                         "  \"events\": [\n");
  for (guint i = 0; i < 600; i++)
    {
      char settles[32] = "";

      if (i % 2)
        g_snprintf (settles, sizeof settles, " \"settles\": \"big-%u\",", i - 1);
      g_string_append_printf (json,
                              "    {\"slug\": \"big-%u\", \"date\": \"2019-%02u-%02u\", \"status\": \"%s\",%s\n"
                              "     \"text\": {\"en\": {\"title\": \"Hearing no. %u, [sealed] \\\"part\\\" %u\", "
                              "\"summary\": \"%s\"}, \"fr\": {\"title\": \"Audience n\u00ba %u\"}}}%s\n",
                              i, 1 + i % 12, 1 + i % 28, i % 2 ? "happened" : "expected", settles,
                              i, i, "A long summary, with commas, braces } and brackets ] in it, to take room.",
                              i, i + 1 < 600 ? "," : "");
    }
  g_string_append (json, "  ]}}\n");
  g_assert_cmpuint (json->len, >, 8 * 16384);
  g_assert_true (g_file_set_contents (json_path, json->str, json->len, NULL));

  before = test_dump_content (path);
  g_assert_true (dossier_store_import_case_file (store, json_path, DOSSIER_IMPORT_DEFAULT, &case_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM event"), ==, 600);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM event e JOIN node s ON s.id = e.settled_by "
                                       "JOIN node n ON n.id = e.node_id "
                                       "WHERE s.slug = 'big-' || (substr (n.slug, 5) + 1)"), ==, 300);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM node_text WHERE title LIKE '%[sealed] \"part\"%'"),
                   ==, 600);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM history_part"), >, 1);

  g_assert_true (dossier_store_import_case_file (store, json_path, DOSSIER_IMPORT_AS_COPY, &copy_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (copy_id, !=, case_id);
  /* The copy's expected events are settled by the copy's. */
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM event e JOIN event s ON s.node_id = e.settled_by "
                                       "WHERE e.case_id = s.case_id"), ==, 600);

  g_assert_true (dossier_store_undo (store, &error));
  g_assert_true (dossier_store_undo (store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *after = test_dump_content (path);
    g_assert_cmpstr (after, ==, before);
  }

  /* An event named twice, found in the database rather than remembered:
   * said as before, read whole or as a copy. */
  {
    g_autoptr(GString) twice = g_string_new (json->str);
    char *last = strstr (twice->str, "\"big-599\"");

    /* The same length: "big-1" and spaces. */
    g_assert_nonnull (last);
    memcpy (last, "\"big-1\"  ", strlen ("\"big-599\""));
    g_assert_true (g_file_set_contents (json_path, twice->str, twice->len, NULL));
  }
  g_assert_true (dossier_store_undo (store, &error) || error != NULL);
  g_clear_error (&error);
  g_assert_false (dossier_store_import_case_file (store, json_path, DOSSIER_IMPORT_DEFAULT, NULL, &error));
  g_assert_nonnull (strstr (error->message, "case.events[599]: “big-1” is used twice"));
  g_clear_error (&error);
  g_assert_false (dossier_store_import_case_file (store, json_path, DOSSIER_IMPORT_AS_COPY, NULL, &error));
  g_assert_nonnull (strstr (error->message, "case.events[599]: “big-1” is used twice"));

  g_clear_object (&store);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A few kilobytes a part of the undo record: a small file makes many. */
  g_setenv ("DOSSIER_HISTORY_PART_BYTES", "65536", TRUE);
  /* Files read 16 kB at a time: a small file is many pieces. */
  g_setenv ("DOSSIER_READ_PIECE_BYTES", "16384", TRUE);

  g_test_add_func ("/json-split/skeleton", test_skeleton);
  g_test_add_func ("/json-split/broken-places", test_broken_places);
  g_test_add_func ("/json-split/broken-lists", test_broken_lists);
  g_test_add_func ("/json-split/big-file", test_big_file);

  return g_test_run ();
}
