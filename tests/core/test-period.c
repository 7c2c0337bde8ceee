/* test-period.c: dates and periods as files and the database write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-period.h"

static void
test_dates (void)
{
  int y = 0, m = 0, d = -1;

  g_assert_true (dossier_date_parse ("2019-10-25", &y, &m, &d));
  g_assert_cmpint (y, ==, 2019);
  g_assert_cmpint (m, ==, 10);
  g_assert_cmpint (d, ==, 25);
  g_assert_true (dossier_date_parse ("2020-02", &y, &m, &d));
  g_assert_cmpint (d, ==, 0);
  g_assert_true (dossier_date_parse ("2020-02-29", NULL, NULL, NULL));
  /* Year precision (version 4): a month and a day of 0. */
  g_assert_true (dossier_date_parse ("2019", &y, &m, &d));
  g_assert_cmpint (y, ==, 2019);
  g_assert_cmpint (m, ==, 0);
  g_assert_cmpint (d, ==, 0);
  g_assert_cmpint (dossier_date_get_precision ("2019"), ==, DOSSIER_DATE_YEAR);
  g_assert_cmpint (dossier_date_get_precision ("2019-10"), ==, DOSSIER_DATE_MONTH);
  g_assert_cmpint (dossier_date_get_precision ("2019-10-25"), ==, DOSSIER_DATE_DAY);
  g_assert_cmpint (dossier_date_get_precision ("2019-10-32"), ==, DOSSIER_DATE_UNKNOWN);
  g_assert_cmpint (dossier_date_get_precision (NULL), ==, DOSSIER_DATE_UNKNOWN);

  /* Not dates, or not the dates a case file holds. */
  g_assert_false (dossier_date_parse ("2019-02-29", NULL, NULL, NULL));
  g_assert_false (dossier_date_parse ("2020-13-45", NULL, NULL, NULL));
  g_assert_false (dossier_date_parse ("2019-W43-5", NULL, NULL, NULL));
  g_assert_false (dossier_date_parse ("2019-10-25T10:00", NULL, NULL, NULL));
  g_assert_false (dossier_date_parse ("19", NULL, NULL, NULL));
  g_assert_false (dossier_date_parse ("2019-1", NULL, NULL, NULL));
  g_assert_false (dossier_date_parse ("0000", NULL, NULL, NULL));
  g_assert_false (dossier_date_parse ("", NULL, NULL, NULL));
  g_assert_false (dossier_date_parse (NULL, NULL, NULL, NULL));

  {
    g_autoptr(GDateTime) month = dossier_date_to_datetime ("2021-04");

    g_assert_cmpint (g_date_time_get_day_of_month (month), ==, 1);
    g_assert_null (dossier_date_to_datetime ("soon"));
  }
}

static void
test_periods (void)
{
  int year = 0, quarter = -1;

  g_assert_true (dossier_period_parse ("2019-Q3", &year, &quarter));
  g_assert_cmpint (year, ==, 2019);
  g_assert_cmpint (quarter, ==, 3);
  g_assert_true (dossier_period_parse ("2018", &year, &quarter));
  g_assert_cmpint (quarter, ==, 0);
  g_assert_false (dossier_period_parse ("2019-Q5", NULL, NULL));
  g_assert_false (dossier_period_parse ("2019-Q", NULL, NULL));
  g_assert_false (dossier_period_parse ("Q3 2019", NULL, NULL));
  /* Found by fuzzing (tests/fuzz/regressions/dates/year-zero*). */
  g_assert_false (dossier_period_parse ("0000", NULL, NULL));
  g_assert_false (dossier_period_parse ("0000-Q3", NULL, NULL));

  /* Quarters and years compare: a year stands at its middle. */
  g_assert_cmpfloat (dossier_period_position ("2019-Q1"), <, dossier_period_position ("2019"));
  g_assert_cmpfloat (dossier_period_position ("2019"), <, dossier_period_position ("2019-Q3"));
  g_assert_cmpfloat (dossier_period_position ("2019-Q4") - dossier_period_position ("2019-Q3"), ==, 1.);
}

/* An expected day, month or year is past once the whole of it is over. */
static void
test_past (void)
{
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 29, 12, 0, 0);

  g_assert_true (dossier_date_is_past ("1995-01-01", today));
  g_assert_true (dossier_date_is_past ("2026-11-28", today));
  g_assert_false (dossier_date_is_past ("2026-11-29", today));
  g_assert_false (dossier_date_is_past ("2026-11-30", today));
  g_assert_false (dossier_date_is_past ("2027-01-01", today));
  /* A month is past when it is over, a year likewise. */
  g_assert_true (dossier_date_is_past ("2026-10", today));
  g_assert_false (dossier_date_is_past ("2026-11", today));
  g_assert_false (dossier_date_is_past ("2026-12", today));
  g_assert_true (dossier_date_is_past ("2025", today));
  g_assert_false (dossier_date_is_past ("2026", today));
  /* Not a date: not past. */
  g_assert_false (dossier_date_is_past ("", today));
  g_assert_false (dossier_date_is_past (NULL, today));
  g_assert_false (dossier_date_is_past ("2026-13-01", today));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/dates", test_dates);
  g_test_add_func ("/period/periods", test_periods);
  g_test_add_func ("/period/past", test_past);

  return g_test_run ();
}
