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
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-shares"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-csv.h"
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
  DossierProblem *p = g_new0 (DossierProblem, 1);
  va_list args;

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
  g_autofree char *key = g_utf8_casefold (name, -1);
  Series *series = g_hash_table_lookup (reader->series, key);
  gboolean has_row;

  if (series != NULL)
    return series;

  stmt = dossier_db_prepare (reader->db,
                             "SELECT id, yearly FROM market_series WHERE slug = ?1 COLLATE NOCASE "
                             "ORDER BY slug = ?1 DESC, id LIMIT 1",
                             error);
  if (stmt == NULL || !dossier_db_bind (reader->db, stmt, error, "t", name) ||
      !dossier_db_step_row (reader->db, stmt, &has_row, error))
    return NULL;

  series = g_new0 (Series, 1);
  if (has_row)
    {
      series->id = sqlite3_column_int64 (stmt, 0);
      series->yearly = sqlite3_column_int (stmt, 1) != 0;
      series->kind_known = TRUE;
    }
  g_hash_table_insert (reader->series, g_steal_pointer (&key), series);
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

static char *
intern (Reader     *reader,
        const char *text)
{
  return text != NULL ? g_string_chunk_insert_const (reader->strings, text) : NULL;
}

/* Reads one row into reader->rows; its mistakes into reader->problems. */
static gboolean
read_row (Reader            *reader,
          DossierCsvRecord  *record,
          int                columns[N_COLUMNS],
          guint              n_columns,
          const char        *default_series,
          GError           **error)
{
  guint n_fields = g_strv_length (record->fields), before = reader->problems->len;
  Row row = { record->line };
  int year, quarter;
  Series *series;

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

  row.period = intern (reader, field (record, columns[PERIOD]));
  row.provider = intern (reader, field (record, columns[PROVIDER]));
  row.series = intern (reader, *field (record, columns[SERIES]) ? field (record, columns[SERIES]) : default_series);
  row.source = intern (reader, field (record, columns[SOURCE]));
  row.url = intern (reader, field (record, columns[URL]));
  row.note = intern (reader, field (record, columns[NOTE]));

  if (!dossier_period_parse (row.period, &year, &quarter))
    problem (reader, record->line, _("“%s” is not a period: write 2019-Q3 for a quarter, 2019 for a year"),
             row.period);
  if (*row.provider == '\0')
    problem (reader, record->line, _("the provider is empty"));
  read_share (reader, record->line, field (record, columns[SHARE]), &row.share);

  if (row.series == NULL || *row.series == '\0')
    problem (reader, record->line, _("which series? The file has no series column, and none was chosen"));
  else if ((series = find_series (reader, row.series, error)) == NULL)
    {
      return FALSE;
    }
  else if (reader->problems->len == before)
    {
      /* A new series takes the kind of its first right row's period. */
      if (!series->kind_known)
        {
          series->yearly = quarter == 0;
          series->kind_known = TRUE;
        }
      if (series->yearly != (quarter == 0))
        problem (reader, record->line,
                 series->yearly ? _("“%s” is a quarter, but the series “%s” has years")
                                : _("“%s” is a year, but the series “%s” has quarters"),
                 row.period, row.series);
      row.series_id = series->id;
      row.series_ref = series;
    }

  if (reader->problems->len == before &&
      !find_organization (reader, row.provider, &row.organization_id, error))
    {
      return FALSE;
    }

  if (reader->problems->len == before)
    {
      row.provider_fold = g_hash_table_lookup (reader->folds, row.provider);
      if (row.provider_fold == NULL)
        {
          g_autofree char *fold = g_utf8_casefold (row.provider, -1);

          row.provider_fold = intern (reader, fold);
          g_hash_table_insert (reader->folds, row.provider, (gpointer) row.provider_fold);
        }
      g_array_append_val (reader->rows, row);
    }
  return TRUE;
}

/* Rows as keys: the same figure (series, period and provider), or the
 * same period of a series. */
static guint
figure_hash (gconstpointer key)
{
  const Row *row = key;
  guint64 h = (guintptr) row->series_ref;

  h = h * 1000003u ^ (guintptr) row->period;
  h = h * 1000003u ^ (row->organization_id ? (guint64) row->organization_id : (guintptr) row->provider_fold);
  return (guint) (h ^ (h >> 29));
}

static gboolean
figure_equal (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a, *y = b;

  return x->series_ref == y->series_ref && x->period == y->period && x->organization_id == y->organization_id &&
         (x->organization_id != 0 || x->provider_fold == y->provider_fold);
}

static guint
period_hash (gconstpointer key)
{
  const Row *row = key;
  guint64 h = (guintptr) row->series_ref * 1000003u ^ (guintptr) row->period;

  return (guint) (h ^ (h >> 29));
}

static gboolean
period_equal (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a, *y = b;

  return x->series_ref == y->series_ref && x->period == y->period;
}

static gboolean check_rows_together (Reader  *reader,
                                     GError **error);

/* A figure the series has already: the same is skipped, another is a
 * mistake (the file would contradict what is kept). */
static gboolean
check_existing (Reader  *reader,
                Row     *row,
                GError **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean has_row;

  if (row->series_id == 0 || row->organization_id == 0)
    return TRUE;

  stmt = dossier_db_prepare (reader->db,
                             "SELECT percent FROM market_share WHERE series_id = ?1 AND period = ?2 "
                             "AND organization_id = ?3",
                             error);
  if (stmt == NULL ||
      !dossier_db_bind (reader->db, stmt, error, "iti", row->series_id, row->period, row->organization_id) ||
      !dossier_db_step_row (reader->db, stmt, &has_row, error))
    return FALSE;

  if (has_row && sqlite3_column_double (stmt, 0) == row->share)
    row->same = TRUE;
  else if (has_row)
    {
      char kept[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (kept, sizeof kept, "%.6g", sqlite3_column_double (stmt, 0));
      problem (reader, row->line, _("the series has %s for %s in %s already; change it in Dossier, not here"),
               kept, row->provider, row->period);
    }
  return TRUE;
}

/* What the rows say together: one figure a provider in a period of a
 * series, shares that add up to 100 at most (with the figures the series
 * has already for other providers), and no figure contradicting one that
 * is there. */
static gboolean
check_together (Reader  *reader,
                GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!check_rows_together (reader, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* check_together(), with an @error that is never %NULL. */
static gboolean
check_rows_together (Reader  *reader,
                     GError **error)
{
  /* Keyed by rows, which stay where they are meanwhile. */
  g_autoptr(GHashTable) seen = g_hash_table_new (figure_hash, figure_equal);
  g_autoptr(GHashTable) sums = g_hash_table_new_full (period_hash, period_equal, NULL, g_free);
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The figures the file names in series the database has. */
  for (guint i = 0; i < reader->rows->len; i++)
    {
      Row *row = &g_array_index (reader->rows, Row, i);

      if (row->series_id != 0)
        g_hash_table_add (named, g_strdup_printf ("%" G_GINT64_FORMAT "\n%s\n%" G_GINT64_FORMAT,
                                                  row->series_id, row->period, row->organization_id));
    }

  for (guint i = 0; i < reader->rows->len; i++)
    {
      Row *row = &g_array_index (reader->rows, Row, i);
      double *sum = g_hash_table_lookup (sums, row);
      Row *earlier = g_hash_table_lookup (seen, row);

      if (earlier != NULL)
        {
          problem (reader, row->line, _("%s has a share for %s in this series on line %u already"),
                   row->provider, row->period, earlier->line);
          continue;
        }
      g_hash_table_add (seen, row);

      if (sum == NULL)
        {
          g_autoptr(DossierStmt) stmt = NULL;
          gboolean has_row;

          sum = g_new0 (double, 1);
          g_hash_table_insert (sums, row, sum);
          /* What the series has for providers this file does not name. */
          if (row->series_id != 0)
            {
              stmt = dossier_db_prepare (reader->db,
                                         "SELECT organization_id, percent FROM market_share "
                                         "WHERE series_id = ?1 AND period = ?2",
                                         error);
              if (stmt == NULL || !dossier_db_bind (reader->db, stmt, error, "it", row->series_id, row->period))
                return FALSE;
              while (dossier_db_step_row (reader->db, stmt, &has_row, error) && has_row)
                {
                  g_autofree char *figure = g_strdup_printf ("%" G_GINT64_FORMAT "\n%s\n%" G_GINT64_FORMAT,
                                                             row->series_id, row->period,
                                                             (gint64) sqlite3_column_int64 (stmt, 0));

                  if (!g_hash_table_contains (named, figure))
                    *sum += sqlite3_column_double (stmt, 1);
                }
              if (error != NULL && *error != NULL)
                return FALSE;
            }
        }

      if (!check_existing (reader, row, error))
        return FALSE;

      *sum += row->share;
      if (*sum > 100. + 1e-9 && *sum - row->share <= 100. + 1e-9)
        {
          char total[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (total, sizeof total, "%.4g", *sum);
          problem (reader, row->line, _("the shares of %s in this series add up to %s, over 100"),
                   row->period, total);
        }
    }

  return TRUE;
}

/* The state of dossier_shares_reader_import() between records. */
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
  gsize       size;       /* of the file */
} Reading;

/* The header first (nothing more is read when it is wrong), then each
 * row. */
static gboolean
read_record (DossierCsvRecord *record,
             gpointer          data)
{
  Reading *reading = data;

  if (reading->header_line == 0)
    {
      reading->header_line = record->line;
      reading->n_columns = g_strv_length (record->fields);
      reading->header_ok = read_header (reading->reader, record, reading->columns);
      return reading->header_ok;
    }
  if (!read_row (reading->reader, record, reading->columns, reading->n_columns, reading->series, reading->error))
    {
      reading->failed = TRUE;
      return FALSE;
    }
  /* Reading is the first half of the work, writing the second. */
  dossier_db_report_progress (reading->reader->db, record->end, 2 * reading->size);
  return TRUE;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const DossierProblem *pa = *(DossierProblem **) a, *pb = *(DossierProblem **) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

static void
series_free (gpointer data)
{
  g_free (data);
}

/**
 * dossier_shares_reader_import:
 * @file_name: the name used in messages
 * @series: (nullable): the series of rows that name none
 * @language: the language of the texts added (a new series' market)
 * @problems: (out) (optional) (element-type DossierProblem): every mistake,
 *   with its line, when the file is refused
 * @n_added: (out) (optional): how many figures were added
 *
 * Reads market shares into @db, in the caller's transaction. A file wrong
 * anywhere is refused whole, @error naming its first mistake
 * ("FILE:LINE: reason").
 */
gboolean
dossier_shares_reader_import (DossierDb   *db,
                              GBytes      *csv,
                              const char  *file_name,
                              const char  *series,
                              const char  *language,
                              GPtrArray  **problems,
                              guint       *n_added,
                              GError     **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_problem_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GHashTable) series_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, series_free);
  g_autoptr(GHashTable) organizations = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) folds = g_hash_table_new (NULL, NULL);
  GStringChunk *strings = g_string_chunk_new (64 * 1024);
  g_autofree char *parse_message = NULL;
  Reader reader = { db, file_name, language, all, rows, series_table, 0, strings, organizations, folds };
  Reading reading = { &reader, { 0 }, 0, 0, FALSE, series, error, FALSE };
  guint parse_line = 0, n_records = 0;
  gsize size;
  const char *data = g_bytes_get_data (csv, &size);
  gboolean ok;

  reading.size = size;
  if (problems != NULL)
    *problems = NULL;
  if (n_added != NULL)
    *n_added = 0;

  /* A record at a time: what is kept of a row is its figure and the
   * texts it shares with the others. */
  if (!dossier_csv_parse_each (data, size, read_record, &reading, &n_records, &parse_line, &parse_message))
    {
      if (reading.failed)
        {
          g_string_chunk_free (strings);
          return FALSE;
        }
      if (parse_message != NULL)
        problem (&reader, parse_line, "%s", parse_message);
    }
  else if (reading.header_ok)
    {
      if (n_records == 1)
        problem (&reader, reading.header_line, _("the file has no figures, only a header"));
      if (!check_together (&reader, error))
        {
          g_string_chunk_free (strings);
          return FALSE;
        }
    }

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
      g_string_chunk_free (strings);
      return FALSE;
    }

  ok = _dossier_shares_write_rows (&reader, error);
  g_string_chunk_free (strings);
  if (ok && n_added != NULL)
    *n_added = reader.n_added;
  return ok;
}
