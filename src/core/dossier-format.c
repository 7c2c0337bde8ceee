/* dossier-format.c
 *
 * Files and the database hold locale-independent text ("2019-10-25",
 * "2019-Q3", 31.5); these turn it into what a reader of the current locale
 * expects ("October 25, 2019" / "25 octobre 2019", "31.5%" / "31,5 %").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dossier-format.h"

/**
 * dossier_format_percent:
 *
 * Returns: a share with the locale's decimal mark and percent sign,
 *   with one decimal only when the figure has one
 */
char *
dossier_format_percent (double percent)
{
  g_autofree char *number = NULL;
  double rounded = round (percent * 10.) / 10.;

  /* printf follows LC_NUMERIC, which main() set from the user's locale. */
  if (fabs (rounded - round (rounded)) < 1e-9)
    number = g_strdup_printf ("%.0f", rounded);
  else
    number = g_strdup_printf ("%.1f", rounded);

  /* Translators: a percentage, %s is the number. French puts a narrow
   * no-break space (U+202F) before the sign: "%s %%" */
  return g_strdup_printf (_("%s%%"), number);
}

/**
 * dossier_format_date:
 * @iso_date: "YYYY-MM-DD" or "YYYY-MM"
 *
 * Returns: (nullable): the date in words, or %NULL if @iso_date is not one
 */
char *
dossier_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *full = NULL;
  gsize len = iso_date ? strlen (iso_date) : 0;

  if (len == 10)
    full = g_strconcat (iso_date, "T00:00:00Z", NULL);
  else if (len == 7)
    full = g_strconcat (iso_date, "-01T00:00:00Z", NULL);
  else
    return NULL;

  date = g_date_time_new_from_iso8601 (full, NULL);
  if (date == NULL)
    return NULL;

  if (len == 7)
    /* Translators: a month and year, as in "April 2021"; see strftime(3) */
    return g_date_time_format (date, _("%OB %Y"));

  /* Translators: a full date, as in "October 25, 2019"; French: "%-d %B %Y".
   * Use %-d, never %e, which pads with a figure space. */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

/**
 * dossier_format_period:
 * @period: "YYYY-Qn" or "YYYY"
 *
 * Returns: the period as a reader writes it ("Q3 2019", "2018")
 */
char *
dossier_format_period (const char *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  if (strlen (period) == 7 && period[4] == '-' && period[5] == 'Q')
    {
      g_autofree char *year = g_strndup (period, 4);

      /* Translators: a quarter of a year: 1 is the quarter (1-4), 2 the year.
       * French: "T%1$c %2$s" */
      return g_strdup_printf (_("Q%1$c %2$s"), period[6], year);
    }

  return g_strdup (period);
}
