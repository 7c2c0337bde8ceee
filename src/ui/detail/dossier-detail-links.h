/* dossier-detail-links.h: the parts the detail pane's pages are made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

GtkWidget *dossier_detail_make_link    (const char         *text,
                                        gint64              case_id,
                                        DossierSectionKind  section,
                                        gint64              node_id);
GtkWidget *dossier_detail_make_heading (const char         *text);
char      *dossier_detail_link_text    (DossierNode        *node,
                                        gboolean            with_role);
GtkWidget *dossier_detail_make_facts   (DossierNode        *node);

G_END_DECLS
