/* fuzz-case-json.c: libFuzzer target for the JSON case-file reader
 *
 * Each input is imported into one in-memory Dossier database inside a
 * transaction that is always rolled back, so that every run starts from
 * the same empty database, recorded for undo as the store does (in parts
 * of a few kilobytes: fuzz-common.h). The reader must reject anything
 * malformed with an error, never crash, leak or leave its transaction
 * half-done; what json-glib refuses given the whole file, the reader
 * (which reads the file in pieces, and its events one at a time) refuses
 * too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"

#include <json-glib/json-glib.h>

#include "dossier-case-reader.h"
#include "dossier-history.h"

typedef struct
{
  GBytes             *json;
  DossierImportFlags  flags;
} Input;

static gboolean
import_then_undo (DossierDb  *db,
                  gpointer    user_data,
                  GError    **error)
{
  Input *input = user_data;
  g_autoptr(GError) local_error = NULL;
  gint64 case_id = 0;

  if (!dossier_case_reader_import (db, input->json, NULL, "fuzz.json", input->flags, &case_id, &local_error))
    g_assert (local_error != NULL && local_error->message[0] != '\0');
  else
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize size;
      const char *text = g_bytes_get_data (input->json, &size);

      g_assert (case_id >= 0);   /* 0: a file of market series only */
      /* Imported: json-glib reads the whole file too (never given an
       * empty buffer: it says so with a critical). */
      g_assert (size > 0 && json_parser_load_from_data (parser, text, size, NULL));
    }

  /* Roll the import back whatever happened. */
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "undo");
  return FALSE;
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  DossierDb *db = fuzz_get_db ();
  g_autoptr(GError) error = NULL;
  Input input;

  /* The first byte picks "import" or "import as a copy". */
  input.flags = size > 0 && (data[0] & 1) ? DOSSIER_IMPORT_AS_COPY : DOSSIER_IMPORT_DEFAULT;
  input.json = g_bytes_new (data, size);

  g_assert (!dossier_history_record (db, "import-case", import_then_undo, &input, &error));
  g_bytes_unref (input.json);
  fuzz_assert_empty (db);
  return 0;
}
