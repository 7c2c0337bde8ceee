/* dossier-chart-renderer.h: the market-share chart's layout and drawing,
 * free of GTK so that the same code draws on screen and into PNG/SVG/PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "dossier-types.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} DossierRect;

/* What the chart says, in the user's language. */
typedef struct
{
  char      *title;
  char      *subtitle;
  char      *footer;
  GPtrArray *names;        /* short names, under or beside the bars */
  GPtrArray *full_names;   /* for screen readers and tooltips */
  GPtrArray *values;       /* "39%" */
  GArray    *percents;     /* double */
  GArray    *ids;          /* gint64 organization ids */
  double     scale_max;    /* the largest share of the whole series, or 0 */
} DossierChartContent;

/* Sizes measured from the text, the only input of the layout. */
typedef struct
{
  double width;
  double height;
  double header_height;
  double footer_height;
  double label_width;
  double value_width;
  double line_height;
  guint  n_items;
  const double *percents;
  double scale_max;        /* the scale reaches at least this, or 0 */
  int    footer_lines;     /* lines of the footer shown, or 0 for all */
} DossierChartMetrics;

typedef struct
{
  DossierRect  header;
  DossierRect  plot;
  DossierRect  footer;
  double       axis_max;
  double       axis_step;
  double       label_x;
  guint        n_items;
  int          footer_lines;
  DossierRect *rows;       /* the band of each item: name, bar and value */
  DossierRect *bars;
} DossierChartLayout;

typedef struct
{
  double foreground[4];
  double background[4];
  double accent[4];
  gboolean paint_background;
  const PangoFontDescription *font;
} DossierChartStyle;

DossierChartContent *dossier_chart_content_new      (DossierSeries             *series,
                                                     const char                *period,
                                                     GListModel                *shares);
DossierChartContent *dossier_chart_content_load     (DossierStore              *store,
                                                     gint64                     series_id,
                                                     const char                *period,
                                                     GError                   **error);
DossierChartContent *dossier_chart_content_new_for_case (DossierStore          *store,
                                                         gint64                 case_id,
                                                         GError               **error);
void                 dossier_chart_content_free     (DossierChartContent       *content);
int                  dossier_chart_content_find     (const DossierChartContent *content,
                                                     gint64                     id);

DossierChartLayout  *dossier_chart_layout_solve     (const DossierChartMetrics *metrics);
DossierChartLayout  *dossier_chart_layout_measure   (const DossierChartContent *content,
                                                     PangoContext              *context,
                                                     const PangoFontDescription *font,
                                                     double                     width,
                                                     double                     height);
void                 dossier_chart_layout_free      (DossierChartLayout        *layout);
int                  dossier_chart_layout_hit_test  (const DossierChartLayout  *layout,
                                                     double                     x,
                                                     double                     y);
double               dossier_chart_min_height       (guint                      n_items,
                                                     double                     line_height);

void                 dossier_chart_render           (cairo_t                   *cr,
                                                     PangoContext              *context,
                                                     const DossierChartContent *content,
                                                     const DossierChartLayout  *layout,
                                                     const DossierChartStyle   *style,
                                                     int                        highlighted,
                                                     int                        hovered);
void                 dossier_chart_style_init_light (DossierChartStyle         *style);
gboolean             dossier_chart_content_export   (const DossierChartContent *content,
                                                     const char                *path,
                                                     int                        width,
                                                     int                        height,
                                                     GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierChartContent, dossier_chart_content_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierChartLayout, dossier_chart_layout_free)

G_END_DECLS
