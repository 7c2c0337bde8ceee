/* dossier-detail-groups.h: groups of links a page shows besides its lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

GtkWidget *dossier_detail_begin_group        (const char       *heading);
GtkWidget *dossier_detail_make_roles         (DossierStore     *store,
                                              gint64            case_id,
                                              DossierNode      *node);
GtkWidget *dossier_detail_make_parties       (DossierStore     *store,
                                              gint64            case_id);
GtkWidget *dossier_detail_make_next_expected (DossierStore     *store,
                                              gint64            case_id);
GtkWidget *dossier_detail_make_share_chart   (DossierStore     *store,
                                              DossierSelection *selection,
                                              gint64            case_id,
                                              gint64            org_id);

GtkWidget *dossier_detail_make_cases_of      (DossierStore     *store,
                                              DossierNode      *node);
GtkWidget *dossier_detail_make_claims_by     (DossierStore     *store,
                                              gint64            case_id,
                                              gint64            node_id);

G_END_DECLS
