/* main.c
 *
 * `dossier`: what is done without a window (--export-chart, --search, the
 * imports and exports) runs here, in a process that never loads GTK; a
 * window loads the module libdossier-ui.so, GTK with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <locale.h>

#include "dossier-cli.h"
#include "dossier-db.h"
#include "dossier-language.h"

/* Run from the build tree, Dossier reads what was built beside it: the
 * translations, the window's module. */
static gboolean
in_build_tree (void)
{
  static int answer = -1;

  if (answer < 0)
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

      answer = exe != NULL && g_str_has_prefix (exe, BUILD_ROOT G_DIR_SEPARATOR_S);
    }
  return answer;
}

static int
run_window (int    argc,
            char **argv)
{
  g_autofree char *path = g_build_filename (in_build_tree () ? BUILD_MODULEDIR : MODULEDIR, "libdossier-ui.so", NULL);
  /* Not G_MODULE_BIND_LOCAL: GtkBuilder finds a type it has not met yet
   * (DossierSidebar, GtkPaned…) by looking its _get_type() function up in
   * the global scope; when that failed, it registered every type GTK has
   * (gtk_test_register_all_types()), 4 ms of the window's start. */
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY);
  int (*ui_main) (int, char **) = NULL;

  if (module == NULL || !g_module_symbol (module, "dossier_ui_main", (gpointer *) &ui_main))
    {
      /* Not translated: an installation this broken has no catalog either. */
      g_printerr ("dossier: cannot load the window (%s): %s\n", path, g_module_error ());
      return EXIT_FAILURE;
    }
  /* The module stays loaded: GTK's types are not unloaded. */
  return ui_main (argc, argv);
}

int
main (int   argc,
      char *argv[])
{
  dossier_db_configure_library ();
  /* The language picked in Preferences, if any, else the system's. */
  dossier_language_apply_saved ();
  bindtextdomain (GETTEXT_PACKAGE,
                  in_build_tree () && g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR) ? BUILD_LOCALEDIR : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (dossier_cli_is_headless (argc, argv))
    return dossier_cli_run (argc, argv);
  return run_window (argc, argv);
}
