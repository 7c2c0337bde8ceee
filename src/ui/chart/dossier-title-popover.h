/* dossier-title-popover.h: where the user writes a chart's title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_TITLE_POPOVER (dossier_title_popover_get_type ())

G_DECLARE_FINAL_TYPE (DossierTitlePopover, dossier_title_popover, DOSSIER, TITLE_POPOVER, GtkPopover)

GtkWidget *dossier_title_popover_new       (void);
void       dossier_title_popover_set_title (DossierTitlePopover *self,
                                            const char          *title,
                                            const char          *default_title);
GtkWidget *dossier_title_popover_get_entry (DossierTitlePopover *self);

G_END_DECLS
