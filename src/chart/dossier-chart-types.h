/* dossier-chart-types.h: the chart library's forward declarations, so that
 * its headers need not include each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DossierChartContent      DossierChartContent;
typedef struct _DossierChartItem         DossierChartItem;
typedef struct _DossierChartEvent        DossierChartEvent;
typedef struct _DossierChartLayout       DossierChartLayout;
typedef struct _DossierChartFrameMetrics DossierChartFrameMetrics;
typedef struct _DossierChartStyle        DossierChartStyle;
typedef struct _DossierChartView         DossierChartView;

typedef struct
{
  double x, y, width, height;
} DossierRect;

G_END_DECLS
