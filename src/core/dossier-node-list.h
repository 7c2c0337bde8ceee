/* dossier-node-list.h: a live, lazy list of nodes over a query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-db.h"
#include "dossier-node-query.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_NODE_LIST (dossier_node_list_get_type ())

G_DECLARE_FINAL_TYPE (DossierNodeList, dossier_node_list, DOSSIER, NODE_LIST, GObject)

typedef struct
{
  const char *lang;
  gint64      case_id;    /* 0: the list is not of one case file */
  const char *kind;
} DossierNodeScope;

DossierNodeList *dossier_node_list_new          (GObject                *store,
                                                 DossierDb              *db,
                                                 const DossierNodeQuery *query,
                                                 const DossierNodeScope *scope,
                                                 DossierDbRowFunc        row_func,
                                                 GError                **error);
guint            dossier_node_list_find         (DossierNodeList        *self,
                                                 gint64                  node_id);

G_END_DECLS
