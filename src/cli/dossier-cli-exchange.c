/* dossier-cli-exchange.c
 *
 * Exchange from the command line, without a display: --export-case and
 * --import-case (Dossier's JSON case files), --export-shares and
 * --import-shares (market shares in CSV). Errors go to stderr, naming the
 * file and the place in it, and exit non-zero; nothing is written then.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-cli-exchange.h"
#include "dossier-node.h"
#include "dossier-series.h"
#include "dossier-store.h"

static DossierStore *
open_store (const char  *db_path,
            GError     **error)
{
  g_autofree char *default_path = NULL;

  if (db_path == NULL)
    db_path = default_path = dossier_store_dup_default_path ();
  return dossier_store_open (db_path, error);
}

static int
fail (const GError *error)
{
  g_printerr ("dossier: %s\n", error->message);
  return EXIT_FAILURE;
}

/**
 * dossier_cli_find_case:
 * @name: (nullable): a case file's slug, or its title in any case; %NULL
 *   for the first case file
 *
 * Returns: the case file's id, or 0 with an error listing them
 */
gint64
dossier_cli_find_case (DossierStore  *store,
                       const char    *name,
                       GError       **error)
{
  g_autoptr(GListModel) cases = dossier_store_list_case_files (store, error);
  g_autoptr(GString) known = g_string_new (NULL);
  g_autofree char *folded = name ? g_utf8_casefold (name, -1) : NULL;

  if (cases == NULL)
    return 0;
  if (name == NULL)
    {
      g_autoptr(DossierNode) first = g_list_model_get_item (cases, 0);

      if (first == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("%s has no case file"), dossier_store_get_path (store));
      return first ? dossier_node_get_id (first) : 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (cases, i);
      g_autofree char *title = g_utf8_casefold (dossier_node_get_title (node), -1);

      if (name != NULL && (g_str_equal (dossier_node_get_slug (node), name) || g_str_equal (title, folded)))
        return dossier_node_get_id (node);
      g_string_append_printf (known, "%s%s (%s)", i ? ", " : "", dossier_node_get_slug (node),
                              dossier_node_get_title (node));
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               /* Translators: 1 what was asked for, 2 the list of case files */
               _("No case file is named “%1$s”; there are: %2$s"), name, known->len ? known->str : _("none"));
  return 0;
}

/**
 * dossier_cli_find_series:
 *
 * Returns: the id of the series named @slug, or 0 with an error listing
 *   the names
 */
gint64
dossier_cli_find_series (DossierStore  *store,
             const char    *slug,
             GError       **error)
{
  g_autoptr(GListModel) all = dossier_store_list_series (store, error);
  g_autoptr(GString) known = g_string_new (NULL);

  if (all == NULL)
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(DossierSeries) series = g_list_model_get_item (all, i);

      if (g_str_equal (dossier_series_get_slug (series), slug))
        return dossier_series_get_id (series);
      g_string_append_printf (known, "%s%s", i ? ", " : "", dossier_series_get_slug (series));
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               /* Translators: 1 a series name, 2 the list of known ones */
               _("No series is named “%1$s”; there are: %2$s"), slug, known->str);
  return 0;
}

/**
 * dossier_cli_export_case:
 * @which: "all", or a case file's slug or title
 * @path: the JSON file to write
 */
int
dossier_cli_export_case (const char *db_path,
                         const char *which,
                         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  gint64 case_id = 0;

  if (!(store = open_store (db_path, &error)))
    return fail (error);

  if (!g_str_equal (which, "all") && !(case_id = dossier_cli_find_case (store, which, &error)))
    return fail (error);

  if (!dossier_store_export_case_file (store, case_id, path, &error))
    return fail (error);
  return EXIT_SUCCESS;
}

/**
 * dossier_cli_import_case:
 * @as_copy: add a case file the database has already as a copy
 */
int
dossier_cli_import_case (const char *db_path,
                         const char *path,
                         gboolean    as_copy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(DossierNode) node = NULL;
  gint64 case_id = 0;

  if (!(store = open_store (db_path, &error)))
    return fail (error);

  if (!dossier_store_import_case_file (store, path, as_copy ? DOSSIER_IMPORT_AS_COPY : DOSSIER_IMPORT_DEFAULT,
                                       &case_id, &error))
    {
      fail (error);
      if (g_error_matches (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CASE_EXISTS))
        g_printerr ("dossier: %s\n", _("Nothing was imported. Add --as-copy to import it as a copy."));
      return EXIT_FAILURE;
    }

  if (case_id != 0 && (node = dossier_store_get_node (store, case_id, case_id, NULL)) != NULL)
    /* Translators: a case file's title */
    g_print (_("Imported “%s”\n"), dossier_node_get_title (node));
  return EXIT_SUCCESS;
}

/**
 * dossier_cli_import_shares:
 * @series: (nullable): the series of rows that name none
 *
 * A file wrong anywhere is refused whole: its first mistake goes to stderr
 * as "FILE:LINE: reason".
 */
int
dossier_cli_import_shares (const char *db_path,
                           const char *path,
                           const char *series)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint n_added = 0;

  if (!(store = open_store (db_path, &error)))
    return fail (error);

  if (!dossier_store_import_shares_file (store, path, series, &problems, &n_added, &error))
    {
      if (problems != NULL && problems->len > 1)
        g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s (and %u more mistake; nothing was imported)\n",
                                 "%s (and %u more mistakes; nothing was imported)\n", problems->len - 1),
                    error->message, problems->len - 1);
      else
        g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u figure\n", "Imported %u figures\n", n_added), n_added);
  return EXIT_SUCCESS;
}

/**
 * dossier_cli_export_shares:
 * @series: (nullable): the series to write, or %NULL for all of them
 */
int
dossier_cli_export_shares (const char *db_path,
                           const char *path,
                           const char *series)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  gint64 series_id = 0;

  if (!(store = open_store (db_path, &error)) ||
      (series != NULL && !(series_id = dossier_cli_find_series (store, series, &error))) ||
      !dossier_store_export_shares_file (store, series_id, path, &error))
    return fail (error);

  return EXIT_SUCCESS;
}
