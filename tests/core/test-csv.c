/* test-csv.c: a CSV file read a piece at a time gives the records, lines
 * and mistakes it gives read whole, wherever the pieces are cut
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-csv.h"

/* What a reading gave: each record as "LINE@END:field|field", quoted
 * fields in brackets, then the mistake if any. */
static gboolean
describe (DossierCsvRecord *record,
          gpointer          data)
{
  GString *out = data;

  g_string_append_printf (out, "%u@%" G_GSIZE_FORMAT ":", record->line, record->end);
  for (guint i = 0; record->fields[i] != NULL; i++)
    g_string_append_printf (out, record->quoted[i] ? "%s[%s]" : "%s%s", i ? "|" : "", record->fields[i]);
  g_string_append_c (out, '\n');
  return TRUE;
}

static char *
read_whole (const char *text,
            gsize       size)
{
  GString *out = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint n = 0, line = 0;

  if (!dossier_csv_parse_each (text, size, describe, out, &n, &line, &message))
    g_string_append_printf (out, "error %u: %s\n", line, message);
  g_string_append_printf (out, "%u records\n", n);
  return g_string_free (out, FALSE);
}

static char *
read_stream (const char *text,
             gsize       size,
             gsize       piece_size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, size, NULL);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint n = 0, line = 0;

  if (!dossier_csv_parse_stream (stream, piece_size, describe, out, &n, &line, &message, NULL, &error))
    {
      g_assert_no_error (error);
      g_string_append_printf (out, "error %u: %s\n", line, message);
    }
  g_string_append_printf (out, "%u records\n", n);
  return g_string_free (out, FALSE);
}

static const char * const good[] = {
  "period,provider,share\n2019-Q3,AWS,39\n2019-Q3,Microsoft,19\n",
  "\xef\xbb\xbfperiod,provider,share\r\n2019-Q3,\"Amazon, Inc.\",39\r\n2019-Q3,\"Micro\nsoft\",19",
  "a,b\n\n\n\"x\"\"y\",\"line one\r\nline two\"\n,\n\"\",z\n",
  "a\rb\rc\r",
  "only,a,header",
  "a,b\n1,2\n\n",
};

static const char * const bad[] = {
  "a,b\n1,2\n3,\"open\n4,5\n",
  "a,b\n1,2\n3,x\"y\n4,5\n",
  "a,b\n1,2\n3,\"x\"y\n",
  "a,b\n1,2\n3,4\n\xff\xfe,5\n",
  "\n\n\n",
  "",
  "\xef\xbb\xbf",
};

/* The mistake of a reading ("error LINE: message"), or %NULL. */
static char *
mistake (const char *described)
{
  const char *error = strstr (described, "error ");

  return error ? g_strndup (error, strchr (error, '\n') - error) : NULL;
}

/* Read whole, a file whose bytes are wrong gives no records; in pieces,
 * those of the pieces before. The mistake is the same. */
static void
check_same_mistake (const char *text,
                    gsize       size)
{
  g_autofree char *whole = read_whole (text, size);
  g_autofree char *expected = mistake (whole);

  g_assert_nonnull (expected);
  for (gsize piece = 1; piece <= size + 1; piece++)
    {
      g_autofree char *streamed = read_stream (text, size, piece);
      g_autofree char *found = mistake (streamed);

      if (g_strcmp0 (found, expected) != 0)
        g_error ("pieces of %" G_GSIZE_FORMAT " bytes of «%s»:\n%s\nwhole:\n%s", piece, text, streamed, whole);
    }
}

static void
check_same (const char *text,
            gsize       size)
{
  g_autofree char *whole = read_whole (text, size);

  /* Pieces of every size, down to a byte (each grows to a line break). */
  for (gsize piece = 1; piece <= size + 1; piece++)
    {
      g_autofree char *streamed = read_stream (text, size, piece);

      if (g_strcmp0 (streamed, whole) != 0)
        g_error ("pieces of %" G_GSIZE_FORMAT " bytes of «%s»:\n%s\nwhole:\n%s", piece, text, streamed, whole);
    }
}

static void
test_good (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    check_same (good[i], strlen (good[i]));
}

/* A mistake is found with its line, whatever the pieces; the records
 * before it were given. */
static void
test_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    check_same_mistake (bad[i], strlen (bad[i]));
}

/* A NUL byte: a binary file, found in its piece. */
static void
test_nul (void)
{
  static const char text[] = "a,b\n1,2\n3,\0\n";
  g_autofree char *whole = read_whole (text, sizeof text - 1);
  g_autofree char *streamed = read_stream (text, sizeof text - 1, 4);

  g_assert_true (g_str_has_prefix (whole, "error 3: this is not a text file"));
  g_assert_cmpstr (streamed, ==, "1@3:a|b\n2@7:1|2\nerror 3: this is not a text file (it holds a NUL byte); "
                                 "save the spreadsheet as CSV\n2 records\n");
}

/* A big file in small pieces: records cut nowhere, lines counted on. */
static gboolean
count_rows (DossierCsvRecord *record,
            gpointer          data)
{
  guint *expected_line = data;

  g_assert_cmpuint (record->line, ==, *expected_line);
  g_assert_cmpstr (record->fields[0], ==, "2019-Q3");
  *expected_line += 2;   /* a line break in each provider's quotes */
  return TRUE;
}

static void
test_many_pieces (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0, line = 0, expected_line = 1;
  gsize size;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "2019-Q3,\"Provider\n%u\",%u\n", i, i % 100);
  size = text->len;
  stream = g_memory_input_stream_new_from_data (g_string_free (g_steal_pointer (&text), FALSE), size, g_free);

  g_assert_true (dossier_csv_parse_stream (stream, 4096, count_rows, &expected_line, &n, &line, &message, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 20000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/stream/good", test_good);
  g_test_add_func ("/csv/stream/bad", test_bad);
  g_test_add_func ("/csv/stream/nul", test_nul);
  g_test_add_func ("/csv/stream/many-pieces", test_many_pieces);

  return g_test_run ();
}
