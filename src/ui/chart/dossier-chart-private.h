/* dossier-chart-private.h: the chart widget's struct, shared by the file
 * that draws the chart and the one that holds its tooltips and menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-chart.h"
#include "dossier-chart-view.h"

G_BEGIN_DECLS

struct _DossierChart
{
  GtkWidget               parent_instance;

  DossierSelection       *selection;
  GSignalGroup           *selection_signals;
  const DossierChartView *view;
  DossierChartContent    *content;
  DossierChartLayout     *layout;
  DossierChartStyle       style;
  PangoFontDescription   *font;
  GPtrArray              *marks;

  int                     highlighted;
  int                     hovered;
  double                  pointer_x;   /* where the pointer is, or -1 */

  /* dossier-chart-zoom.c */
  double                  drag_from;
  double                  drag_to;

  /* dossier-chart-menu.c */
  GtkWidget              *menu;
  int                     menu_item;   /* the item the menu was opened on */
};

/* dossier-chart-zoom.c, which calls nothing in dossier-chart.c either */
void _dossier_chart_class_zoom_init (DossierChartClass *klass);
void _dossier_chart_zoom_init       (DossierChart      *self);
void _dossier_chart_zoom_update     (DossierChart      *self);
void _dossier_chart_zoom_show_item  (DossierChart      *self,
                                     int                index);

/* dossier-chart-menu.c */
void _dossier_chart_class_menu_init (DossierChartClass *klass);
void _dossier_chart_menu_init       (DossierChart      *self);
void _dossier_chart_menu_dispose    (DossierChart      *self);

G_END_DECLS
