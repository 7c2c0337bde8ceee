/* dossier-settings.c
 *
 * The settings Dossier remembers between runs (the titles the user gave
 * charts, the export options and folder), under its application id. An
 * installed Dossier finds its schema where GLib looks; one run from the
 * build tree, where meson compiled it. Without a schema anywhere (a broken
 * install), nothing is remembered and nothing else changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-settings"

#include "config.h"

#include "dossier-settings.h"

static GSettingsSchema *
lookup_in (const char *dir)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  source = g_settings_schema_source_new_from_directory (dir, g_settings_schema_source_get_default (),
                                                        FALSE, &error);
  if (source == NULL)
    {
      g_debug ("%s: %s", dir, error->message);
      return NULL;
    }
  return g_settings_schema_source_lookup (source, APP_ID, TRUE);
}

/**
 * dossier_settings_new:
 *
 * Returns: (transfer full) (nullable): Dossier's settings, or %NULL when
 *   its schema is nowhere to be found
 */
GSettings *
dossier_settings_new (void)
{
  static GSettingsSchema *schema;
  static gsize found;

  if (g_once_init_enter (&found))
    {
      GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *build_root = g_path_get_dirname (BUILD_SCHEMADIR);

      /* Run from the build tree, the build's own schema comes first. */
      if (exe != NULL && g_str_has_prefix (exe, build_root))
        schema = lookup_in (BUILD_SCHEMADIR);
      if (schema == NULL && installed != NULL)
        schema = g_settings_schema_source_lookup (installed, APP_ID, TRUE);
      if (schema == NULL)
        schema = lookup_in (SCHEMADIR);
      if (schema == NULL)
        g_debug ("No schema for %s: settings will not be remembered", APP_ID);
      g_once_init_leave (&found, 1);
    }

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}
