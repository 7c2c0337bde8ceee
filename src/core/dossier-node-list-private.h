/* dossier-node-list-private.h: what the files of #DossierNodeList share
 *
 * dossier-node-list.c is the model and follows the store;
 * dossier-node-list-rows.c reads rows and keeps pages, and calls nothing
 * back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-node-list.h"

G_BEGIN_DECLS

#define PAGE_SIZE 64
#define MAX_PAGES 16
#define NOT_FOUND G_MAXUINT

/* A change of the commit being announced, handled once it is all known. */
typedef struct
{
  gint64            id;
  DossierChangeType type;
} Pending;

typedef struct
{
  guint           index;
  GPtrArray      *items;       /* DossierNode */
  sqlite3_value **last_keys;   /* the order keys of its last row */
  guint           n_keys;
} Page;

struct _DossierNodeList
{
  GObject           parent_instance;

  GObject          *store;     /* keeps @db open; its ::changed is followed */
  DossierDb        *db;
  DossierDbRowFunc  row_func;
  guint             n_columns;
  guint             n_keys;
  guint             kinds;
  guint             other_kinds;
  char             *lang;
  char             *kind;
  gint64            case_id;

  DossierNodeQuerySql sql;

  guint             n_items;
  GArray           *pending;   /* Pending changes of the commit being announced */
  gboolean          refresh_pending;
  GHashTable       *pages;     /* index → Page */
  GQueue            recent;    /* page indexes, most recent first */
  GHashTable       *live;      /* node id → DossierNode, not owned */
};

void            _dossier_node_list_free_keys       (sqlite3_value    **keys,
                                                    guint              n_keys);
void            _dossier_node_list_page_free       (Page              *page);
void            _dossier_node_list_drop_pages_from (DossierNodeList   *self,
                                                    guint              position);
Page           *_dossier_node_list_load_page       (DossierNodeList   *self,
                                                    guint              index,
                                                    GError           **error);
gboolean        _dossier_node_list_count           (DossierNodeList   *self,
                                                    guint             *n_items,
                                                    GError           **error);
DossierNode    *_dossier_node_list_read_item       (DossierNodeList   *self,
                                                    gint64             node_id,
                                                    sqlite3_value   ***keys,
                                                    GError           **error);
guint           _dossier_node_list_position_of     (DossierNodeList   *self,
                                                    sqlite3_value    **keys,
                                                    GError           **error);
guint           _dossier_node_list_cached_position (DossierNodeList   *self,
                                                    gint64             node_id);
void            _dossier_node_list_forget_all      (DossierNodeList   *self);

G_END_DECLS
