/* dossier-series.h: a market-share series (one firm's estimates of one market)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SERIES (dossier_series_get_type ())

G_DECLARE_FINAL_TYPE (DossierSeries, dossier_series, DOSSIER, SERIES, GObject)

DossierSeries *dossier_series_new             (gint64         id,
                                               const char    *slug,
                                               const char    *firm,
                                               const char    *market,
                                               const char    *note,
                                               gboolean       yearly,
                                               gboolean       complete,
                                               double         max_percent);
gint64         dossier_series_get_id          (DossierSeries *self);
const char    *dossier_series_get_slug        (DossierSeries *self);
const char    *dossier_series_get_firm        (DossierSeries *self);
const char    *dossier_series_get_market      (DossierSeries *self);
const char    *dossier_series_get_note        (DossierSeries *self);
gboolean       dossier_series_get_yearly      (DossierSeries *self);
gboolean       dossier_series_get_complete    (DossierSeries *self);
double         dossier_series_get_max_percent (DossierSeries *self);
char          *dossier_series_dup_label       (DossierSeries *self);

G_END_DECLS
