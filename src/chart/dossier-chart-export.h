/* dossier-chart-export.h: a chart written to PNG, SVG or PDF by the code
 * that draws it on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
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

typedef enum
{
  DOSSIER_CHART_FORMAT_PNG,
  DOSSIER_CHART_FORMAT_SVG,
  DOSSIER_CHART_FORMAT_PDF,
} DossierChartFormat;

/* The smallest chart that stays readable, in pixels at scale 1 or points. */
#define DOSSIER_CHART_MIN_WIDTH  320
#define DOSSIER_CHART_MIN_HEIGHT 240

GBytes  *dossier_chart_export_bytes (const DossierChartView    *view,
                                     const DossierChartContent *content,
                                     DossierChartFormat         format,
                                     int                        width,
                                     int                        height,
                                     int                        scale,
                                     GError                   **error);
cairo_status_t dossier_chart_append_to_bytes (void                *closure,
                                              const unsigned char *data,
                                              unsigned int         length);
gboolean dossier_chart_format_from_path (const char            *path,
                                         DossierChartFormat    *format);

G_END_DECLS
