/* dossier-shares-reader.c
 *
 * Market shares from a CSV file (docs/case-format.md, "Market shares in
 * CSV"): a header naming the columns period, provider and share, and
 * optionally series, source, url and note, in any order; a row a figure.
 * Every row is checked before anything is written, and every mistake is
 * kept with its line, so that a window can list them all; the first one is
 * the error. Providers are organizations, found by name, short name or
 * slug (a provider of a case file links to it) or added; a series named
 * that does not exist is added under that name; a source is found by its
 * slug, headline or address, or added; a note is the note of a break in
 * the series at that figure.
 *
 * The file is read a piece at a time and each row written as it is read
 * (dossier-shares-reader-write.c), in the caller's transaction, which a
 * mistake anywhere rolls back: the memory an import takes does not grow
 * with the file. Only a refused file is read twice, to say on which line
 * a figure named twice was first named, and where shares pass 100.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-shares"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-csv.h"
#include "dossier-file.h"
#include "dossier-history.h"
#include "dossier-period.h"
#include "dossier-shares-reader.h"
#include "dossier-shares-reader-private.h"

static const char * const column_names[N_COLUMNS] = {
  "period", "provider", "share", "series", "source", "url", "note",
};

static void
problem (Reader     *reader,
         guint       line,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (Reader     *reader,
         guint       line,
         const char *format,
         ...)
{
  DossierProblem *p;
  va_list args;

  if (reader->quiet)
    return;
  p = g_new0 (DossierProblem, 1);
  va_start (args, format);
  p->line = line;
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (reader->problems, p);
}

/* The header: which column each field is; -1 for none. */
static gboolean
read_header (Reader           *reader,
             DossierCsvRecord *header,
             int               columns[N_COLUMNS])
{
  guint before = reader->problems->len;

  for (guint c = 0; c < N_COLUMNS; c++)
    columns[c] = -1;

  for (int i = 0; header->fields[i]; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip (header->fields[i]), -1);
      gboolean known = FALSE;

      for (guint c = 0; c < N_COLUMNS && !known; c++)
        if (g_str_equal (name, column_names[c]))
          {
            known = TRUE;
            if (columns[c] >= 0)
              problem (reader, header->line, _("the column “%s” is there twice"), name);
            columns[c] = i;
          }

      if (!known)
        problem (reader, header->line,
                 _("unknown column “%s”: the columns are period, provider and share, "
                   "and if need be series, source, url and note"),
                 header->fields[i]);
    }

  for (guint c = 0; c <= SHARE; c++)
    if (columns[c] < 0)
      problem (reader, header->line, _("the column “%s” is missing"), column_names[c]);

  return reader->problems->len == before;
}

/* A share as a person types it in a spreadsheet saved as CSV: digits, and
 * a dot and digits; "18,5" is a comma decimal, "18.5 %" is not a number. */
static gboolean
read_share (Reader     *reader,
            guint       line,
            const char *text,
            double     *share)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*text == '\0')
    {
      problem (reader, line, _("the share is empty"));
      return FALSE;
    }

  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == ',' && digits && g_ascii_isdigit (p[1]))
    {
      problem (reader, line, _("“%s” has a decimal comma: write the share with a dot, such as 18.5"), text);
      return FALSE;
    }
  if (*p == '.' && digits && g_ascii_isdigit (p[1]))
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  if (!digits || *p != '\0')
    {
      problem (reader, line, _("“%s” is not a share: write a number from 0 to 100 with a dot, such as 18.5"), text);
      return FALSE;
    }

  *share = g_ascii_strtod (text, NULL);
  if (*share > 100.)
    {
      problem (reader, line, _("%s is not a share: a share is from 0 to 100"), text);
      return FALSE;
    }
  return TRUE;
}

static const char *
field (DossierCsvRecord *record,
       int               column)
{
  return column >= 0 ? record->fields[column] : "";
}

/* A series by its name: its slug, in any case ("Synergy" and "synergy"
 * are one series, added once). */
static Series *
find_series (Reader      *reader,
             const char  *name,
             GError     **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  g_autofree char *key = NULL;
  Series *series = g_hash_table_lookup (reader->series_named, name);
  gboolean has_row;

  if (series != NULL)
    return series;
  key = g_utf8_casefold (name, -1);
  if ((series = g_hash_table_lookup (reader->series, key)) != NULL)
    {
      g_hash_table_insert (reader->series_named, (gpointer) name, series);
      return series;
    }

  stmt = dossier_db_prepare (reader->db,
                             "SELECT id, yearly FROM market_series WHERE slug = ?1 COLLATE NOCASE "
                             "ORDER BY slug = ?1 DESC, id LIMIT 1",
                             error);
  if (stmt == NULL || !dossier_db_bind (reader->db, stmt, error, "t", name) ||
      !dossier_db_step_row (reader->db, stmt, &has_row, error))
    return NULL;

  series = g_new0 (Series, 1);
  series->name = name;
  if (has_row)
    {
      series->id = sqlite3_column_int64 (stmt, 0);
      series->yearly = sqlite3_column_int (stmt, 1) != 0;
      series->kind_known = TRUE;
      series->existed = TRUE;
    }
  g_hash_table_insert (reader->series, g_steal_pointer (&key), series);
  g_hash_table_insert (reader->series_named, (gpointer) name, series);
  return series;
}

/* An organization by its slug, name or short name (in any case); the slug
 * first, which an export writes for a name two organizations share. */
static gboolean
find_organization (Reader      *reader,
                   const char  *name,
                   gint64      *id,
                   GError     **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gpointer known;

  /* Asked once a name: the query reads every organization. */
  if (g_hash_table_lookup_extended (reader->organizations, name, NULL, &known))
    {
      *id = (gint64) GPOINTER_TO_SIZE (known);
      return TRUE;
    }
  stmt = dossier_db_prepare (reader->db,
                             "SELECT id FROM node WHERE kind = 'organization' AND (name = ?1 COLLATE NOCASE OR "
                             "  (short_name <> '' AND short_name = ?1 COLLATE NOCASE) OR slug = ?1) "
                             "ORDER BY slug = ?1 DESC, name = ?1 COLLATE NOCASE DESC, id LIMIT 1",
                             error);
  if (stmt == NULL || !dossier_db_bind (reader->db, stmt, error, "t", name) ||
      !dossier_db_query_int (reader->db, stmt, id, error))
    return FALSE;
  g_hash_table_insert (reader->organizations, (gpointer) name, GSIZE_TO_POINTER ((gsize) *id));
  return TRUE;
}

/* A key's text, once: the one of the row before when it is the same
 * (@last, one for each column: rows come in runs). */
static const char *
intern (Reader      *reader,
        const char  *text,
        const char **last)
{
  if (text == NULL)
    return NULL;
  if (*last == NULL || !g_str_equal (*last, text))
    *last = g_string_chunk_insert_const (reader->strings, text);
  return *last;
}

/* Reads one row into @row; its mistakes into reader->problems. @right
 * says whether the row is right alone, to be written; %FALSE is a
 * database error. */
static gboolean
read_row (Reader            *reader,
          DossierCsvRecord  *record,
          int                columns[N_COLUMNS],
          guint              n_columns,
          const char        *default_series,
          Row               *row,
          gboolean          *right,
          GError           **error)
{
  guint n_fields = g_strv_length (record->fields);
  const char *series_name;
  gboolean bad = FALSE;
  int year, quarter;

  *right = FALSE;
  if (n_fields != n_columns)
    {
      problem (reader, record->line,
               g_dngettext (GETTEXT_PACKAGE, "%u field, but the header names %u columns",
                            "%u fields, but the header names %u columns", n_fields),
               n_fields, n_columns);
      return TRUE;
    }

  /* Spaces around an unquoted field are the spreadsheet's; in quotes, the
   * value's. */
  for (int i = 0; record->fields[i]; i++)
    if (!record->quoted[i])
      g_strstrip (record->fields[i]);

  *row = (Row) { record->line };
  row->period = intern (reader, field (record, columns[PERIOD]), &reader->last_key[PERIOD]);
  row->provider = intern (reader, field (record, columns[PROVIDER]), &reader->last_key[PROVIDER]);
  series_name = intern (reader, *field (record, columns[SERIES]) ? field (record, columns[SERIES]) : default_series,
                        &reader->last_key[SERIES]);
  row->source = field (record, columns[SOURCE]);
  row->url = field (record, columns[URL]);
  row->note = field (record, columns[NOTE]);

  if (!dossier_period_parse (row->period, &year, &quarter))
    {
      problem (reader, record->line, _("“%s” is not a period: write 2019-Q3 for a quarter, 2019 for a year"),
               row->period);
      bad = TRUE;
    }
  if (*row->provider == '\0')
    {
      problem (reader, record->line, _("the provider is empty"));
      bad = TRUE;
    }
  if (!read_share (reader, record->line, field (record, columns[SHARE]), &row->share))
    bad = TRUE;

  if (series_name == NULL || *series_name == '\0')
    {
      problem (reader, record->line, _("which series? The file has no series column, and none was chosen"));
      return TRUE;
    }
  if ((row->series = find_series (reader, series_name, error)) == NULL)
    return FALSE;
  if (bad)
    return TRUE;

  /* A new series takes the kind of its first right row's period. */
  if (!row->series->kind_known)
    {
      row->series->yearly = quarter == 0;
      row->series->kind_known = TRUE;
    }
  if (row->series->yearly != (quarter == 0))
    {
      problem (reader, record->line,
               row->series->yearly ? _("“%s” is a quarter, but the series “%s” has years")
                                   : _("“%s” is a year, but the series “%s” has quarters"),
               row->period, series_name);
      return TRUE;
    }

  if (!find_organization (reader, row->provider, &row->organization_id, error))
    return FALSE;
  /* A provider nobody had is added with its first row: the same for all
   * its spellings (dossier-shares-reader-write.c). */
  *right = TRUE;
  return TRUE;
}

/* The state of the reading between records. */
typedef struct
{
  Reader     *reader;
  int         columns[N_COLUMNS];
  guint       n_columns;
  guint       header_line;
  gboolean    header_ok;
  const char *series;
  GError    **error;
  gboolean    failed;     /* @error is set: the database failed */
  goffset     size;       /* of the file */
  /* The second reading, of a refused file */
  gboolean    again;
  Again       lines;
} Reading;

/* The header first (nothing more is read when it is wrong), then each
 * row, written as soon as it is read. */
static gboolean
read_record (DossierCsvRecord *record,
             gpointer          data)
{
  Reading *reading = data;
  Reader *reader = reading->reader;
  gboolean right, ok;
  Row row;

  if (reading->header_line == 0)
    {
      reading->header_line = record->line;
      reading->n_columns = g_strv_length (record->fields);
      reading->header_ok = read_header (reader, record, reading->columns);
      return reading->header_ok;
    }

  reader->quiet = reading->again;
  ok = read_row (reader, record, reading->columns, reading->n_columns, reading->series, &row, &right, reading->error);
  reader->quiet = FALSE;
  if (ok && right && reading->again)
    _dossier_shares_again_row (reader, &reading->lines, &row);
  else if (ok && right)
    ok = _dossier_shares_write_row (reader, &row, reading->error) &&
         dossier_history_checkpoint (reader->db, reading->error);
  if (!ok)
    {
      reading->failed = TRUE;
      return FALSE;
    }

  /* A figure named twice is a mistake too, said once the file is read. */
  if (!reading->again && reader->problems->len + reader->duplicates->len >= MAX_PROBLEMS)
    {
      problem (reader, record->line, _("too many mistakes: the file is read no further"));
      return FALSE;
    }
  dossier_db_report_progress (reader->db, record->end, reading->size);
  return TRUE;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const DossierProblem *pa = *(DossierProblem **) a, *pb = *(DossierProblem **) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

/* The file, from its start. */
static GInputStream *
open_input (GBytes      *csv,
            const char  *path,
            goffset     *size,
            GError     **error)
{
  if (path != NULL)
    return dossier_file_open_read (path, size, error);
  *size = g_bytes_get_size (csv);
  return g_memory_input_stream_new_from_bytes (csv);
}

/* Reads the file; %FALSE when it cannot be read or the database failed
 * (@error set), not for its mistakes. */
static gboolean
read_input (Reading     *reading,
            GBytes      *csv,
            const char  *path,
            guint       *n_records,
            GError     **error)
{
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *parse_message = NULL;
  guint parse_line = 0;

  if ((input = open_input (csv, path, &reading->size, error)) == NULL)
    return FALSE;
  if (dossier_csv_parse_stream (input, dossier_file_piece_size (), read_record, reading, n_records, &parse_line, &parse_message,
                                NULL, &read_error))
    return TRUE;
  if (read_error != NULL)
    {
      g_set_error (error, G_IO_ERROR, read_error->code, _("Cannot read %1$s: %2$s"),
                   path ? path : reading->reader->file_name, read_error->message);
      return FALSE;
    }
  if (reading->failed)
    return FALSE;
  if (parse_message != NULL && !reading->again)
    problem (reading->reader, parse_line, "%s", parse_message);
  return TRUE;
}

/* A refused file read again: the lines the mistakes of rows together are
 * on. */
static gboolean
read_again_input (Reading     *reading,
                  GBytes      *csv,
                  const char  *path,
                  GArray      *groups,
                  GError     **error)
{
  guint n_records;
  gboolean ok;

  reading->again = TRUE;
  reading->header_line = 0;
  if (!_dossier_shares_again_begin (reading->reader, groups, &reading->lines, error))
    return FALSE;
  ok = read_input (reading, csv, path, &n_records, error);
  _dossier_shares_again_end (reading->reader, &reading->lines, ok);
  return ok;
}

static void
series_free (gpointer data)
{
  g_free (data);
}

/**
 * dossier_shares_reader_import:
 * @csv: (nullable): the file's bytes, or %NULL to read @path
 * @path: (nullable): the file, read a piece at a time
 * @file_name: the name used in messages
 * @series: (nullable): the series of rows that name none
 * @language: the language of the texts added (a new series' market)
 * @problems: (out) (optional) (element-type DossierProblem): every mistake,
 *   with its line, when the file is refused
 * @n_added: (out) (optional): how many figures were added
 *
 * Reads market shares into @db, in the caller's transaction, which must be
 * rolled back on failure (dossier_db_transaction() does). A file wrong
 * anywhere is refused whole, @error naming its first mistake
 * ("FILE:LINE: reason").
 */
gboolean
dossier_shares_reader_import (DossierDb   *db,
                              GBytes      *csv,
                              const char  *path,
                              const char  *file_name,
                              const char  *series,
                              const char  *language,
                              GPtrArray  **problems,
                              guint       *n_added,
                              GError     **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_problem_free);
  g_autoptr(GHashTable) series_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, series_free);
  g_autoptr(GHashTable) series_named = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) organizations = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) duplicates = g_array_new (FALSE, FALSE, sizeof (Duplicate));
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
  GStringChunk *strings = g_string_chunk_new (64 * 1024);
  Reader reader = {
    .db = db, .file_name = file_name, .language = language, .problems = all, .strings = strings,
    .series = series_table, .series_named = series_named, .organizations = organizations, .added = added,
    .sources = sources, .duplicates = duplicates,
  };
  Reading reading = { &reader, { 0 }, 0, 0, FALSE, series, error, FALSE };
  guint n_records = 0;
  gboolean ok;

  g_return_val_if_fail ((csv == NULL) != (path == NULL), FALSE);

  if (problems != NULL)
    *problems = NULL;
  if (n_added != NULL)
    *n_added = 0;

  ok = read_input (&reading, csv, path, &n_records, error);
  if (ok && reading.header_ok && all->len == 0 && n_records == 1)
    problem (&reader, reading.header_line, _("the file has no figures, only a header"));
  /* What the rows say together, when each was right alone. */
  if (ok && reading.header_ok)
    ok = _dossier_shares_over_100 (&reader, groups, error) &&
         ((duplicates->len == 0 && groups->len == 0) ||
          read_again_input (&reading, csv, path, groups, error));
  ok = ok && _dossier_shares_finish (&reader, error);
  g_string_chunk_free (strings);
  g_free (reader.last_title);
  g_free (reader.last_url);
  g_clear_pointer (&reader.insert, dossier_db_release);
  if (!ok)
    return FALSE;

  if (all->len > 0)
    {
      DossierProblem *first;

      /* By line (a stable sort: a line's mistakes in the order found). */
      g_ptr_array_sort (all, compare_lines);
      first = all->pdata[0];

      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BAD_SHARES,
                   "%s:%u: %s", file_name, first->line, first->message);
      if (problems != NULL)
        *problems = g_steal_pointer (&all);
      return FALSE;
    }

  if (n_added != NULL)
    *n_added = reader.n_added;
  return TRUE;
}
