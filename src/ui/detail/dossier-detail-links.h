/* dossier-detail-links.h: the parts the detail pane's pages are made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

/* The narrowest a wrapping text of a page is measured at, in characters.
 * Without it GTK 4.8 measures a label's narrowest at zero pixels, which
 * breaks a "word-char" label at every character, shaping a hyphen after
 * each: that was a third of the start-up's text layout. The pane is
 * never this narrow (250 pixels at least), so nothing shows differently. */
#define DOSSIER_DETAIL_WRAP_CHARS 16

GtkWidget *dossier_detail_make_link    (const char         *text,
                                        gint64              case_id,
                                        DossierSectionKind  section,
                                        gint64              node_id);
GtkWidget *dossier_detail_make_heading (const char         *text);
char      *dossier_detail_link_text    (DossierNode        *node,
                                        gboolean            with_role);
GtkWidget *dossier_detail_make_facts   (DossierNode        *node);
char      *dossier_detail_shown_text   (const char         *text);
const char *dossier_detail_kind_name   (DossierNodeKind     kind);
GtkWidget *dossier_detail_add_button   (GtkFlowBox         *box,
                                        const char         *label,
                                        const char         *action,
                                        GVariant           *target,
                                        gboolean            suggested);
GtkWidget *dossier_detail_make_note    (gint64              note_id,
                                        const char         *body);
GtkWidget *dossier_detail_make_citation (const char        *text,
                                        gint64              case_id,
                                        gint64              node_id,
                                        gint64              source_id);

G_END_DECLS
