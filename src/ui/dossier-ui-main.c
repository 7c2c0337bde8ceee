/* dossier-ui-main.c
 *
 * The window's side of `dossier`: the module libdossier-ui.so, which
 * src/main.c loads, with GTK, only when the command line asks for a
 * window. The language and the translations are set by then.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "dossier-application.h"
#include "dossier-ui-main.h"

/**
 * dossier_ui_main:
 *
 * Runs the application.
 *
 * Returns: the exit status
 */
int
dossier_ui_main (int    argc,
                 char **argv)
{
  g_autoptr(DossierApplication) app = NULL;

  /* The locale is the language picked in Preferences (src/main.c); GTK
   * would set the system's again as it starts. */
  gtk_disable_setlocale ();
  g_set_application_name (_("Dossier"));

  app = dossier_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
