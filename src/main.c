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
#ifdef __GLIBC__
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

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

/* The heap, reserved in one piece at start and given to the kernel's
 * transparent huge pages where it has them ("madvise" or "always" in
 * /sys/kernel/mm/transparent_hugepage/enabled). Without it, each 4 KiB
 * page touched as the window is built, or as a chart is drawn for
 * --export-chart, is a page fault of its own, at 5 to 12 µs each on a
 * virtual machine: about 3,000 more to the window's first frame, most of
 * them on the main thread (beside tests/bench's minimal GTK window: 1.20
 * to 1.23 times its start without, 1.08 to 1.13 with; the faults from
 * 9,800 to 6,700), and --export-chart 75 → 62 ms. glibc's own switch, the
 * tunable glibc.malloc.hugetlb, can only be set before the process
 * starts. */
#define HEAP_RESERVE     (32 << 20)
#define HUGE_PAGE        (2 << 20)
/* After the start, glibc's defaults again, but for its sliding
 * threshold, which any setting turns off: blocks from 4 MiB (a window's
 * surface is 3.4 MiB at 1200 × 700) have mappings of their own, and free
 * memory at the heap's top is given back from twice that. */
#define MMAP_THRESHOLD   (4 << 20)

static gboolean
release_heap_reserve (gpointer data)
{
#ifdef __GLIBC__
  mallopt (M_TOP_PAD, 128 * 1024);
  mallopt (M_TRIM_THRESHOLD, 2 * MMAP_THRESHOLD);
#endif
  return G_SOURCE_REMOVE;
}

static void
reserve_heap (void)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  GSList *blocks = NULL;
  char *before, *after, *start, *end;

  mallopt (M_MMAP_THRESHOLD, MMAP_THRESHOLD);
  mallopt (M_TRIM_THRESHOLD, 2 * HEAP_RESERVE);
  mallopt (M_TOP_PAD, HEAP_RESERVE);
  /* The heap grows by HEAP_RESERVE at its next growth: made to grow now,
   * the blocks then given back to it. */
  before = sbrk (0);
  for (guint n = 0; (after = sbrk (0)) == before && n < 64; n++)
    blocks = g_slist_prepend (blocks, g_malloc (64 * 1024));
  g_slist_free_full (blocks, g_free);

  start = (char *) (((guintptr) before + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1));
  end = (char *) ((guintptr) after & ~(guintptr) (HUGE_PAGE - 1));
  /* A kernel without them says no, and the heap is as it would be. */
  if (end > start)
    (void) madvise (start, end - start, MADV_HUGEPAGE);
  /* Once the window is up and the main loop idle (a command line that
   * runs no main loop keeps the reserve to its end). */
  g_idle_add_full (G_PRIORITY_LOW, release_heap_reserve, NULL, NULL);
#endif
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
  /* GLib makes the "C" locale of g_ascii_strtod(), g_ascii_strtoll() and
   * g_ascii_string_to_signed() on their first call, and that first call
   * can leave errno set while another thread starts (GSettings' D-Bus
   * thread, say): the number it read was then said not to be one
   * ("“1280” is not a signed number" for --width 1280, once in about
   * 700 runs). Made here, before any thread. */
  (void) g_ascii_strtoll ("0", NULL, 10);
  /* Before anything much is allocated (GSettings, GTK's libraries). */
  reserve_heap ();
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
