/* fuzz-shares-csv.c: libFuzzer target for the market-share CSV reader
 * (dossier-csv.c's parser and the checks of dossier-shares-reader.c)
 *
 * The raw parser runs first on its own; then the import, into an
 * in-memory database with one organization and one series, inside a
 * transaction always rolled back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"

#include "dossier-history.h"

#include "dossier-csv.h"
#include "dossier-shares-reader.h"

typedef struct
{
  GBytes *csv;
} Input;

static gboolean
import_then_undo (DossierDb  *db,
                  gpointer    user_data,
                  GError    **error)
{
  Input *input = user_data;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint n_added = 0;

  if (!dossier_shares_reader_import (db, input->csv, NULL, "fuzz.csv", "Fuzzed market", "en",
                                     &problems, &n_added, &local_error))
    {
      /* Refused: either a list of mistakes, each on a line, or an error. */
      g_assert (local_error != NULL || (problems != NULL && problems->len > 0));
      if (problems != NULL)
        for (guint i = 0; i < problems->len; i++)
          {
            DossierProblem *problem = g_ptr_array_index (problems, i);
            g_assert (problem->line > 0 && problem->message != NULL);
          }
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "undo");
  return FALSE;
}

static gboolean
count_record (DossierCsvRecord *record,
              gpointer          data)
{
  (*(guint *) data)++;
  return TRUE;
}

/* Read in pieces of a few bytes, a file read whole gives as many records,
 * or a mistake no later: a piece's bytes are checked when it is reached,
 * so a line not in UTF-8, or a quote left open, may be found before the
 * NUL byte that the whole file is refused for. */
static void
check_pieces (const uint8_t *data,
              size_t         size,
              GPtrArray     *records,
              guint          line)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autofree char *message = NULL;
  guint n = 0, counted = 0, piece_line = 0;

  if (dossier_csv_parse_stream (stream, 7, count_record, &counted, &n, &piece_line, &message, NULL, NULL))
    g_assert (records != NULL && n == records->len && counted == n);
  else
    g_assert (records == NULL && message != NULL && piece_line > 0 && piece_line <= line);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  DossierDb *db = fuzz_get_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *message = NULL;
  guint line = 0;
  Input input;

  records = dossier_csv_parse ((const char *) data, size, &line, &message);
  g_assert ((records == NULL) == (message != NULL));
  if (records == NULL)
    g_assert (line > 0);
  else
    for (guint i = 0; i < records->len; i++)
      {
        DossierCsvRecord *record = g_ptr_array_index (records, i);
        g_assert (record->line > 0 && record->fields != NULL);
        for (guint j = 0; record->fields[j] != NULL; j++)
          g_assert (strlen (record->fields[j]) <= DOSSIER_CSV_MAX_FIELD);
      }

  check_pieces (data, size, records, line);

  input.csv = g_bytes_new (data, size);
  g_assert (!dossier_history_record (db, "import-shares", import_then_undo, &input, &error));
  g_bytes_unref (input.csv);
  fuzz_assert_empty (db);
  return 0;
}
