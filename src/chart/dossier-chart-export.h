/* dossier-chart-export.h: a chart written to PNG, SVG or PDF by the code
 * that draws it on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-chart-types.h"

G_BEGIN_DECLS

gboolean dossier_chart_export_file (const DossierChartView    *view,
                                    const DossierChartContent *content,
                                    const char                *path,
                                    int                        width,
                                    int                        height,
                                    GError                   **error);

gboolean dossier_chart_export_file_scaled (const DossierChartView    *view,
                                           const DossierChartContent *content,
                                           const char                *path,
                                           int                        width,
                                           int                        height,
                                           int                        scale,
                                           GError                   **error);

G_END_DECLS
