/* dossier-store-exchange.c
 *
 * Case files in and out of the store, in Dossier's JSON format, and market
 * shares in CSV (docs/case-format.md): an import is one transaction with
 * undo, refused whole on the first error; an export is written to a
 * temporary file renamed into place, so an existing file is replaced whole
 * or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-case-reader.h"
#include "dossier-case-writer.h"
#include "dossier-file.h"
#include "dossier-history.h"
#include "dossier-shares-reader.h"
#include "dossier-shares-writer.h"
#include "dossier-store-private.h"

typedef struct
{
  GBytes             *json;
  const char         *path;
  const char         *file_name;
  DossierImportFlags  flags;
  gint64             *case_id;
} ImportData;

static gboolean
import_case (DossierDb  *db,
             gpointer    user_data,
             GError    **error)
{
  ImportData *data = user_data;

  return dossier_case_reader_import (db, data->json, data->path, data->file_name, data->flags, data->case_id, error);
}

/* A case file's bytes, or the file at @path read a piece at a time,
 * imported on @db (the store's connection, or a job's on a worker thread),
 * in one transaction with undo. */
static gboolean
import_case_bytes (DossierDb           *db,
                   GBytes              *json,
                   const char          *path,
                   const char          *file_name,
                   DossierImportFlags   flags,
                   gint64              *case_id,
                   GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id = 0;
  ImportData data = { json, path, file_name, flags, &id };

  if (case_id != NULL)
    *case_id = 0;
  /* The reader tells a failed step from the last row by the error: it
   * always gets one to set. */
  if (!dossier_history_record (db, "import-case", import_case, &data, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (case_id != NULL)
    *case_id = id;
  return TRUE;
}

/**
 * dossier_store_import_case_full:
 * @json: a case file in Dossier's JSON format
 * @file_name: the name used in error messages
 * @flags: %DOSSIER_IMPORT_AS_COPY to add a case file that is here already
 *   as a copy
 * @case_id: (out) (optional): the (first) case file added
 *
 * Adds what a case file holds, in one transaction with undo: on error
 * nothing is changed. Organizations and people it shares with the database
 * (by slug, or by name), sources and series are linked to, not duplicated.
 * A case file already here is refused with %DOSSIER_STORE_ERROR_CASE_EXISTS
 * unless it is added as a copy.
 */
gboolean
dossier_store_import_case_full (DossierStore        *self,
                                GBytes              *json,
                                const char          *file_name,
                                DossierImportFlags   flags,
                                gint64              *case_id,
                                GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  return import_case_bytes (self->db, json, NULL, file_name, flags, case_id, error);
}

/**
 * dossier_store_import_case:
 *
 * dossier_store_import_case_full() without flags.
 */
gboolean
dossier_store_import_case (DossierStore  *self,
                           GBytes        *json,
                           const char    *file_name,
                           GError       **error)
{
  return dossier_store_import_case_full (self, json, file_name, DOSSIER_IMPORT_DEFAULT, NULL, error);
}

/* What dossier_store_import_case_file() does, on any connection (the
 * store's, or a job's on a worker thread). */
gboolean
_dossier_exchange_import_case (DossierDb           *db,
                               const char          *path,
                               DossierImportFlags   flags,
                               gint64              *case_id,
                               GError             **error)
{
  g_autofree char *name = g_path_get_basename (path);

  if (case_id != NULL)
    *case_id = 0;
  return import_case_bytes (db, NULL, path, name, flags, case_id, error);
}

/**
 * dossier_store_import_case_file:
 * @path: a case file in Dossier's JSON format
 *
 * Reads @path and imports it; messages name it by its base name.
 */
gboolean
dossier_store_import_case_file (DossierStore        *self,
                                const char          *path,
                                DossierImportFlags   flags,
                                gint64              *case_id,
                                GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  return _dossier_exchange_import_case (self->db, path, flags, case_id, error);
}

/**
 * dossier_store_export_case:
 * @case_id: a case file, or 0 for everything the database holds
 *
 * Returns: (transfer full): the case file in Dossier's JSON format, with
 *   every organization, person, role, source and market series it refers
 *   to, or %NULL with @error set
 */
GBytes *
dossier_store_export_case (DossierStore  *self,
                           gint64         case_id,
                           GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return dossier_case_writer_write (self->db, case_id, error);
}

/* An export is written whole (dossier_file_replace()), and never over
 * the database itself: that is refused before the work of making it. */
static gboolean
not_the_database (DossierDb   *db,
                  const char  *path,
                  GError     **error)
{
  if (dossier_file_same (path, dossier_db_get_path (db)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Cannot write %s: it is the database Dossier has open"), path);
      return FALSE;
    }
  return TRUE;
}

/* What dossier_store_export_case_file() does, on any connection. */
gboolean
_dossier_exchange_export_case (DossierDb   *db,
                               gint64       case_id,
                               const char  *path,
                               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  return not_the_database (db, path, error) &&
         (bytes = dossier_case_writer_write (db, case_id, error)) != NULL &&
         dossier_file_replace (path, bytes, error);
}

/**
 * dossier_store_export_case_file:
 * @case_id: a case file, or 0 for everything
 *
 * Writes dossier_store_export_case() to @path, replacing it whole.
 */
gboolean
dossier_store_export_case_file (DossierStore  *self,
                                gint64         case_id,
                                const char    *path,
                                GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  return _dossier_exchange_export_case (self->db, case_id, path, error);
}

typedef struct
{
  GBytes      *csv;
  const char  *path;
  const char  *file_name;
  const char  *series;
  const char  *language;
  GPtrArray  **problems;
  guint       *n_added;
} SharesData;

static gboolean
import_shares (DossierDb  *db,
               gpointer    user_data,
               GError    **error)
{
  SharesData *data = user_data;

  return dossier_shares_reader_import (db, data->csv, data->path, data->file_name, data->series, data->language,
                                       data->problems, data->n_added, error);
}

/* A CSV file's bytes, or the file at @path read a piece at a time,
 * imported on @db, in one transaction with undo. */
static gboolean
import_shares_bytes (DossierDb    *db,
                     GBytes       *csv,
                     const char   *path,
                     const char   *file_name,
                     const char   *series,
                     const char   *language,
                     GPtrArray   **problems,
                     guint        *n_added,
                     GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  SharesData data = { csv, path, file_name, series, language, problems, n_added };

  if (!dossier_history_record (db, "import-shares", import_shares, &data, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * dossier_store_import_shares:
 * @csv: market shares in CSV (docs/case-format.md)
 * @file_name: the name used in messages
 * @series: (nullable): the series of rows that name none
 * @problems: (out) (optional) (transfer full) (element-type DossierProblem):
 *   when the file is refused, every mistake in it, with its line
 * @n_added: (out) (optional): how many figures were added
 *
 * Adds the figures of a CSV file, in one transaction with undo. A file
 * wrong anywhere changes nothing: @error says its first mistake
 * ("FILE:LINE: reason", %DOSSIER_STORE_ERROR_BAD_SHARES).
 */
gboolean
dossier_store_import_shares (DossierStore  *self,
                             GBytes        *csv,
                             const char    *file_name,
                             const char    *series,
                             GPtrArray    **problems,
                             guint         *n_added,
                             GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (csv != NULL, FALSE);

  return import_shares_bytes (self->db, csv, NULL, file_name, series, self->language, problems, n_added, error);
}

/* What dossier_store_import_shares_file() does, on any connection. */
gboolean
_dossier_exchange_import_shares (DossierDb    *db,
                                 const char   *path,
                                 const char   *series,
                                 const char   *language,
                                 GPtrArray   **problems,
                                 guint        *n_added,
                                 GError      **error)
{
  g_autofree char *name = g_path_get_basename (path);

  if (problems != NULL)
    *problems = NULL;
  if (n_added != NULL)
    *n_added = 0;
  return import_shares_bytes (db, NULL, path, name, series, language, problems, n_added, error);
}

/**
 * dossier_store_import_shares_file:
 *
 * dossier_store_import_shares() on the file at @path, named in messages by
 * its base name.
 */
gboolean
dossier_store_import_shares_file (DossierStore  *self,
                                  const char    *path,
                                  const char    *series,
                                  GPtrArray    **problems,
                                  guint         *n_added,
                                  GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  return _dossier_exchange_import_shares (self->db, path, series, self->language, problems, n_added, error);
}

/**
 * dossier_store_export_shares:
 * @series_id: a series, or 0 for every series
 *
 * Returns: (transfer full): the figures in CSV, or %NULL with @error set
 */
GBytes *
dossier_store_export_shares (DossierStore  *self,
                             gint64         series_id,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if ((bytes = dossier_shares_writer_write (self->db, series_id, self->language, &local_error)) == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return bytes;
}

/* What dossier_store_export_shares_file() does, on any connection. */
gboolean
_dossier_exchange_export_shares (DossierDb   *db,
                                 gint64       series_id,
                                 const char  *language,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  return not_the_database (db, path, error) &&
         (bytes = dossier_shares_writer_write (db, series_id, language, error)) != NULL &&
         dossier_file_replace (path, bytes, error);
}

/**
 * dossier_store_export_shares_file:
 *
 * Writes dossier_store_export_shares() to @path, replacing it whole.
 */
gboolean
dossier_store_export_shares_file (DossierStore  *self,
                                  gint64         series_id,
                                  const char    *path,
                                  GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  return _dossier_exchange_export_shares (self->db, series_id, self->language, path, error);
}
