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
#include <locale.h>
#include <math.h>
#include <string.h>

#include "dossier-format.h"
#include "dossier-node.h"
#include "dossier-period.h"

/* Whether a number's marks come from Dossier's catalog rather than the C
 * library's locale. With French picked in Preferences on a system without
 * the French locale, LC_NUMERIC is C (no mark between thousands,
 * "1000000", and a point before decimals) or another language's
 * ("1,000,000", "31.5"): the catalog has the interface language's marks.
 * An interface left in English, for want of a translation, follows the
 * locale, as other programs do: Portuguese groups nothing and has a
 * decimal comma ("1234567", "31,5"), which is no sign of C. */
static gboolean
numbers_from_catalog (void)
{
  /* Translators: the two letters of your language's ISO 639-1 code ("fr"):
   * numbers follow the system's locale when it is of this language */
  const char *language = C_("language code", "en");
  const char *numeric = setlocale (LC_NUMERIC, NULL);

  if (numeric == NULL || strcmp (numeric, "C") == 0 || strcmp (numeric, "POSIX") == 0 ||
      g_str_has_prefix (numeric, "C."))
    return TRUE;
  return strcmp (language, "en") != 0 && strncmp (numeric, language, strlen (language)) != 0;
}

/**
 * dossier_format_count:
 *
 * Returns: @n with its thousands grouped as the locale groups them
 *   ("1,000,000", "1 000 000"), or as the interface's language does where
 *   the system has no locale for it
 */
char *
dossier_format_count (guint64 n)
{
  g_autofree char *digits = NULL;
  GString *grouped;
  const char *mark;
  gsize length;

  if (!numbers_from_catalog ())
    return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);

  /* Translators: the mark between a number's thousands, as in "1,000,000
   * events"; French: a narrow no-break space (U+202F), "1 000 000" */
  mark = C_("thousands separator", ",");
  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  length = strlen (digits);
  grouped = g_string_sized_new (length + length / 3 * strlen (mark));
  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (grouped, mark);
      g_string_append_c (grouped, digits[i]);
    }
  return g_string_free (grouped, FALSE);
}

/**
 * dossier_format_percent:
 *
 * Returns: a share with the locale's decimal mark (or the interface
 *   language's, where the system has no locale for it) and percent sign,
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
  else if (numbers_from_catalog ())
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      g_auto(GStrv) parts = g_strsplit (g_ascii_formatd (buffer, sizeof buffer, "%.1f", rounded), ".", 2);

      /* Translators: the mark before a number's decimals, as in "31.5%";
       * French: a comma, "31,5 %" */
      number = g_strjoin (C_("decimal mark", "."), parts[0], parts[1], NULL);
    }
  else
    number = g_strdup_printf ("%.1f", rounded);

  /* Translators: a percentage, %s is the number. French puts a narrow
   * no-break space (U+202F) before the sign: "%s %%" */
  return g_strdup_printf (_("%s%%"), number);
}

/**
 * dossier_format_date_time:
 * @format: as for g_date_time_format()
 *
 * Formats @date as g_date_time_format() does, with the months' names
 * (%B, %OB, %b, %h, %Ob, with or without a "-", "_" or "0" flag) from
 * Dossier's own catalog, in the interface's language: the C library's
 * follow its locale, and with French picked in Preferences on a system
 * without the French locale they were English ("1er January 1995", found
 * by a new user's trial).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL where
 *   g_date_time_format() gives none
 */
char *
dossier_format_date_time (GDateTime  *date,
                          const char *format)
{
  /* Translators: a month's name in a date, with its day ("October 25,
   * 2019"); languages that decline it use the genitive here */
  static const char *in_date[] = {
    NC_("month in a date", "January"), NC_("month in a date", "February"), NC_("month in a date", "March"),
    NC_("month in a date", "April"), NC_("month in a date", "May"), NC_("month in a date", "June"),
    NC_("month in a date", "July"), NC_("month in a date", "August"), NC_("month in a date", "September"),
    NC_("month in a date", "October"), NC_("month in a date", "November"), NC_("month in a date", "December"),
  };
  /* Translators: a month's name on its own, as in "April 2021" */
  static const char *alone[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"), NC_("month", "April"),
    NC_("month", "May"), NC_("month", "June"), NC_("month", "July"), NC_("month", "August"),
    NC_("month", "September"), NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  /* Translators: months abbreviated, as on a timeline's ticks ("Aug 10");
   * French as its locale has them: "janv.", "févr.", "sept." */
  static const char *abbreviated[] = {
    NC_("month abbreviated", "Jan"), NC_("month abbreviated", "Feb"), NC_("month abbreviated", "Mar"),
    NC_("month abbreviated", "Apr"), NC_("month abbreviated", "May"), NC_("month abbreviated", "Jun"),
    NC_("month abbreviated", "Jul"), NC_("month abbreviated", "Aug"), NC_("month abbreviated", "Sep"),
    NC_("month abbreviated", "Oct"), NC_("month abbreviated", "Nov"), NC_("month abbreviated", "Dec"),
  };
  g_autoptr(GString) spelled = g_string_new (NULL);
  int month = g_date_time_get_month (date) - 1;

  for (const char *p = format; *p != '\0'; p++)
    {
      const char *spec = p + 1;
      gboolean standalone = FALSE;
      const char *name = NULL;

      if (*p != '%')
        {
          g_string_append_c (spelled, *p);
          continue;
        }
      /* A flag, or the alternative (standalone) form, before the letter. */
      if (*spec == '-' || *spec == '_' || *spec == '0' || *spec == 'O')
        {
          standalone = *spec == 'O';
          spec++;
        }
      if (*spec == 'B')
        name = standalone ? g_dpgettext2 (GETTEXT_PACKAGE, "month", alone[month])
                          : g_dpgettext2 (GETTEXT_PACKAGE, "month in a date", in_date[month]);
      else if (*spec == 'b' || *spec == 'h')
        name = g_dpgettext2 (GETTEXT_PACKAGE, "month abbreviated", abbreviated[month]);

      if (name != NULL)
        {
          /* No name has a "%"; one would be doubled. */
          for (const char *c = name; *c != '\0'; c++)
            g_string_append_len (spelled, *c == '%' ? "%%" : c, *c == '%' ? 2 : 1);
          p = spec;
          continue;
        }
      /* Another directive, copied whole ("%%" too). */
      g_string_append_c (spelled, '%');
      if (p[1] != '\0')
        g_string_append_c (spelled, *++p);
    }

  return g_date_time_format (date, spelled->str);
}

/**
 * dossier_format_date:
 * @iso_date: "YYYY-MM-DD", "YYYY-MM" or "YYYY"
 *
 * Returns: (nullable): the date in words, or %NULL if @iso_date is not one
 */
char *
dossier_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = dossier_date_to_datetime (iso_date);
  int month = 0, day = 0;

  if (date == NULL)
    return NULL;

  dossier_date_parse (iso_date, NULL, &month, &day);
  if (month == 0)
    return g_date_time_format (date, "%Y");
  if (day == 0)
    /* Translators: a month and year, as in "April 2021"; see strftime(3) */
    return dossier_format_date_time (date, _("%OB %Y"));

  if (day == 1)
    /* Translators: the first day of a month, as in "December 1, 2019";
     * French: "1er %B %Y" (the first of the month is an ordinal) */
    return dossier_format_date_time (date, _("%B 1, %Y"));

  /* Translators: a full date, as in "October 25, 2019"; French: "%-d %B %Y".
   * Use %-d, never %e, which pads with a figure space. */
  return dossier_format_date_time (date, _("%B %-d, %Y"));
}

/**
 * dossier_format_delay:
 * @expected: the day something was expected, "YYYY-MM-DD"
 * @actual: the day it came
 *
 * Returns: (nullable): how late or early it came ("2 days late", "on
 *   the day expected", "3 days early"), or %NULL unless both are days
 */
char *
dossier_format_delay (const char *expected,
                      const char *actual)
{
  g_autoptr(GDateTime) from = dossier_date_to_datetime (expected);
  g_autoptr(GDateTime) to = dossier_date_to_datetime (actual);
  g_autofree char *count = NULL;
  int m1 = 0, d1 = 0, m2 = 0, d2 = 0;
  gint64 days;

  if (from == NULL || to == NULL)
    return NULL;
  dossier_date_parse (expected, NULL, &m1, &d1);
  dossier_date_parse (actual, NULL, &m2, &d2);
  if (d1 == 0 || d2 == 0)
    return NULL;

  days = g_date_time_difference (to, from) / G_TIME_SPAN_DAY;
  if (days == 0)
    return g_strdup (_("on the day expected"));
  count = dossier_format_count ((guint64) ABS (days));
  if (days > 0)
    /* Translators: how late an expected event came; %s is a number, its thousands grouped ("11,323") */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day late", "%s days late", (gulong) days), count);
  /* Translators: how early an expected event came; %s is a number, its thousands grouped */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day early", "%s days early", (gulong) -days), count);
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
  int year, quarter;

  g_return_val_if_fail (period != NULL, NULL);

  if (dossier_period_parse (period, &year, &quarter) && quarter > 0)
    {
      g_autofree char *year_text = g_strdup_printf ("%04d", year);

      /* Translators: a quarter of a year: 1 is the quarter (1-4), 2 the year.
       * French: "T%1$c %2$s" */
      return g_strdup_printf (_("Q%1$c %2$s"), '0' + quarter, year_text);
    }

  return g_strdup (period);
}

/* A docket number in the reader's typography ("No. 19-1796C",
 *   "n° 19-1796C"), or %NULL for none
 */
static char *
format_docket (const char *docket)
{
  if (docket == NULL || *docket == '\0')
    return NULL;

  /* Translators: a case's docket number, as in "No. 19-1796C"; French: "n° %s" */
  return g_strdup_printf (_("No. %s"), docket);
}

/**
 * dossier_format_node_subtitle:
 *
 * Returns: what is said under a node's name: a case file's docket number
 *   and court, a source's publisher, the role of an organization or a
 *   person in the case file it is seen in; "" for an event
 */
char *
dossier_format_node_subtitle (DossierNode *node)
{
  g_return_val_if_fail (DOSSIER_IS_NODE (node), NULL);

  switch (dossier_node_get_kind (node))
    {
    case DOSSIER_NODE_CASE:
      {
        g_autofree char *docket = format_docket (dossier_node_get_docket (node));
        const char *court = dossier_node_get_court (node);

        if (docket != NULL && *court != '\0')
          /* Translators: under a case file's title: 1 its docket number, 2 its court */
          return g_strdup_printf (_("%1$s · %2$s"), docket, court);
        return g_strdup (docket != NULL ? docket : court);
      }

    case DOSSIER_NODE_SOURCE:
      return g_strdup (dossier_node_get_publisher (node));

    case DOSSIER_NODE_ORGANIZATION:
    case DOSSIER_NODE_PERSON:
      return g_strdup (dossier_node_get_role (node));

    case DOSSIER_NODE_ROLE:
      /* Translators: under a role's title: 1 who holds it, 2 where */
      return g_strdup_printf (_("%1$s, %2$s"), dossier_node_get_holder (node), dossier_node_get_parent (node));

    case DOSSIER_NODE_CLAIM:
      return g_strdup (dossier_node_get_holder (node));

    case DOSSIER_NODE_EVENT:
    default:
      return g_strdup ("");
    }
}
