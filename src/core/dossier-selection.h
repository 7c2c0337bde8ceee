/* dossier-selection.h: what a window shows, shared by all its views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SELECTION (dossier_selection_get_type ())

G_DECLARE_FINAL_TYPE (DossierSelection, dossier_selection, DOSSIER, SELECTION, GObject)

DossierSelection   *dossier_selection_new          (void);
void                dossier_selection_select      (DossierSelection   *self,
                                                   gint64              case_id,
                                                   DossierSectionKind  section,
                                                   gint64              node_id);
gint64              dossier_selection_get_case_id (DossierSelection   *self);
DossierSectionKind  dossier_selection_get_section (DossierSelection   *self);
gint64              dossier_selection_get_node_id (DossierSelection   *self);

G_END_DECLS
