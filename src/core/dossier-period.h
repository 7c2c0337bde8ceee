/* dossier-period.h: the dates and periods of files and the database
 * ("2019-10-25", "2019-10", "2019-Q3", "2018"), parsed in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-types.h"

G_BEGIN_DECLS

gboolean   dossier_date_parse       (const char *iso_date,
                                     int        *year,
                                     int        *month,
                                     int        *day);
DossierDatePrecision dossier_date_get_precision (const char *iso_date);
GDateTime *dossier_date_to_datetime (const char *iso_date);
gboolean   dossier_date_is_past     (const char *iso_date,
                                     GDateTime  *today);
gboolean   dossier_period_parse     (const char *period,
                                     int        *year,
                                     int        *quarter);
double     dossier_period_position  (const char *period);

G_END_DECLS
