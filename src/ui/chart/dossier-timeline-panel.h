/* dossier-timeline-panel.h: the selected case file's timeline, with its
 * zoom buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE_PANEL (dossier_timeline_panel_get_type ())

G_DECLARE_FINAL_TYPE (DossierTimelinePanel, dossier_timeline_panel, DOSSIER, TIMELINE_PANEL, GtkWidget)

GtkWidget *dossier_timeline_panel_new           (void);
void       dossier_timeline_panel_set_store     (DossierTimelinePanel *self,
                                                 DossierStore         *store);
void       dossier_timeline_panel_set_selection (DossierTimelinePanel *self,
                                                 DossierSelection     *selection);
GtkWidget *dossier_timeline_panel_get_chart     (DossierTimelinePanel *self);

G_END_DECLS
