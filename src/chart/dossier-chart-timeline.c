/* dossier-chart-timeline.c
 *
 * A case file's events along a time axis, in the chart's frame: a view of
 * the chart interface, so that the widget, its keyboard and screen-reader
 * children, the exporter and the printed brief all draw it alike.
 *
 * Each event is a mark on the axis, its kind told by shape and colour
 * (the legend says which); a month-precise event is the stretch of its
 * month. What happened is filled; what was expected is hollow, and an arc
 * under the axis leads from it to the event that settled it, saying how
 * late it came. Labels sit in rows above the axis where they touch no
 * other (dossier-timeline-layout.c); those without room are counted in
 * the legend line. A dashed line marks today when it is among the days
 * shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "dossier-chart-content.h"
#include "dossier-chart-palette.h"
#include "dossier-chart-shapes.h"
#include "dossier-chart-timeline.h"
#include "dossier-format.h"
#include "dossier-timeline-density.h"
#include "dossier-timeline-layout.h"

#define GAP DOSSIER_CHART_GAP
#define SHAPE DOSSIER_CHART_SHAPE_SIZE
/* A label's widest, in lines of text, unless the plot has room for more:
 * longer titles are ellipsized. */
#define LABEL_MAX_LINES 14.
#define LABEL_ROOMY_LINES 30.

typedef struct
{
  DossierChartLayout    parent;
  DossierTimelinePlace *places;
  guint                 n_hidden;
  DossierRect           plot;     /* the days shown, across */
  double                legend_y;
  guint                 legend_lines;
  double                axis_y;
  double                ticks_y;
  DossierTimelineBars  *bars;     /* too many events to show each, or NULL */
} TimelineLayout;

static void
timeline_measure (const DossierChartContent *content,
                  double                     line_height,
                  double                    *request,
                  double                    *keep)
{
  /* The legend, label rows, the axis, the arcs under it and the dates. */
  *request = line_height * (1 + 10 * 1.25 + 1 + 1.5 + 1.2);
  *keep = line_height * (1 + 3 * 1.25 + 1 + 1.5 + 1.2);
}

static double
x_of (const TimelineLayout      *self,
      const DossierChartContent *content,
      double                     days)
{
  return self->plot.x + self->plot.width * (days - content->from) / MAX (1e-6, content->to - content->from);
}

static DossierChartLayout *
timeline_lay_out (const DossierChartContent      *content,
                  PangoContext                   *context,
                  const PangoFontDescription     *font,
                  const DossierChartFrameMetrics *frame)
{
  TimelineLayout *self = g_new0 (TimelineLayout, 1);
  DossierChartLayout *layout = &self->parent;
  guint n = dossier_chart_content_get_n_items (content);
  g_autofree DossierTimelineSpan *spans = g_new0 (DossierTimelineSpan, MAX (1, n));
  DossierTimelineScale scale = { 0 };
  double line = frame->line_height, bottom, max_label;

  dossier_chart_frame_solve (frame, dossier_chart_timeline_get_view (), n, layout);

  self->plot = (DossierRect) { layout->body.x + SHAPE / 2., layout->body.y,
                               MAX (1., layout->body.width - SHAPE), layout->body.height };
  self->legend_y = layout->body.y;
  self->legend_lines = dossier_chart_timeline_legend (NULL, context, font, NULL, self->plot.x, self->legend_y,
                                       self->plot.width, line, 0);
  bottom = layout->body.y + layout->body.height;
  self->ticks_y = bottom - line * 1.2;
  self->axis_y = self->ticks_y - line * 1.5 - GAP;
  max_label = MAX (LABEL_MAX_LINES * line, MIN (self->plot.width * 0.45, LABEL_ROOMY_LINES * line));

  /* Counted, not shown each: bars from the legend's line to the axis. */
  if (content->density != NULL)
    {
      double top = self->legend_y + line * 1.6;
      DossierRect area = { self->plot.x, top, self->plot.width, self->axis_y - top };

      self->bars = dossier_timeline_bars_new (content, &area, self->axis_y);
    }

  for (guint i = 0; i < n && content->events != NULL; i++)
    {
      const DossierChartItem *item = dossier_chart_content_get_item (content, i);
      const DossierChartEvent *event = &g_array_index (content->events, DossierChartEvent, i);
      g_autoptr(PangoLayout) label = dossier_chart_text_new (context, font, item->name, 0.9, FALSE, -1);

      spans[i].start = event->start;
      spans[i].end = event->end;
      spans[i].label_width = MIN (dossier_chart_text_width (label), max_label) + 4.;
    }

  scale.from = content->from;
  scale.to = content->to;
  scale.x = self->plot.x;
  scale.width = self->plot.width;
  scale.lane_height = line * 1.25;
  scale.gap = GAP;
  scale.max_lanes = (guint) MAX (0., floor ((self->axis_y - SHAPE / 2. - (self->legend_y + line * (self->legend_lines + 0.4))) /
                                            scale.lane_height));
  self->places = dossier_timeline_solve (spans, n, &scale, self->axis_y, &self->n_hidden);

  for (guint i = 0; i < n; i++)
    {
      const DossierTimelinePlace *place = &self->places[i];
      DossierRect *area = &layout->items[i];
      double x0 = MAX (place->mark.x, self->plot.x - SHAPE);
      double x1 = MIN (place->mark.x + place->mark.width, self->plot.x + self->plot.width + SHAPE);

      if (x1 <= x0)
        {
          /* Not among the days shown: nothing to find or focus there. */
          *area = (DossierRect) { self->plot.x, self->axis_y, 0., 0. };
          continue;
        }
      /* What stands for the event to the keyboard and screen readers:
       * its label, where the focus ring reads best, or its mark. */
      *area = place->lane >= 0 ? place->label : (DossierRect) { x0, place->mark.y, x1 - x0, place->mark.height };
    }
  return layout;
}

static int
timeline_hit_test (const DossierChartLayout *layout,
                   double                    x,
                   double                    y)
{
  const TimelineLayout *self = (const TimelineLayout *) layout;

  if (x < self->plot.x - SHAPE / 2. || x > self->plot.x + self->plot.width + SHAPE / 2.)
    return -1;
  return dossier_timeline_hit_test (self->places, layout->n_items, x, y);
}

typedef struct
{
  double years;   /* 0 for a unit of months or days */
  int    months;
  int    days;
} Unit;

static char *
tick_label (GDateTime  *date,
            const Unit *unit)
{
  if (unit->years > 0.)
    return g_date_time_format (date, "%Y");
  if (unit->months > 0)
    /* Translators: a timeline's month tick, as in "Jan 2020"; see strftime(3) */
    return dossier_format_date_time (date, C_("timeline tick", "%b %Y"));
  /* Translators: a timeline's day tick, as in "Jan 13"; French "%-d %b" */
  return dossier_format_date_time (date, C_("timeline tick", "%b %-d"));
}

/* The first tick at or after @from, on a unit's boundary. */
static GDateTime *
first_tick (double      from,
            const Unit *unit)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc ((gint64) floor (from) * 86400);
  int y = g_date_time_get_year (day), m = g_date_time_get_month (day), d = g_date_time_get_day_of_month (day);

  if (unit->years > 0.)
    return g_date_time_new_utc ((int) (ceil ((y + (m > 1 || d > 1)) / unit->years) * unit->years), 1, 1, 0, 0, 0);
  if (unit->months > 0)
    {
      int index = (y * 12 + m - 1) + (d > 1);

      index = (index + unit->months - 1) / unit->months * unit->months;
      return g_date_time_new_utc (index / 12, index % 12 + 1, 1, 0, 0, 0);
    }
  if (unit->days == 7)
    /* Mondays. */
    return g_date_time_add_days (day, (8 - g_date_time_get_day_of_week (day)) % 7);
  return g_date_time_ref (day);
}

/* Where the days' marks and today's line start, under the legend. */
static double
marks_top (const TimelineLayout *self)
{
  return self->legend_y + self->parent.line_height * (self->legend_lines + 0.4);
}

static void
draw_axis (cairo_t                   *cr,
           PangoContext              *context,
           const DossierChartContent *content,
           const TimelineLayout      *self,
           const DossierChartStyle   *style)
{
  static const Unit units[] = {
    { 0, 0, 1 }, { 0, 0, 7 }, { 0, 1, 0 }, { 0, 3, 0 }, { 0, 6, 0 },
    { 1, 0, 0 }, { 2, 0, 0 }, { 5, 0, 0 }, { 10, 0, 0 },
  };
  double range = content->to - content->from, px_per_day = self->plot.width / MAX (1e-6, range);
  const Unit *unit = &units[G_N_ELEMENTS (units) - 1];
  g_autoptr(GDateTime) tick = NULL;
  double top = marks_top (self);

  /* Ticks at least 90 pixels apart. */
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      double days = units[i].years * 365.25 + units[i].months * 30.44 + units[i].days;

      if (days * px_per_day >= 90.)
        {
          unit = &units[i];
          break;
        }
    }

  cairo_set_line_width (cr, 1.);
  for (tick = first_tick (content->from, unit); tick != NULL; )
    {
      double days = g_date_time_to_unix (tick) / 86400.;
      double x = round (x_of (self, content, days)) + .5;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) label = NULL;
      GDateTime *next;

      if (days > content->to)
        break;

      dossier_chart_set_color (cr, style->foreground, 0.12);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, self->axis_y + 4);
      cairo_stroke (cr);

      text = tick_label (tick, unit);
      label = dossier_chart_text_new (context, style->font, text, 0.85, FALSE, -1);
      dossier_chart_set_color (cr, style->foreground, 0.72);
      dossier_chart_text_show (cr, label,
                               CLAMP (x - dossier_chart_text_width (label) / 2., self->plot.x - SHAPE / 2.,
                                      self->plot.x + self->plot.width + SHAPE / 2. - dossier_chart_text_width (label)),
                               self->ticks_y);

      if (unit->years > 0.)
        next = g_date_time_add_years (tick, (int) unit->years);
      else if (unit->months > 0)
        next = g_date_time_add_months (tick, unit->months);
      else
        next = g_date_time_add_days (tick, unit->days);
      g_date_time_unref (tick);
      tick = next;
    }

  dossier_chart_set_color (cr, style->foreground, 0.55);
  cairo_move_to (cr, self->plot.x - SHAPE / 2., round (self->axis_y) + .5);
  cairo_line_to (cr, self->plot.x + self->plot.width + SHAPE / 2., round (self->axis_y) + .5);
  cairo_stroke (cr);
}

/* A dashed line at today, when it is among the days shown; drawn over a
 * counted timeline's bars, not under them. */
static void
draw_today (cairo_t                   *cr,
            PangoContext              *context,
            const DossierChartContent *content,
            const TimelineLayout      *self,
            const DossierChartStyle   *style)
{
  double top = marks_top (self);

  if (!isnan (content->today) && content->today >= content->from && content->today <= content->to)
    {
      double x = round (x_of (self, content, content->today)) + .5;
      /* Translators: the label of the line that marks today on a timeline */
      g_autoptr(PangoLayout) label = dossier_chart_text_new (context, style->font, C_("timeline", "Today"), 0.85, TRUE, -1);
      double width = dossier_chart_text_width (label);
      double left = MIN (x + 3, self->plot.x + self->plot.width - width);
      double dash = 4.;

      /* An edge of the background under the dashes: over a counted
       * timeline's bars, in the same colour, they alone could hardly be
       * seen. */
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, self->axis_y + SHAPE);
      dossier_chart_set_color (cr, style->background, 0.9);
      cairo_set_line_width (cr, 3.);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, 1.);
      dossier_chart_set_color (cr, style->accent, 1.);
      cairo_set_dash (cr, &dash, 1, 0.);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0.);
      /* On the background: over a counted timeline's bars, drawn in the
       * same colour, the label could not be read ("Aujourd'hui", which
       * is wider than "Today", sat on them). */
      dossier_chart_set_color (cr, style->background, 0.9);
      cairo_rectangle (cr, left - 2., top, width + 4., dossier_chart_text_height (label));
      cairo_fill (cr);
      dossier_chart_set_color (cr, style->accent, 1.);
      dossier_chart_text_show (cr, label, left, top);
    }
}

/* From an expected event to the one that settled it, under the axis. */
static void
draw_settlement (cairo_t                   *cr,
                 PangoContext              *context,
                 const DossierChartContent *content,
                 const TimelineLayout      *self,
                 const DossierChartStyle   *style,
                 guint                      i)
{
  const DossierChartEvent *event = &g_array_index (content->events, DossierChartEvent, i);
  const DossierChartEvent *settler = &g_array_index (content->events, DossierChartEvent, event->settled_by);
  double x0 = x_of (self, content, (event->start + event->end) / 2.);
  double x1 = x_of (self, content, (settler->start + settler->end) / 2.);
  double y = self->axis_y + SHAPE / 2. + 2., depth = self->parent.line_height * 0.7;
  double left = self->plot.x - SHAPE, right = self->plot.x + self->plot.width + SHAPE;
  g_autoptr(PangoLayout) text = NULL;
  double tw;

  if (MAX (x0, x1) < left || MIN (x0, x1) > right)
    return;

  dossier_chart_set_color (cr, style->foreground, 0.75);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, x0, y);
  cairo_curve_to (cr, x0, y + depth, x1, y + depth, x1, y + 1.);
  cairo_stroke (cr);
  /* The arrowhead, at the event that settled it. */
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x1 - 3.5, y + 6.);
  cairo_line_to (cr, x1 + 3.5, y + 6.);
  cairo_close_path (cr);
  cairo_fill (cr);

  if (event->delay == NULL)
    return;
  text = dossier_chart_text_new (context, style->font, event->delay, 0.85, TRUE, -1);
  tw = dossier_chart_text_width (text);
  /* Beside the arc when it is narrower than its words. */
  dossier_chart_text_show (cr, text,
                           CLAMP (MAX (x0, x1) + 6., self->plot.x, self->plot.x + self->plot.width - tw),
                           y + depth * 0.75 - dossier_chart_text_height (text) / 2.);
}

static void
timeline_draw (cairo_t                   *cr,
               PangoContext              *context,
               const DossierChartContent *content,
               const DossierChartLayout  *layout,
               const DossierChartStyle   *style,
               int                        highlighted,
               int                        hovered)
{
  const TimelineLayout *self = (const TimelineLayout *) layout;
  gboolean any_related = FALSE;

  if (content->events == NULL)
    return;

  if (self->bars != NULL)
    {
      cairo_save (cr);
      cairo_rectangle (cr, self->plot.x - SHAPE, layout->body.y, self->plot.width + 2 * SHAPE, layout->body.height);
      cairo_clip (cr);
      draw_axis (cr, context, content, self, style);
      dossier_timeline_bars_draw (cr, context, self->bars, style, layout->line_height);
      draw_today (cr, context, content, self, style);
      cairo_restore (cr);
      return;
    }

  for (guint i = 0; i < layout->n_items; i++)
    any_related |= dossier_chart_content_get_item (content, i)->related;

  dossier_chart_timeline_legend (cr, context, style->font, style, self->plot.x, self->legend_y, self->plot.width,
                  layout->line_height, self->n_hidden);

  cairo_save (cr);
  cairo_rectangle (cr, self->plot.x - SHAPE, layout->body.y, self->plot.width + 2 * SHAPE, layout->body.height);
  cairo_clip (cr);

  draw_axis (cr, context, content, self, style);
  draw_today (cr, context, content, self, style);

  for (guint i = 0; i < layout->n_items; i++)
    if (g_array_index (content->events, DossierChartEvent, i).settled_by >= 0)
      draw_settlement (cr, context, content, self, style, i);

  /* Connectors first, then labels on the background, then marks: a line
   * may pass under a label of a lower row, never over its words. */
  cairo_set_line_width (cr, 1.);
  for (guint i = 0; i < layout->n_items; i++)
    {
      const DossierTimelinePlace *place = &self->places[i];
      double cx = place->mark.x + place->mark.width / 2.;

      if (place->lane < 0)
        continue;
      dossier_chart_set_color (cr, style->foreground, 0.3);
      cairo_move_to (cr, round (cx) + .5, place->label.y + place->label.height);
      cairo_line_to (cr, round (cx) + .5, place->mark.y);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < layout->n_items; i++)
    {
      const DossierTimelinePlace *place = &self->places[i];
      const DossierChartItem *item = dossier_chart_content_get_item (content, i);
      const DossierChartEvent *event = &g_array_index (content->events, DossierChartEvent, i);
      gboolean strong = (int) i == highlighted;
      gboolean dimmed = (any_related && !item->related && !strong) || (highlighted >= 0 && !strong && !any_related);
      g_autoptr(PangoLayout) label = NULL;

      if (place->lane < 0)
        continue;
      label = dossier_chart_text_new (context, style->font, item->name, 0.9, strong || item->related, -1);
      pango_layout_set_width (label, (int) ((place->label.width - 4.) * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);

      dossier_chart_set_color (cr, style->background, 0.9);
      cairo_rectangle (cr, place->label.x, place->label.y + 1, place->label.width, place->label.height - 2);
      cairo_fill (cr);
      if ((int) i == hovered || strong)
        {
          dossier_chart_set_color (cr, strong ? style->accent : style->foreground, strong ? 0.18 : 0.08);
          cairo_rectangle (cr, place->label.x, place->label.y + 1, place->label.width, place->label.height - 2);
          cairo_fill (cr);
        }
      dossier_chart_set_color (cr, style->foreground, dimmed ? 0.55 : 1.);
      if (event->expected)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
          pango_layout_set_attributes (label, attrs);
          pango_attr_list_unref (attrs);
        }
      dossier_chart_text_show (cr, label, place->label.x + 2.,
                               place->label.y + (place->label.height - dossier_chart_text_height (label)) / 2.);
    }

  for (guint i = 0; i < layout->n_items; i++)
    {
      const DossierTimelinePlace *place = &self->places[i];
      const DossierChartItem *item = dossier_chart_content_get_item (content, i);
      const DossierChartEvent *event = &g_array_index (content->events, DossierChartEvent, i);
      gboolean strong = (int) i == highlighted || item->related;
      double alpha = (any_related || highlighted >= 0) && !strong ? 0.45 : 1.;
      double cx = place->mark.x + place->mark.width / 2., cy = place->mark.y + place->mark.height / 2.;

      if (place->mark.width > SHAPE)
        {
          /* A month or a year: the stretch it covers. */
          dossier_chart_set_series_color (cr, style, event->shape, alpha * 0.45);
          cairo_rectangle (cr, place->mark.x, cy - 3., place->mark.width, 6.);
          cairo_fill (cr);
        }
      dossier_chart_draw_shape (cr, style, event->shape, event->expected, cx, cy, alpha);
      if ((int) i == highlighted)
        {
          dossier_chart_set_color (cr, style->foreground, 1.);
          cairo_set_line_width (cr, 2.);
          cairo_new_sub_path (cr);
          cairo_arc (cr, cx, cy, SHAPE * 0.95, 0., 2 * G_PI);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

static void
timeline_clear (DossierChartLayout *layout)
{
  g_clear_pointer (&((TimelineLayout *) layout)->places, g_free);
  g_clear_pointer (&((TimelineLayout *) layout)->bars, dossier_timeline_bars_free);
}

static char *
timeline_tooltip_at (const DossierChartContent *content,
                     const DossierChartLayout  *layout,
                     double                     x,
                     double                     y)
{
  return dossier_timeline_bars_tooltip (((const TimelineLayout *) layout)->bars, x, y);
}

static const DossierChartView timeline_view = {
  .name = "timeline",
  .measure = timeline_measure,
  .lay_out = timeline_lay_out,
  .hit_test = timeline_hit_test,
  .draw = timeline_draw,
  .clear = timeline_clear,
  .tooltip_at = timeline_tooltip_at,
};

/**
 * dossier_chart_timeline_get_view:
 *
 * Returns: (transfer none): the timeline view, for a content of events
 *   (dossier_timeline_content_load())
 */
const DossierChartView *
dossier_chart_timeline_get_view (void)
{
  return &timeline_view;
}

/**
 * dossier_chart_timeline_day_at:
 * @layout: a layout of the timeline view
 * @x: where, across
 *
 * Returns: the day at @x, in days since 1970-01-01
 */
double
dossier_chart_timeline_day_at (const DossierChartContent *content,
                               const DossierChartLayout  *layout,
                               double                     x)
{
  const TimelineLayout *self = (const TimelineLayout *) layout;

  g_return_val_if_fail (layout->view == &timeline_view, content->from);
  return content->from + (x - self->plot.x) / MAX (1., self->plot.width) * (content->to - content->from);
}

/**
 * dossier_chart_timeline_get_plot_width:
 *
 * Returns: how wide the days shown are, in pixels
 */
double
dossier_chart_timeline_get_plot_width (const DossierChartLayout *layout)
{
  g_return_val_if_fail (layout->view == &timeline_view, 1.);
  return ((const TimelineLayout *) layout)->plot.width;
}

/**
 * dossier_chart_timeline_get_n_hidden:
 *
 * Returns: how many labels of the days shown found no room
 */
guint
dossier_chart_timeline_get_n_hidden (const DossierChartLayout *layout)
{
  g_return_val_if_fail (layout->view == &timeline_view, 0);
  return ((const TimelineLayout *) layout)->n_hidden;
}

/**
 * dossier_chart_timeline_get_place:
 *
 * Returns: (transfer none): where event @index is drawn
 */
const DossierTimelinePlace *
dossier_chart_timeline_get_place (const DossierChartLayout *layout,
                                  guint                     index)
{
  g_return_val_if_fail (layout->view == &timeline_view, NULL);
  g_return_val_if_fail (index < layout->n_items, NULL);
  return &((const TimelineLayout *) layout)->places[index];
}
