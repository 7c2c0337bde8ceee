/* dossier-cli.c
 *
 * What Dossier does without a display: --version, --search and --export-chart. It
 * links the model and the chart only, never GTK, so that it runs on a server
 * or in a script: `dossier` runs it without loading GTK at all
 * (dossier-cli-main.c), and the application hands it the parsed options
 * before GTK is initialized.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-chart-bars.h"
#include "dossier-chart-donut.h"
#include "dossier-chart-lines.h"
#include "dossier-chart-content.h"
#include "dossier-chart-export.h"
#include "dossier-cli.h"
#include "dossier-cli-brief.h"
#include "dossier-cli-exchange.h"
#include "dossier-file.h"
#include "dossier-node.h"
#include "dossier-store.h"

#define DEFAULT_WIDTH  800
#define DEFAULT_HEIGHT 500
/* Below this, the title, the bars and their labels do not fit (looked at:
 * 320×240 reads, 200×160 overlaps). */
#define MIN_WIDTH      320
#define MIN_HEIGHT     240
#define MAX_SIZE       20000

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this database file instead of the default one"), N_("FILE") },
  { "export-chart", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the market-share chart to FILE (.png, .svg or .pdf) and quit"), N_("FILE") },
  { "series", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart, the series to draw (default: the case file's own); with --import-shares or --export-shares, the series to read or write"), N_("NAME") },
  { "period", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart: the period to draw, such as 2019-Q3 or 2018 (default: the latest of the series); with --view timeline, the days to show, such as 2020-01"), N_("PERIOD") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart: “bars” (the default) or “donut” for the shares in one period, “time” for the shares across every period, “timeline” for a case file's events"),
    N_("VIEW") },
  { "export-brief", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the brief of a case file (of --case, or the first) to FILE, a PDF, and quit"), N_("FILE") },
  { "case", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-brief or --view timeline: the case file, by name or title (default: the first)"), N_("NAME") },
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart to a PNG: N times as many pixels a side, laid out as at 1 (1 to 4; default 1)"), N_("N") },
  { "width", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Width of the exported chart, in pixels or points (default 800)"), N_("N") },
  { "height", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Height of the exported chart, in pixels or points (default 500)"), N_("N") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print what matches QUERY, one result a line (kind, title, case file), and quit"), N_("QUERY") },
  { "export-case", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the case file NAME (or all of them: “all”) to the JSON file given next, and quit"), N_("NAME") },
  { "import-case", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the case file in FILE (Dossier's JSON format), and quit"), N_("FILE") },
  { "import-shares", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the market shares in FILE (CSV: period, provider, share…), and quit"), N_("FILE") },
  { "export-shares", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the market shares (of every series, or of --series) to FILE in CSV, and quit"), N_("FILE") },
  { "as-copy", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-case: import a case file that is already there as a copy"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE]") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and quit"), NULL },
  { NULL }
};

/**
 * dossier_cli_add_options:
 *
 * Gives @app the options dossier_cli_handle_options() handles, and the
 * summary `--help` prints above them: the same for a window and without.
 */
void
dossier_cli_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, option_entries);
  g_application_set_option_context_summary (app, _("Explore a business dispute next to the market it is fought over."));
}

/**
 * dossier_cli_read_db:
 * @options: the parsed command line
 * @db_path: (out) (transfer full): the database given with --db, made
 *   absolute, or %NULL for the default one
 *
 * Returns: -1 to go on, or the exit status when --db names no file or a
 *   folder that is not there (said on standard error): only the default
 *   database's folder is created, a folder typed wrong is not
 */
int
dossier_cli_read_db (GVariantDict  *options,
                     char         **db_path)
{
  g_autofree char *dir = NULL;
  const char *db = NULL;

  *db_path = NULL;
  if (!g_variant_dict_lookup (options, "db", "^&ay", &db))
    return -1;
  if (*db == '\0')
    {
      g_printerr ("dossier: %s\n", _("--db needs a file name"));
      return EXIT_FAILURE;
    }
  *db_path = g_canonicalize_filename (db, NULL);
  dir = g_path_get_dirname (*db_path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message = g_strdup_printf (_("--db %s: the folder %s does not exist"), db, dir);

      g_printerr ("dossier: %s\n", message);
      g_clear_pointer (db_path, g_free);
      return EXIT_FAILURE;
    }
  return -1;
}

/* The chart the first case file opens on, or the one asked for. */
static DossierChartContent *
load_chart (DossierStore  *store,
            const char    *series_slug,
            const char    *period,
            gboolean       over_time,
            GError       **error)
{
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(DossierNode) first = NULL;
  g_autofree char *case_period = NULL;
  gint64 series_id;

  if (series_slug != NULL)
    {
      if (!(series_id = dossier_cli_find_series (store, series_slug, error)))
        return NULL;
      return over_time ? dossier_chart_content_load_over_time (store, series_id, period, error)
                       : dossier_chart_content_load (store, series_id, period, error);
    }

  if (period != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("--period goes with --series"));
      return NULL;
    }

  if (!(cases = dossier_store_list_case_files (store, error)))
    return NULL;

  if (g_list_model_get_n_items (cases) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s has no market figures to chart"), dossier_store_get_path (store));
      return NULL;
    }

  first = g_list_model_get_item (cases, 0);
  if (!over_time)
    return dossier_chart_content_new_for_case (store, dossier_node_get_id (first), error);

  /* The first case file's series, across its periods, its own marked. */
  if (!dossier_store_get_case_market (store, dossier_node_get_id (first), &series_id, &case_period, error))
    return NULL;
  if (series_id == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s has no market figures to chart"), dossier_store_get_path (store));
      return NULL;
    }
  return dossier_chart_content_load_over_time (store, series_id, case_period, error);
}

/* The chart is never written over the database it was read from. */
static gboolean
refuse_database (const char  *path,
                 const char  *db_path,
                 GError     **error)
{
  if (!dossier_file_same (path, db_path))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Cannot write %s: it is the database Dossier has open"), path);
  return FALSE;
}

static int
export_chart (const char *db_path,
              const char *path,
              const char *series_slug,
              const char *period,
              const char *view_name,
              int         width,
              int         height,
              int         scale)
{
  const DossierChartView *view = g_strcmp0 (view_name, "time") == 0 ? dossier_chart_lines_get_view ()
                               : g_strcmp0 (view_name, "donut") == 0 ? dossier_chart_donut_get_view ()
                               : dossier_chart_bars_get_view ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(DossierChartContent) content = NULL;
  g_autofree char *default_path = NULL;

  if (db_path == NULL)
    db_path = default_path = dossier_store_dup_default_path ();

  if (!(store = dossier_store_open (db_path, &error)) ||
      !(content = load_chart (store, series_slug, period, view == dossier_chart_lines_get_view (), &error)) ||
      !refuse_database (path, db_path, &error) ||
      !dossier_chart_export_file_scaled (view, content, path, width, height, scale, &error))
    {
      g_printerr ("dossier: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

/* One result a line, tab-separated: its kind, its title, its case file.
 * Exits 0 when something matched, 1 when nothing did, 2 on an error. */
static int
search (const char *db_path,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autofree char *default_path = NULL;
  guint n;

  if (db_path == NULL)
    db_path = default_path = dossier_store_dup_default_path ();

  if (!(store = dossier_store_open (db_path, &error)) ||
      !(results = dossier_store_search (store, query, 200, &error)))
    {
      g_printerr ("dossier: %s\n", error->message);
      return 2;
    }

  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (results, i);
      gint64 case_id = dossier_store_get_home_case (store, dossier_node_get_id (node));
      g_autoptr(DossierNode) case_node = case_id ? dossier_store_get_node (store, case_id, case_id, NULL) : NULL;

      g_print ("%s\t%s\t%s\n", dossier_node_kind_to_string (dossier_node_get_kind (node)),
               dossier_node_get_title (node), case_node ? dossier_node_get_title (case_node) : "");
    }

  return n > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* --width or --height: a whole number in range, or the default when not
 * given. Read as text: GApplication drops an integer option given as 0. */
static gboolean
read_size (GVariantDict *options,
           const char   *name,
           int           minimum,
           int           fallback,
           int          *size)
{
  const char *text = NULL;
  gint64 value = 0;

  *size = fallback;
  if (!g_variant_dict_lookup (options, name, "&s", &text))
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, minimum, MAX_SIZE, &value, NULL))
    return FALSE;
  *size = (int) value;
  return TRUE;
}

static int
usage (const char *message)
{
  g_printerr ("dossier: %s\n", message);
  return EXIT_FAILURE;
}

/**
 * dossier_cli_handle_options:
 * @options: the parsed command line
 * @db_path: (nullable): the database to read, or %NULL for the default one
 *
 * Returns: the exit status when an option was handled, or -1 when the
 *   application should go on and open its window
 */
int
dossier_cli_handle_options (GVariantDict *options,
                            const char   *db_path)
{
  const char *export_path = NULL, *series_slug = NULL, *period = NULL, *query = NULL;
  const char *which = NULL, *import_path = NULL, *view = NULL;
  g_autofree const char **remaining = NULL;
  guint n_remaining;
  int width = 0, height = 0, scale = 1;

  g_return_val_if_fail (options != NULL, EXIT_FAILURE);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "search", "&s", &query))
    return search (db_path, query);

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);
  n_remaining = remaining ? g_strv_length ((char **) remaining) : 0;

  if (g_variant_dict_lookup (options, "export-case", "&s", &which))
    {
      if (n_remaining != 1)
        return usage (_("--export-case NAME takes the file to write next: --export-case all cases.json"));
      return dossier_cli_export_case (db_path, which, remaining[0]);
    }

  if (g_variant_dict_lookup (options, "import-case", "^&ay", &import_path))
    return n_remaining ? usage (_("--import-case takes one file"))
                       : dossier_cli_import_case (db_path, import_path, g_variant_dict_contains (options, "as-copy"));

  g_variant_dict_lookup (options, "series", "&s", &series_slug);
  if (g_variant_dict_lookup (options, "import-shares", "^&ay", &import_path))
    return n_remaining ? usage (_("--import-shares takes one file"))
                       : dossier_cli_import_shares (db_path, import_path, series_slug);
  if (g_variant_dict_lookup (options, "export-shares", "^&ay", &export_path))
    return n_remaining ? usage (_("--export-shares takes one file"))
                       : dossier_cli_export_shares (db_path, export_path, series_slug);

  if (n_remaining > 0)
    return usage (_("Dossier opens no file given by name; use --db FILE for another database"));

  if (g_variant_dict_lookup (options, "export-brief", "^&ay", &export_path))
    {
      const char *case_name = NULL;

      g_variant_dict_lookup (options, "case", "&s", &case_name);
      return dossier_cli_export_brief (db_path, export_path, case_name);
    }

  if (!g_variant_dict_lookup (options, "export-chart", "^&ay", &export_path))
    return -1;

  if (!read_size (options, "width", MIN_WIDTH, DEFAULT_WIDTH, &width) ||
      !read_size (options, "height", MIN_HEIGHT, DEFAULT_HEIGHT, &height))
    return usage (_("--width must be a whole number from 320 to 20000, and --height from 240 to 20000"));

  g_variant_dict_lookup (options, "period", "&s", &period);
  g_variant_dict_lookup (options, "view", "&s", &view);
  if (!read_size (options, "scale", 1, 1, &scale) || scale > 4)
    return usage (_("--scale must be a whole number from 1 to 4"));
  if (g_strcmp0 (view, "timeline") == 0)
    {
      const char *case_name = NULL;

      g_variant_dict_lookup (options, "case", "&s", &case_name);
      return dossier_cli_export_timeline (db_path, export_path, case_name, period, width, height, scale);
    }
  if (view != NULL && !g_str_equal (view, "bars") && !g_str_equal (view, "donut") && !g_str_equal (view, "time"))
    return usage (_("--view must be “bars”, “donut”, “time” or “timeline”"));
  return export_chart (db_path, export_path, series_slug, period, view, width, height, scale);
}
