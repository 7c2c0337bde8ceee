/* dossier-chart-view.h: the interface every kind of chart view implements
 * (bars, and later a donut, shares over time, a timeline), and the frame
 * they share: the title and subtitle at the top, the source at the foot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "dossier-chart-types.h"

G_BEGIN_DECLS

#define DOSSIER_CHART_PADDING 12.
#define DOSSIER_CHART_GAP      8.

/* Sizes measured from the frame's text, the only input of its layout. */
struct _DossierChartFrameMetrics
{
  double width;
  double height;
  double header_height;
  double footer_height;
  double line_height;
  int    footer_lines;     /* lines of the footer shown, or 0 for all */
};

/* Where the frame and a view put things. A view's own layout starts with
 * this struct and adds what only it draws. */
struct _DossierChartLayout
{
  const DossierChartView *view;
  DossierRect  header;
  DossierRect  body;       /* between header and footer: the view's */
  DossierRect  footer;
  double       line_height;
  int          footer_lines;
  guint        n_items;
  DossierRect *items;      /* the area of each item: for hit-testing, tooltips
                            * and the widget that stands for it */
};

struct _DossierChartStyle
{
  double foreground[4];
  double background[4];
  double accent[4];
  gboolean paint_background;
  const PangoFontDescription *font;
};

/* A kind of view, as a table of functions: views are stateless, their
 * state is the layout they return. */
struct _DossierChartView
{
  const char *name;

  /* The height of the body for @content (which may be %NULL) with lines of
   * text of @line_height: what the widget asks for (@request), and the
   * least it keeps on a small chart before the source line gives way. */
  void                (*measure)  (const DossierChartContent      *content,
                                   double                          line_height,
                                   double                         *request,
                                   double                         *keep);
  /* Measures the view's own text and places its items in the body. */
  DossierChartLayout *(*lay_out)  (const DossierChartContent      *content,
                                   PangoContext                   *context,
                                   const PangoFontDescription     *font,
                                   const DossierChartFrameMetrics *frame);
  /* The index of the item at @x, @y, or -1. */
  int                 (*hit_test) (const DossierChartLayout       *layout,
                                   double                          x,
                                   double                          y);
  /* Draws the body; the frame draws the rest. */
  void                (*draw)     (cairo_t                        *cr,
                                   PangoContext                   *context,
                                   const DossierChartContent      *content,
                                   const DossierChartLayout       *layout,
                                   const DossierChartStyle        *style,
                                   int                             highlighted,
                                   int                             hovered);
  /* (nullable) Frees what the view added to its layout. */
  void                (*clear)    (DossierChartLayout             *layout);
  /* (nullable) A tooltip for what is at @x, @y other than an item (a
   * break in the series' method), or %NULL. */
  char               *(*tooltip_at) (const DossierChartContent    *content,
                                     const DossierChartLayout     *layout,
                                     double                        x,
                                     double                        y);
};

/* What the widget and the exporter call. */
DossierChartLayout *dossier_chart_layout_measure    (const DossierChartView         *view,
                                                     const DossierChartContent      *content,
                                                     PangoContext                   *context,
                                                     const PangoFontDescription     *font,
                                                     double                          width,
                                                     double                          height);
int                 dossier_chart_layout_hit_test   (const DossierChartLayout       *layout,
                                                     double                          x,
                                                     double                          y);
void                dossier_chart_layout_free       (DossierChartLayout             *layout);
double              dossier_chart_view_min_height   (const DossierChartView         *view,
                                                     const DossierChartContent      *content,
                                                     double                          line_height);
void                dossier_chart_render            (cairo_t                        *cr,
                                                     PangoContext                   *context,
                                                     const DossierChartContent      *content,
                                                     const DossierChartLayout       *layout,
                                                     const DossierChartStyle        *style,
                                                     int                             highlighted,
                                                     int                             hovered);
void                dossier_chart_style_init_light  (DossierChartStyle              *style);

/* What views call. */
void                dossier_chart_frame_solve       (const DossierChartFrameMetrics *metrics,
                                                     const DossierChartView         *view,
                                                     guint                           n_items,
                                                     DossierChartLayout             *layout);
PangoLayout        *dossier_chart_text_new          (PangoContext                   *context,
                                                     const PangoFontDescription     *font,
                                                     const char                     *text,
                                                     double                          scale,
                                                     gboolean                        bold,
                                                     double                          wrap_width);
double              dossier_chart_text_width        (PangoLayout                    *text);
double              dossier_chart_text_height       (PangoLayout                    *text);
void                dossier_chart_text_show         (cairo_t                        *cr,
                                                     PangoLayout                    *text,
                                                     double                          x,
                                                     double                          y);
void                dossier_chart_set_color         (cairo_t                        *cr,
                                                     const double                    rgba[4],
                                                     double                          alpha);
double              dossier_chart_nice_axis_max     (double                          max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierChartLayout, dossier_chart_layout_free)

G_END_DECLS
