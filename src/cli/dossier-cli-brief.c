/* dossier-cli-brief.c
 *
 * A case file's timeline (--export-chart FILE --view timeline) and its
 * brief (--export-brief FILE.pdf) from the command line, without a
 * display, drawn by the code the window draws and prints them with.
 * Errors go to stderr and exit non-zero; nothing is written then.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-brief.h"
#include "dossier-chart-content.h"
#include "dossier-chart-export.h"
#include "dossier-chart-timeline.h"
#include "dossier-cli-brief.h"
#include "dossier-cli-exchange.h"
#include "dossier-file.h"
#include "dossier-store.h"
#include "dossier-timeline-content.h"
#include "dossier-timeline-layout.h"

static DossierStore *
open_store (const char  *db_path,
            char       **opened,
            GError     **error)
{
  *opened = db_path ? g_strdup (db_path) : dossier_store_dup_default_path ();
  return dossier_store_open (*opened, error);
}

/**
 * dossier_cli_export_timeline:
 * @case_name: (nullable): the case file, or %NULL for the first
 * @period: (nullable): the days to show ("2020-01", "2020", "2020-01-13"),
 *   or %NULL for the whole case
 *
 * Returns: the exit status
 */
int
dossier_cli_export_timeline (const char *db_path,
                             const char *path,
                             const char *case_name,
                             const char *period,
                             int         width,
                             int         height,
                             int         scale)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(DossierChartContent) content = NULL;
  g_autofree char *opened = NULL;
  gint64 case_id = 0;

  if (!(store = open_store (db_path, &opened, &error)) ||
      !(case_id = dossier_cli_find_case (store, case_name, &error)) ||
      !(content = dossier_timeline_content_load (store, case_id, &error)))
    goto failed;

  if (period != NULL)
    {
      double from, to;

      if (!dossier_timeline_span_from_date (period, &from, &to))
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("--period must be a year, a month or a day (2020, 2020-01, 2020-01-13), not “%s”"), period);
          goto failed;
        }
      dossier_timeline_content_set_range (content, from, to);
    }

  if (dossier_file_same (path, opened))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Cannot write %s: it is the database Dossier has open"), path);
      goto failed;
    }
  if (!dossier_chart_export_file_scaled (dossier_chart_timeline_get_view (), content, path,
                                         width, height, scale, &error))
    goto failed;
  return EXIT_SUCCESS;

failed:
  g_printerr ("dossier: %s\n", error->message);
  return EXIT_FAILURE;
}

/**
 * dossier_cli_export_brief:
 * @path: the PDF to write
 * @case_name: (nullable): the case file, or %NULL for the first
 *
 * Returns: the exit status
 */
int
dossier_cli_export_brief (const char *db_path,
                          const char *path,
                          const char *case_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(DossierBrief) brief = NULL;
  g_autofree char *opened = NULL;
  gint64 case_id = 0;

  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The brief is written as a PDF: the file’s name must end in .pdf, not “%s”"), path);
      goto failed;
    }
  if (!(store = open_store (db_path, &opened, &error)) ||
      !(case_id = dossier_cli_find_case (store, case_name, &error)) ||
      !(brief = dossier_brief_new (store, case_id, &error)))
    goto failed;
  if (dossier_file_same (path, opened))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Cannot write %s: it is the database Dossier has open"), path);
      goto failed;
    }
  if (!dossier_brief_write_pdf (brief, path, &error))
    goto failed;
  return EXIT_SUCCESS;

failed:
  g_printerr ("dossier: %s\n", error->message);
  return EXIT_FAILURE;
}
