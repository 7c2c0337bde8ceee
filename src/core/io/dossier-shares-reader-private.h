/* dossier-shares-reader-private.h: what the two halves of the shares
 * reader share: the rows read and checked, then written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-db.h"

G_BEGIN_DECLS

enum { PERIOD, PROVIDER, SHARE, SERIES, SOURCE, URL, NOTE, N_COLUMNS };

typedef struct
{
  guint   line;
  char   *series;
  char   *period;
  char   *provider;
  double  share;
  char   *source;
  char   *url;
  char   *note;
  /* resolved */
  gint64  series_id;        /* 0: to be added */
  gint64  organization_id;  /* 0: to be added */
  gboolean same;            /* the series has this very figure already */
  /* For the checks of the rows together (texts interned: one text, one
   * pointer) */
  gpointer series_ref;      /* its Series */
  const char *provider_fold; /* casefolded */
} Row;

typedef struct
{
  gint64   id;       /* 0 for a series to add */
  gboolean yearly;
  gboolean kind_known; /* a series the database has, or a new one whose
                        * first right row said quarters or years */
} Series;

typedef struct
{
  DossierDb  *db;
  const char *file_name;
  const char *language;
  GPtrArray  *problems;   /* DossierProblem */
  GArray     *rows;       /* Row */
  GHashTable *series;     /* casefolded name → Series */
  guint       n_added;
  GStringChunk *strings;  /* the rows' texts, each once (a million rows
                           * name a few providers, series and sources) */
  GHashTable *organizations; /* provider → its id, or 0 */
  GHashTable *folds;         /* provider → casefolded, both interned */
} Reader;

gboolean _dossier_shares_write_rows (Reader  *reader,
                                     GError **error);

G_END_DECLS
