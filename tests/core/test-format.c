/* test-format.c: figures and dates as each locale writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dossier-format.h"

static gboolean
use_locale (const char *locale,
            const char *language)
{
  /* LANGUAGE first: glibc's setlocale() makes gettext look up translations again. */
  g_setenv ("LANGUAGE", language, TRUE);
  return setlocale (LC_ALL, locale) != NULL;
}

static void
check (char       *(*format) (const char *),
       const char  *input,
       const char  *expected)
{
  g_autofree char *text = format (input);
  g_assert_cmpstr (text, ==, expected);
}

static void
check_percent (double      value,
               const char *expected)
{
  g_autofree char *text = dossier_format_percent (value);
  g_assert_cmpstr (text, ==, expected);
}

static void
check_count (guint64     n,
             const char *expected)
{
  g_autofree char *text = dossier_format_count (n);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_english (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_true (use_locale ("C.UTF-8", "en"));

  check_percent (39, "39%");
  check_percent (31.5, "31.5%");
  check_percent (32.6, "32.6%");
  check_percent (0, "0%");
  /* The C locale groups nothing: the catalog's English does. */
  check_count (0, "0");
  check_count (999, "999");
  check_count (1000, "1,000");
  check_count (150000, "150,000");
  check_count (1000000, "1,000,000");
  check_count (G_MAXUINT64, "18,446,744,073,709,551,615");
  check (dossier_format_date, "2019-10-25", "October 25, 2019");
  check (dossier_format_date, "2020-03-06", "March 6, 2020");
  check (dossier_format_date, "2021-04", "April 2021");
  check (dossier_format_period, "2019-Q3", "Q3 2019");
  {
    g_autofree char *late = dossier_format_delay ("2020-02-11", "2020-02-13");
    g_autofree char *one = dossier_format_delay ("2020-02-11", "2020-02-12");
    g_autofree char *early = dossier_format_delay ("2020-03-01", "2020-02-27");
    g_autofree char *same = dossier_format_delay ("2020-02-11", "2020-02-11");

    g_assert_cmpstr (late, ==, "2 days late");
    g_assert_cmpstr (one, ==, "1 day late");
    /* Across the leap day of 2020. */
    g_assert_cmpstr (early, ==, "3 days early");
    g_assert_cmpstr (same, ==, "on the day expected");
    /* Long overdue: the days counted are grouped. */
    {
      g_autofree char *long_late = dossier_format_delay ("1995-01-01", "2026-01-01");

      g_assert_cmpstr (long_late, ==, "11,323 days late");
    }
    g_assert_null (dossier_format_delay ("2020-02", "2020-02-13"));
    g_assert_null (dossier_format_delay ("2020-02-11", ""));
  }
  check (dossier_format_period, "2018", "2018");
  check (dossier_format_date, "2019-12-01", "December 1, 2019");
  {
    g_autoptr(GDateTime) day = g_date_time_new_utc (2009, 9, 10, 0, 0, 0);
    g_autofree char *tick = dossier_format_date_time (day, "%b %-d");

    g_assert_cmpstr (tick, ==, "Sep 10");
  }
  g_assert_null (dossier_format_date ("2019-13-40"));
  g_assert_null (dossier_format_date (""));
}

static void
test_french (void)
{
  /* g_dgettext() decides once per process whether to translate at all, so
   * each language gets a process of its own. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  if (!use_locale ("fr_FR.UTF-8", "fr"))
    {
      /* The build makes this locale (tests/meson.build); without it the
       * French checks cannot run, and that is a failure, not a skip. */
      g_error ("fr_FR.UTF-8 is not available (LOCPATH=%s)", g_getenv ("LOCPATH"));
    }

  /* Narrow no-break space before the sign, decimal comma. */
  check_percent (39, "39\u202f%");
  check_percent (31.5, "31,5\u202f%");
  /* The locale's grouping: a narrow no-break space. */
  check_count (1000000, "1\u202f000\u202f000");
  check_count (42, "42");
  check (dossier_format_date, "2024-03-05", "5 mars 2024");
  check (dossier_format_date, "2019-10-25", "25 octobre 2019");
  /* The first of the month is an ordinal in French. */
  check (dossier_format_date, "2019-12-01", "1er décembre 2019");
  check (dossier_format_date, "2019-12-02", "2 décembre 2019");
  check (dossier_format_date, "2021-04", "avril 2021");
  check (dossier_format_period, "2019-Q3", "T3 2019");
  {
    g_autofree char *late = dossier_format_delay ("2020-02-11", "2020-02-13");
    g_autofree char *long_late = dossier_format_delay ("1995-01-01", "2026-01-01");

    g_assert_cmpstr (late, ==, "2 jours de retard");
    g_assert_cmpstr (long_late, ==, "11\u202f323 jours de retard");
  }
}

/* French picked in Preferences on a system without the French locale:
 * the months are named from Dossier's catalog, not the C library's, and
 * the numbers have French marks (the C library's had "1000000", "31.5"). */
static void
test_french_without_locale (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_true (use_locale ("C.UTF-8", "fr"));
  check_percent (31.5, "31,5\u202f%");
  check_percent (39, "39\u202f%");
  check_count (1000000, "1\u202f000\u202f000");
  check_count (100000, "100\u202f000");
  check_count (7, "7");
  check (dossier_format_date, "1995-01-01", "1er janvier 1995");
  check (dossier_format_date, "2024-03-05", "5 mars 2024");
  check (dossier_format_date, "2021-04", "avril 2021");
  {
    g_autoptr(GDateTime) day = g_date_time_new_utc (2009, 8, 10, 0, 0, 0);
    g_autofree char *tick = dossier_format_date_time (day, "%-d %b");
    g_autofree char *month = dossier_format_date_time (day, "%Ob %Y, 100%%");

    g_assert_cmpstr (tick, ==, "10 août");
    g_assert_cmpstr (month, ==, "août 2009, 100%");
    /* Flags, %h, a "%%" before a letter, a "%" at the end. */
    {
      g_autofree char *flagged = dossier_format_date_time (day, "%-B|%_B|%h|%%B|%-d %B %Y|%OB|%");

      g_assert_cmpstr (flagged, ==, "août|août|août|%B|10 août 2009|août|");
    }
  }
}

/* French picked in Preferences on a system whose locale is English: the
 * numbers have French marks too, not the English locale's. */
static void
test_french_with_english_locale (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  if (!use_locale ("en_US.UTF-8", "fr"))
    g_error ("en_US.UTF-8 is not available (LOCPATH=%s)", g_getenv ("LOCPATH"));
  check_percent (31.5, "31,5\u202f%");
  check_count (1000000, "1\u202f000\u202f000");
  check (dossier_format_date, "2024-03-05", "5 mars 2024");
}

/* English (no Portuguese translation) on a Portuguese system: the
 * locale's marks, which group nothing and put a comma before decimals;
 * not the catalog's English ones (a review found "1,234,567" there, a
 * decimal number to a Portuguese reader). */
static void
test_english_with_portuguese_locale (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  if (!use_locale ("pt_PT.UTF-8", "en"))
    g_error ("pt_PT.UTF-8 is not available (LOCPATH=%s)", g_getenv ("LOCPATH"));
  check_count (1234567, "1234567");
  check_percent (31.5, "31,5%");
}

int
main (int   argc,
      char *argv[])
{
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/english", test_english);
  g_test_add_func ("/format/french", test_french);
  g_test_add_func ("/format/french-without-locale", test_french_without_locale);
  g_test_add_func ("/format/french-with-english-locale", test_french_with_english_locale);
  g_test_add_func ("/format/english-with-portuguese-locale", test_english_with_portuguese_locale);

  return g_test_run ();
}
