/* dossier-timeline-content.h: a case file's events as the content of a
 * chart, with the days shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-chart-types.h"
#include "dossier-types.h"

G_BEGIN_DECLS

/* Above this many events, a timeline counts them by day rather than
 * shows each one. */
#define DOSSIER_TIMELINE_DETAIL_LIMIT 2000

DossierChartContent *dossier_timeline_content_load       (DossierStore        *store,
                                                          gint64               case_id,
                                                          GError             **error);
void                 dossier_timeline_content_set_range  (DossierChartContent *content,
                                                          double               from,
                                                          double               to);
void                 dossier_timeline_content_fit        (DossierChartContent *content);
void                 dossier_timeline_content_zoom       (DossierChartContent *content,
                                                          double               factor,
                                                          double               anchor);
void                 dossier_timeline_content_pan        (DossierChartContent *content,
                                                          double               days);
gboolean             dossier_timeline_content_show_event (DossierChartContent *content,
                                                          guint                index);

G_END_DECLS
