/* dossier-brief-private.h: the brief's blocks and where they go, shared by
 * the file that reads them (dossier-brief-content.c) and the one that lays
 * them out on pages (dossier-brief.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-brief.h"
#include "dossier-chart-types.h"
#include "dossier-chart-view.h"

G_BEGIN_DECLS

#define DOSSIER_BRIEF_TITLE_SIZE   20.
#define DOSSIER_BRIEF_HEADING_SIZE 13.
#define DOSSIER_BRIEF_BODY_SIZE    10.

/* A paragraph of Pango markup, or a chart. */
typedef struct
{
  char                   *markup;        /* or %NULL for a chart */
  double                  size;          /* its font's, in points */
  double                  space_before;
  double                  indent;
  gboolean                hanging;       /* lines after the first indented */
  gboolean                keep_with_next;
  char                   *uri;           /* (nullable): the link it is */
  DossierChartContent    *chart;
  const DossierChartView *view;
  double                  chart_height;
  PangoLayout            *layout;        /* once laid out */
} DossierBriefBlock;

/* The lines of a block on one page. */
typedef struct
{
  guint  block;
  guint  page;
  int    first_line;
  int    n_lines;     /* 0 for a chart */
  double y;           /* where its first line's top goes */
} DossierBriefPiece;

struct _DossierBrief
{
  DossierStore         *store;
  gint64                case_id;
  char                 *title;
  GArray               *blocks;   /* of DossierBriefBlock */
  GPtrArray            *sources;  /* DossierNode, numbered from 1 as first cited */

  /* dossier-brief.c */
  GArray               *pieces;   /* of DossierBriefPiece, in page order */
  guint                 n_pages;
  double                width, height;
  PangoFontDescription *font;
};

G_END_DECLS
