/* test-ui-utils.h: what the tests of real windows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-window.h"

G_BEGIN_DECLS

void           test_iterate       (void);
void           test_wait_until    (gboolean      (*done) (gpointer data),
                                   gpointer        data);
DossierWindow *test_open_window   (DossierStore   *store);
void           test_close_window  (DossierWindow  *window,
                                   DossierStore   *store);
GBytes        *test_render_widget (GtkWidget      *widget);
gboolean       test_chart_is_drawn (gpointer       data);
GtkWidget     *test_find_widget   (GtkWidget      *root,
                                   GType           type,
                                   guint           nth);
gpointer       test_get_widget    (gpointer        root,
                                   GType           type,
                                   guint           nth);
GtkWidget     *test_find_widget_where (GtkWidget  *root,
                                   gboolean      (*match) (GtkWidget *widget, gpointer data),
                                   gpointer        data);

gboolean       test_focus_on_selected_row (GtkWidget *list);

G_END_DECLS
