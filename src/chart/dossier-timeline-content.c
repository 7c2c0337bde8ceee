/* dossier-timeline-content.c
 *
 * What a case file's timeline says, worded once for the screen, the
 * exports and the printed brief: one item per event, oldest first, named
 * for screen readers with its date, title and status ("January 13, 2020,
 * Joint status report sets the injunction timetable, happened"); for each
 * event the days it covers (a month-precise event covers its month), its
 * kind as a shape, the organizations and people in it, and for an
 * expected event the one that settled it and how late it came. The days
 * shown are part of the content, so that an export shows what the screen
 * does, zoomed or not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "dossier-chart-content.h"
#include "dossier-format.h"
#include "dossier-node.h"
#include "dossier-store.h"
#include "dossier-timeline-content.h"
#include "dossier-timeline-layout.h"

/* The least the timeline shows: a week. */
#define MIN_DAYS 7.

static void
clear_event (gpointer data)
{
  DossierChartEvent *event = data;

  g_clear_pointer (&event->delay, g_free);
  g_clear_pointer (&event->actors, g_array_unref);
}

static DossierChartShape
shape_of (const char *kind)
{
  static const struct { const char *kind; DossierChartShape shape; } shapes[] = {
    { "filing", DOSSIER_CHART_SHAPE_CIRCLE },
    { "motion", DOSSIER_CHART_SHAPE_CIRCLE },
    { "appeal", DOSSIER_CHART_SHAPE_CIRCLE },
    { "ruling", DOSSIER_CHART_SHAPE_DIAMOND },
    { "award", DOSSIER_CHART_SHAPE_DIAMOND },
    { "hearing", DOSSIER_CHART_SHAPE_SQUARE },
    { "deadline", DOSSIER_CHART_SHAPE_SQUARE },
  };

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (shapes); i++)
    if (g_str_equal (kind, shapes[i].kind))
      return shapes[i].shape;
  return DOSSIER_CHART_SHAPE_TRIANGLE;
}

static gboolean
is_expected (DossierNode *event)
{
  return g_strcmp0 (dossier_node_get_status (event), "expected") == 0;
}

/* The organizations and people in @event. */
static GArray *
read_actors (DossierStore *store,
             gint64        case_id,
             DossierNode  *event,
             GError      **error)
{
  g_autoptr(GListModel) related = dossier_store_list_related (store, case_id, dossier_node_get_id (event), error);
  GArray *actors;

  if (related == NULL)
    return NULL;
  actors = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (related); i++)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (related, i);
      DossierNodeKind kind = dossier_node_get_kind (node);

      if (kind == DOSSIER_NODE_ORGANIZATION || kind == DOSSIER_NODE_PERSON)
        {
          gint64 id = dossier_node_get_id (node);

          g_array_append_val (actors, id);
        }
    }
  return actors;
}

/* For an expected event, the happened one that settled it. */
static int
find_settler (DossierStore *store,
              gint64        case_id,
              DossierNode  *event,
              GHashTable   *positions,
              GError      **error)
{
  g_autoptr(GListModel) settlement = NULL;
  gint64 own = dossier_node_get_id (event);

  if (!is_expected (event))
    return -1;

  settlement = dossier_store_list_settlement (store, case_id, own, error);
  if (settlement == NULL)
    return -1;
  for (guint i = 0; i < g_list_model_get_n_items (settlement); i++)
    {
      g_autoptr(DossierNode) other = g_list_model_get_item (settlement, i);
      gint64 id = dossier_node_get_id (other);
      gpointer position;

      if (id == own || is_expected (other))
        continue;
      if (g_hash_table_lookup_extended (positions, &id, NULL, &position))
        return GPOINTER_TO_INT (position);
    }
  return -1;
}

static char *
describe_range (double from,
                double to)
{
  g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc ((gint64) (from * 86400.));
  g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc ((gint64) ((to - 1.) * 86400.));
  g_autofree char *a = NULL, *b = NULL;

  if (first == NULL || last == NULL)
    return g_strdup ("");
  a = g_date_time_format (first, "%Y-%m-%d");
  b = g_date_time_format (last, "%Y-%m-%d");
  g_clear_pointer (&first, g_date_time_unref);
  g_clear_pointer (&last, g_date_time_unref);
  {
    g_autofree char *start = dossier_format_date (a);
    g_autofree char *end = dossier_format_date (b);

    /* Translators: the days a timeline shows, as in "January 13, 2020 to
     * February 24, 2020" */
    return g_strdup_printf (_("%s to %s"), start, end);
  }
}

static void
update_subtitle (DossierChartContent *content)
{
  g_autofree char *range = describe_range (content->from, content->to);
  guint64 n = content->items->len, shown = 0;

  for (guint i = 0; i < content->items->len; i++)
    {
      const DossierChartEvent *event = &g_array_index (content->events, DossierChartEvent, i);

      if (event->end > content->from && event->start < content->to)
        shown++;
    }
  if (content->density != NULL)
    {
      n = content->n_events;
      for (guint i = 0; i < content->density->len; i++)
        {
          const DossierChartDensity *day = &g_array_index (content->density, DossierChartDensity, i);

          if (day->end > content->from && day->start < content->to)
            shown += day->count;
        }
    }

  g_free (content->subtitle);
  {
    g_autofree char *all = dossier_format_count (n);
    g_autofree char *some = dossier_format_count (shown);
    gulong plural = (gulong) MIN (n, G_MAXULONG);

    if (shown == n)
      /* Translators: under a timeline's title: how many events (a number
       * grouped as the locale groups it), then the days shown, as in
       * "31 events, March 2018 to April 2021" */
      content->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s event, %s", "%s events, %s", plural),
                                           all, range);
    else
      /* Translators: under a zoomed timeline's title: "12 of 31 events,
       * January 13, 2020 to January 24, 2020" */
      content->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s event, %s",
                                                        "%s of %s events, %s", plural),
                                           some, all, range);
  }
}

/* More events than can be shown each: how many on each day, read from
 * the index, and no item. */
static gboolean
load_density (DossierChartContent  *content,
              DossierStore         *store,
              gint64                case_id,
              GError              **error)
{
  g_autoptr(GArray) counts = dossier_store_count_events_by_date (store, case_id, error);

  if (counts == NULL)
    return FALSE;
  content->density = g_array_sized_new (FALSE, TRUE, sizeof (DossierChartDensity), counts->len);
  for (guint i = 0; i < counts->len; i++)
    {
      const DossierDateCount *count = &g_array_index (counts, DossierDateCount, i);
      DossierChartDensity day = { 0., 0., (guint64) count->count };

      /* The store writes only dates that read; another program's may not. */
      if (!dossier_timeline_span_from_date (count->date, &day.start, &day.end))
        {
          g_debug ("%s: %" G_GUINT64_FORMAT " events dated “%s” left off the timeline",
                   dossier_store_get_path (store), (guint64) count->count, count->date);
          continue;
        }
      g_array_append_val (content->density, day);
      content->n_events += day.count;
      content->first = MIN (content->first, day.start);
      content->last = MAX (content->last, day.end);
    }
  return TRUE;
}

/**
 * dossier_timeline_content_load:
 * @case_id: the case file whose events to show
 *
 * Returns: (transfer full): the case file's timeline, fitted to its
 *   events, or %NULL with @error set
 */
DossierChartContent *
dossier_timeline_content_load (DossierStore  *store,
                               gint64         case_id,
                               GError       **error)
{
  g_autoptr(DossierChartContent) content = g_new0 (DossierChartContent, 1);
  g_autoptr(DossierNode) case_file = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  case_file = dossier_store_get_node (store, case_id, case_id, error);
  if (case_file == NULL)
    return NULL;
  events = dossier_store_list_section (store, case_id, DOSSIER_SECTION_TIMELINE, error);
  if (events == NULL)
    return NULL;
  n = g_list_model_get_n_items (events);

  content->item_section = DOSSIER_SECTION_TIMELINE;
  content->selected_period = -1;
  content->today = g_date_time_to_unix (now) / 86400.;
  content->items = g_array_sized_new (FALSE, TRUE, sizeof (DossierChartItem), n);
  g_array_set_clear_func (content->items, dossier_chart_item_clear);
  content->events = g_array_sized_new (FALSE, TRUE, sizeof (DossierChartEvent), n);
  g_array_set_clear_func (content->events, clear_event);
  content->first = G_MAXDOUBLE;
  content->last = -G_MAXDOUBLE;

  /* Translators: a timeline's title; %s is the case file's */
  content->default_title = g_strdup_printf (_("Timeline: %s"), dossier_node_get_title (case_file));
  content->title = g_strdup (content->default_title);
  content->credit = g_strdup (_("Chart: Dossier"));
  /* Translators: the source line under a timeline */
  content->source = g_strdup (_("Sources: court records and press reports cited for each event in the case file"));
  content->note = g_strdup ("");

  if (n > DOSSIER_TIMELINE_DETAIL_LIMIT)
    {
      if (!load_density (content, store, case_id, error))
        return NULL;
      n = 0;
    }

  /* Where each event is among them, for the one that settles another. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (events, i);

      g_hash_table_insert (positions, g_memdup2 (&(gint64) { dossier_node_get_id (node) }, sizeof (gint64)),
                           GINT_TO_POINTER (i));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (events, i);
      DossierChartItem item = { 0 };
      DossierChartEvent event = { 0 };
      g_autofree char *date = dossier_format_date (dossier_node_get_date (node));
      const char *status = is_expected (node)
        /* Translators: what a screen reader says last of an event on the timeline */
        ? C_("timeline", "expected") : C_("timeline", "happened");

      if (!dossier_timeline_span_from_date (dossier_node_get_date (node), &event.start, &event.end))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: the event “%s” has no date"), dossier_store_get_path (store),
                       dossier_node_get_title (node));
          return NULL;
        }
      event.expected = is_expected (node);
      event.shape = shape_of (dossier_node_get_event_kind (node));
      {
        g_autoptr(GError) local = NULL;

        event.settled_by = find_settler (store, case_id, node, positions, &local);
        if (local == NULL)
          event.actors = read_actors (store, case_id, node, &local);
        if (local != NULL)
          {
            g_clear_pointer (&event.actors, g_array_unref);
            g_propagate_error (error, g_steal_pointer (&local));
            return NULL;
          }
      }
      if (event.settled_by >= 0)
        {
          g_autoptr(DossierNode) settler = g_list_model_get_item (events, event.settled_by);

          event.delay = dossier_format_delay (dossier_node_get_date (node), dossier_node_get_date (settler));
        }

      item.id = dossier_node_get_id (node);
      item.name = g_strdup (dossier_node_get_title (node));
      item.full_name = g_strdup (item.name);
      item.value = g_strdup (date ? date : dossier_node_get_date (node));
      item.label = g_strdup_printf ("%s, %s, %s", item.value, item.name, status);
      item.colour = event.shape;
      item.percent = NAN;
      g_array_append_val (content->items, item);
      g_array_append_val (content->events, event);

      content->first = MIN (content->first, event.start);
      content->last = MAX (content->last, event.end);
    }

  /* No event to fit (or, counted by day, none with a date that reads:
   * only a hostile file has such): a month around today. */
  if (content->first > content->last)
    {
      content->first = floor (content->today) - 30.;
      content->last = floor (content->today) + 30.;
    }
  dossier_timeline_content_fit (content);
  return g_steal_pointer (&content);
}

/**
 * dossier_timeline_content_set_range:
 * @from: the first day shown, in days since 1970-01-01
 * @to: the day after the last
 *
 * Shows those days (a week at least, and no further than a year either
 * side of the case), and says which under the title.
 */
void
dossier_timeline_content_set_range (DossierChartContent *content,
                                    double               from,
                                    double               to)
{
  double lo, hi;

  g_return_if_fail (content != NULL && content->events != NULL);

  if (!(to - from >= MIN_DAYS))
    {
      double middle = (from + to) / 2.;

      from = middle - MIN_DAYS / 2.;
      to = middle + MIN_DAYS / 2.;
    }
  lo = content->first - 365.;
  hi = content->last + 365.;
  if (to - from > hi - lo)
    from = lo, to = hi;
  if (from < lo)
    to += lo - from, from = lo;
  if (to > hi)
    from -= to - hi, to = hi;

  content->from = from;
  content->to = to;
  update_subtitle (content);
}

/**
 * dossier_timeline_content_fit:
 *
 * Shows the whole case, with a little room at either end.
 */
void
dossier_timeline_content_fit (DossierChartContent *content)
{
  double margin;

  g_return_if_fail (content != NULL && content->events != NULL);

  margin = MAX (2., (content->last - content->first) * 0.03);
  dossier_timeline_content_set_range (content, content->first - margin, content->last + margin);
}

/**
 * dossier_timeline_content_zoom:
 * @factor: above 1 to zoom in, below to zoom out
 * @anchor: the day that stays where it is (under the pointer)
 */
void
dossier_timeline_content_zoom (DossierChartContent *content,
                               double               factor,
                               double               anchor)
{
  g_return_if_fail (content != NULL && content->events != NULL && factor > 0.);

  /* At the closest, zooming in again keeps still rather than pans. */
  if (factor > 1.)
    {
      factor = MIN (factor, (content->to - content->from) / MIN_DAYS);
      if (factor <= 1. + 1e-9)
        return;
    }

  dossier_timeline_content_set_range (content,
                                      anchor - (anchor - content->from) / factor,
                                      anchor + (content->to - anchor) / factor);
}

/**
 * dossier_timeline_content_pan:
 * @days: how far to move, later if positive
 */
void
dossier_timeline_content_pan (DossierChartContent *content,
                              double               days)
{
  g_return_if_fail (content != NULL && content->events != NULL);

  dossier_timeline_content_set_range (content, content->from + days, content->to + days);
}

/**
 * dossier_timeline_content_show_event:
 *
 * Moves the days shown, keeping their number, so that event @index is
 * among them (zooming out if it is longer than they are).
 *
 * Returns: whether they moved
 */
gboolean
dossier_timeline_content_show_event (DossierChartContent *content,
                                     guint                index)
{
  const DossierChartEvent *event;
  double range, margin;

  g_return_val_if_fail (content != NULL && content->events != NULL, FALSE);
  g_return_val_if_fail (index < content->events->len, FALSE);

  event = &g_array_index (content->events, DossierChartEvent, index);
  range = content->to - content->from;
  margin = range * 0.1;
  if (event->start >= content->from + margin && event->end <= content->to - margin)
    return FALSE;

  if (event->end - event->start > range - 2 * margin)
    dossier_timeline_content_set_range (content, event->start - margin, event->end + margin);
  else
    dossier_timeline_content_set_range (content, (event->start + event->end) / 2. - range / 2.,
                                        (event->start + event->end) / 2. + range / 2.);
  return TRUE;
}
