/* dossier-period.c
 *
 * Dates are ISO 8601 calendar dates at day or month precision, and nothing
 * else ISO 8601 allows (no week dates, no times): "2019-10-25", "2019-10".
 * Market periods are quarters or years: "2019-Q3", "2018". Both are
 * locale-independent text; dossier-format.c writes them for a reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-period"

#include "config.h"

#include <string.h>

#include "dossier-period.h"

/* Whether @text has exactly the shape of @pattern, 'd' standing for a digit. */
static gboolean
has_shape (const char *text,
           const char *pattern)
{
  gsize len = strlen (pattern);

  if (text == NULL || strlen (text) != len)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;

  return TRUE;
}

static int
digits (const char *text,
        gsize       len)
{
  int value = 0;

  for (gsize i = 0; i < len; i++)
    value = value * 10 + (text[i] - '0');
  return value;
}

/**
 * dossier_date_parse:
 * @year: (out) (optional)
 * @month: (out) (optional)
 * @month: (out) (optional): the month, or 0 for a date at year precision
 * @day: (out) (optional): the day, or 0 for a date at month or year precision
 *
 * Returns: whether @iso_date is "YYYY-MM-DD", "YYYY-MM" or "YYYY" and a
 *   real date
 */
gboolean
dossier_date_parse (const char *iso_date,
                    int        *year,
                    int        *month,
                    int        *day)
{
  gboolean has_day = has_shape (iso_date, "dddd-dd-dd");
  gboolean has_month = has_day || has_shape (iso_date, "dddd-dd");
  int y, m = 0, d = 0;

  if (!has_month && !has_shape (iso_date, "dddd"))
    return FALSE;

  y = digits (iso_date, 4);
  if (has_month)
    m = digits (iso_date + 5, 2);
  if (has_day)
    d = digits (iso_date + 8, 2);

  if (y < 1 || (has_month && (m < 1 || m > 12)) ||
      (has_day && (d < 1 || d > g_date_get_days_in_month (m, y))))
    return FALSE;

  if (year)
    *year = y;
  if (month)
    *month = m;
  if (day)
    *day = d;
  return TRUE;
}

/**
 * dossier_date_get_precision:
 *
 * Returns: how precise @iso_date is, or %DOSSIER_DATE_UNKNOWN if it is not
 *   a date
 */
DossierDatePrecision
dossier_date_get_precision (const char *iso_date)
{
  int month, day;

  if (iso_date == NULL || !dossier_date_parse (iso_date, NULL, &month, &day))
    return DOSSIER_DATE_UNKNOWN;
  return day ? DOSSIER_DATE_DAY : month ? DOSSIER_DATE_MONTH : DOSSIER_DATE_YEAR;
}

/**
 * dossier_date_is_past:
 * @today: the day to compare with
 *
 * Returns: %TRUE when the whole of @iso_date (a day, a month or a year)
 *   is over before @today: "2026-11" is not past on 29 November 2026
 */
gboolean
dossier_date_is_past (const char *iso_date,
                      GDateTime  *today)
{
  int year, month, day, y, m, d;

  g_return_val_if_fail (today != NULL, FALSE);

  if (iso_date == NULL || !dossier_date_parse (iso_date, &year, &month, &day))
    return FALSE;
  g_date_time_get_ymd (today, &y, &m, &d);
  if (year != y)
    return year < y;
  if (month == 0 || month != m)
    return month != 0 && month < m;
  return day != 0 && day < d;
}

/**
 * dossier_date_to_datetime:
 *
 * Returns: (transfer full) (nullable): midnight UTC of the date (of its
 *   first day at month or year precision), or %NULL if it is not one
 */
GDateTime *
dossier_date_to_datetime (const char *iso_date)
{
  int year, month, day;

  if (!dossier_date_parse (iso_date, &year, &month, &day))
    return NULL;

  return g_date_time_new_utc (year, MAX (month, 1), MAX (day, 1), 0, 0, 0.);
}

/**
 * dossier_period_parse:
 * @year: (out) (optional)
 * @quarter: (out) (optional): 1 to 4, or 0 for a whole year
 *
 * Returns: whether @period is "YYYY-Qn" or "YYYY"
 */
gboolean
dossier_period_parse (const char *period,
                      int        *year,
                      int        *quarter)
{
  int q = 0;

  if (has_shape (period, "dddd-Qd"))
    {
      q = period[6] - '0';
      if (q < 1 || q > 4)
        return FALSE;
    }
  else if (!has_shape (period, "dddd"))
    return FALSE;

  /* Found by fuzzing: there is no year 0, as dossier_date_parse() knows. */
  if (digits (period, 4) < 1)
    return FALSE;

  if (year)
    *year = digits (period, 4);
  if (quarter)
    *quarter = q;
  return TRUE;
}

/**
 * dossier_period_position:
 *
 * Returns: @period as a number of quarters since year 0, a year counting as
 *   its middle, so that periods of both kinds compare; 0 if it is not one
 */
double
dossier_period_position (const char *period)
{
  int year, quarter;

  if (!dossier_period_parse (period, &year, &quarter))
    return 0.;

  return quarter > 0 ? year * 4. + (quarter - 1) : year * 4. + 1.5;
}
