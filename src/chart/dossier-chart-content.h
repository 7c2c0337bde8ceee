/* dossier-chart-content.h: what a chart says, in the user's language,
 * whichever view draws it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-chart-types.h"
#include "dossier-types.h"

G_BEGIN_DECLS

/* One organization's figure. */
struct _DossierChartItem
{
  gint64  id;          /* the organization's */
  char   *name;        /* short, beside its mark */
  char   *full_name;   /* for screen readers and tooltips */
  char   *value;       /* formatted for the locale: "39%", "39 %" */
  char   *source;      /* its source: "Synergy Research Group, Title" */
  char   *label;       /* what a screen reader says and Copy Value copies:
                        * "Amazon Web Services, Q3 2019, 39%" */
  double  percent;
  double *values;      /* over time: one a period of the content, NAN where
                        * unknown; %NULL in a content of one period */
  double  percent_max; /* over time: its largest share in the series */
  guint   colour;      /* its rank by its largest share in the series: the
                        * same in every view whatever the period shown */
  gboolean related;    /* a timeline's event the selected organization or
                        * person took part in (the widget sets it) */
};

/* The shape of an event's mark, told apart by more than its colour. */
typedef enum
{
  DOSSIER_CHART_SHAPE_CIRCLE,   /* filings, motions, appeals */
  DOSSIER_CHART_SHAPE_DIAMOND,  /* rulings, awards */
  DOSSIER_CHART_SHAPE_SQUARE,   /* hearings, deadlines */
  DOSSIER_CHART_SHAPE_TRIANGLE, /* reports, announcements, the rest */
} DossierChartShape;

/* A timeline's event, the item of the same index. */
struct _DossierChartEvent
{
  double   start;      /* days since 1970-01-01 */
  double   end;        /* the day after its last: a month-precise event spans it */
  gboolean expected;   /* expected, not (yet) happened */
  DossierChartShape shape;
  int      settled_by; /* the event that settled this expected one, or -1 */
  char    *delay;      /* "2 days late", when settled_by says how late */
  GArray  *actors;     /* gint64: the organizations and people in it */
};

/* A timeline with more events than it shows one by one: how many there
 * are on a day (or in a month, for those known to the month). */
typedef struct
{
  double  start;       /* days since 1970-01-01 */
  double  end;
  guint64 count;
} DossierChartDensity;

struct _DossierChartContent
{
  char   *title;       /* the user's own, or default_title */
  char   *default_title;
  char   *subtitle;
  char   *source;      /* the source line: "Source: …" */
  char   *credit;      /* the credit line: "Chart: Dossier" */
  char   *note;        /* the series' notes, for tooltips and the exported
                        * file's description; may be empty */
  GArray *items;       /* of DossierChartItem, largest share first */
  double  scale_max;   /* the largest share of the whole series, or 0 */
  /* Over time (dossier_chart_content_load_over_time()): every period of
   * the series, oldest first, and the one selected; else %NULL and -1. */
  GStrv   periods;
  GStrv   period_sources; /* over time: each period's source line */
  int     selected_period;
  GPtrArray *breaks;   /* over time: DossierMarketBreak, or %NULL */
  /* A timeline (dossier-timeline-content.c): DossierChartEvent, one an
   * item, oldest first; else %NULL. */
  GArray *events;
  /* A timeline of more events than DOSSIER_TIMELINE_DETAIL_LIMIT:
   * DossierChartDensity, oldest first, and no item; else %NULL. */
  GArray *density;
  guint64 n_events;
  double  from, to;    /* the days shown */
  double  first, last; /* the whole case's, for "fit the case" */
  double  today;       /* days since 1970-01-01, or NAN */
  DossierSectionKind item_section; /* what an item is: an organization, an event */
};

DossierChartContent    *dossier_chart_content_new          (DossierSeries             *series,
                                                            const char                *period,
                                                            GListModel                *shares);
DossierChartContent    *dossier_chart_content_load         (DossierStore              *store,
                                                            gint64                     series_id,
                                                            const char                *period,
                                                            GError                   **error);
DossierChartContent    *dossier_chart_content_load_over_time (DossierStore            *store,
                                                            gint64                     series_id,
                                                            const char                *period,
                                                            GError                   **error);
guint                   dossier_chart_content_get_n_periods (const DossierChartContent *content);
DossierChartContent    *dossier_chart_content_new_for_case (DossierStore              *store,
                                                            gint64                     case_id,
                                                            GError                   **error);
void                    dossier_chart_content_set_title    (DossierChartContent       *content,
                                                            const char                *title);
char                   *dossier_chart_content_describe     (const DossierChartContent *content);
void                    dossier_chart_content_free         (DossierChartContent       *content);
void                    dossier_chart_item_clear           (gpointer                   item);
guint                   dossier_chart_content_get_n_items  (const DossierChartContent *content);
const DossierChartItem *dossier_chart_content_get_item     (const DossierChartContent *content,
                                                            guint                      index);
int                     dossier_chart_content_find         (const DossierChartContent *content,
                                                            gint64                     id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierChartContent, dossier_chart_content_free)

G_END_DECLS
