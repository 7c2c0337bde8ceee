/* dossier-node-private.h: what the store may do to a node
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-node.h"

G_BEGIN_DECLS

void _dossier_node_update (DossierNode *self,
                           DossierNode *fresh);

G_END_DECLS
