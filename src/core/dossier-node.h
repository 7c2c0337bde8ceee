/* dossier-node.h: one thing of a case file (the case itself, an organization,
 * a person, a dated event or a source), as read from the store in one
 * language and seen from one case file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_NODE (dossier_node_get_type ())

G_DECLARE_FINAL_TYPE (DossierNode, dossier_node, DOSSIER, NODE, GObject)

gint64           dossier_node_get_id        (DossierNode *self);
DossierNodeKind  dossier_node_get_kind      (DossierNode *self);
const char      *dossier_node_get_slug      (DossierNode *self);
const char      *dossier_node_get_title     (DossierNode *self);
const char      *dossier_node_get_summary   (DossierNode *self);
const char      *dossier_node_get_date      (DossierNode *self);
const char      *dossier_node_get_role      (DossierNode *self);
const char      *dossier_node_get_publisher (DossierNode *self);
const char      *dossier_node_get_docket    (DossierNode *self);
const char      *dossier_node_get_court     (DossierNode *self);
const char      *dossier_node_get_status    (DossierNode *self);
const char      *dossier_node_get_event_kind (DossierNode *self);
const char      *dossier_node_get_standing  (DossierNode *self);
const char      *dossier_node_get_judge     (DossierNode *self);
const char      *dossier_node_get_author    (DossierNode *self);
const char      *dossier_node_get_url       (DossierNode *self);
const char      *dossier_node_get_end_date  (DossierNode *self);
const char      *dossier_node_get_language  (DossierNode *self);
const char      *dossier_node_get_holder    (DossierNode *self);
gint64           dossier_node_get_holder_id (DossierNode *self);
const char      *dossier_node_get_parent    (DossierNode *self);
gint64           dossier_node_get_parent_id (DossierNode *self);

G_END_DECLS
