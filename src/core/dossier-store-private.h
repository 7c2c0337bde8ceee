/* dossier-store-private.h: what the store's files share
 *
 * The store is one type split by concern, as GNOME Text Editor splits its
 * window: dossier-store.c (opening, language, change signal, import),
 * dossier-store-nodes.c (case files and what they hold),
 * dossier-store-market.c (market series) and dossier-store-edit.c (edits).
 * All of them reach SQLite through dossier-db.c only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-db.h"
#include "dossier-store.h"

G_BEGIN_DECLS

struct _DossierStore
{
  GObject    parent_instance;
  DossierDb *db;
  char      *language;
};

G_END_DECLS
