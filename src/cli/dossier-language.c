/* dossier-language.c
 *
 * The interface language the user picked in Preferences (the
 * "interface-language" setting: "" to follow the system, "en" or "fr"):
 * applied before anything is translated at start, and again when the user
 * changes it, to the messages (LANGUAGE) and, where the system has the
 * locale, to dates and numbers. The case files' texts follow through the
 * store (dossier_store_follow_locale()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-language"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dossier-language.h"
#include "dossier-settings.h"

/* What the environment said before Dossier changed it. */
static char *system_language;
static gboolean system_language_known;

static void
remember_system (void)
{
  if (system_language_known)
    return;
  system_language = g_strdup (g_getenv ("LANGUAGE"));
  system_language_known = TRUE;
}

/**
 * dossier_language_apply:
 * @language: "" or %NULL to follow the system, "en" or "fr"
 *
 * Sets the messages' language and the locale for @language. Called again,
 * it undoes what it did before.
 */
void
dossier_language_apply (const char *language)
{
  static const struct { const char *language; const char *locales[3]; } locales[] = {
    /* Without a French locale, C.UTF-8: gettext follows LANGUAGE there,
     * not in the plain C locale. */
    { "fr", { "fr_FR.UTF-8", "fr_FR.utf8", "C.UTF-8" } },
    { "en", { "en_US.UTF-8", "en_GB.UTF-8", "C.UTF-8" } },
  };

  remember_system ();

  if (language == NULL || *language == '\0')
    {
      if (system_language != NULL)
        g_setenv ("LANGUAGE", system_language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      setlocale (LC_ALL, "");
      textdomain (GETTEXT_PACKAGE);
      return;
    }

  g_setenv ("LANGUAGE", language, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    if (g_str_equal (locales[i].language, language))
      for (guint k = 0; k < G_N_ELEMENTS (locales[i].locales) && locales[i].locales[k] != NULL; k++)
        if (setlocale (LC_ALL, locales[i].locales[k]) != NULL)
          goto done;
  /* Without that locale on the system, the messages change, and dates
   * and numbers keep the system's formats. */
  setlocale (LC_ALL, "");

done:
  /* gettext keeps what it translated for a locale until told that the
   * catalogs changed: setting the domain again tells it. */
  textdomain (GETTEXT_PACKAGE);
}

/**
 * dossier_language_apply_saved:
 *
 * At start, before anything is translated: the language the user picked.
 */
void
dossier_language_apply_saved (void)
{
  g_autoptr(GSettings) settings = dossier_settings_new ();
  g_autofree char *language = settings ? g_settings_get_string (settings, "interface-language") : NULL;

  dossier_language_apply (language);
}
