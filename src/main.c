/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "dossier-application.h"
#include "dossier-db.h"
#include "dossier-language.h"

/* Run from the build tree, Dossier reads the translations built beside it. */
static const char *
pick_localedir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = g_path_get_dirname (BUILD_LOCALEDIR);

  if (exe != NULL && g_str_has_prefix (exe, build_root) &&
      g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return BUILD_LOCALEDIR;

  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DossierApplication) app = NULL;

  dossier_db_configure_library ();
  /* The language picked in Preferences, if any, else the system's; GTK
   * would set the system's again as it starts. */
  dossier_language_apply_saved ();
  gtk_disable_setlocale ();
  bindtextdomain (GETTEXT_PACKAGE, pick_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Dossier"));

  app = dossier_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
