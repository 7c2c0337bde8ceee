/* dossier-cli-main.c
 *
 * The headless command line as a program of its own: `dossier` runs it
 * when the command line asks for something done without a window
 * (--export-chart, --search, --import-shares…), in a process that loads
 * no GTK (src/main.c). Loading GTK and the sixty libraries it brings was
 * 14 ms of a chart's 85 ms export, measured.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-cli.h"

/* The options that do something and quit; the others (--series, --width…)
 * only say how. */
static const char *const headless[] = {
  "version", "search", "export-chart", "export-brief", "export-case", "import-case", "import-shares",
  "export-shares",
};

/**
 * dossier_cli_is_headless:
 *
 * Returns: whether the command line asks for something done without a
 *   window: an option of dossier_cli_handle_options() that acts, as
 *   "--search" or "--search=…"
 */
gboolean
dossier_cli_is_headless (int    argc,
                         char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      gsize length;

      if (g_str_equal (arg, "--"))
        break;
      if (!g_str_has_prefix (arg, "--"))
        continue;
      arg += 2;
      length = strcspn (arg, "=");
      for (guint k = 0; k < G_N_ELEMENTS (headless); k++)
        if (strlen (headless[k]) == length && strncmp (arg, headless[k], length) == 0)
          return TRUE;
    }
  return FALSE;
}

static int
handle_local_options (GApplication *app,
                      GVariantDict *options,
                      gpointer      unused)
{
  g_autofree char *db_path = NULL;
  int status;

  if ((status = dossier_cli_read_db (options, &db_path)) >= 0)
    return status;
  /* dossier_cli_is_headless() said there was something to do. */
  if ((status = dossier_cli_handle_options (options, db_path)) >= 0)
    return status;
  g_printerr ("dossier: %s\n", _("nothing to do: see dossier --help"));
  return EXIT_FAILURE;
}

/**
 * dossier_cli_run:
 *
 * Parses the command line as the application would and does what it
 * asks, without a window (see dossier_cli_is_headless()).
 *
 * Returns: the exit status
 */
int
dossier_cli_run (int    argc,
                 char **argv)
{
  /* Never unique, never on the bus: it quits before it would register. */
  g_autoptr(GApplication) app = g_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);

  dossier_cli_add_options (app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options), NULL);
  return g_application_run (app, argc, argv);
}
