/* dossier-shares-reader-private.h: what the two halves of the shares
 * reader share: a row read and checked alone, then written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-db.h"

G_BEGIN_DECLS

enum { PERIOD, PROVIDER, SHARE, SERIES, SOURCE, URL, NOTE, N_COLUMNS };

/* A file wrong on every line is refused after this many mistakes (and the
 * one saying so): what is kept of them does not grow with the file. */
#define MAX_PROBLEMS 1000

typedef struct
{
  gint64       id;         /* 0 until added */
  gboolean     yearly;
  gboolean     kind_known; /* a series the database has, or a new one whose
                            * first right row said quarters or years */
  gboolean     existed;    /* the database had it: its figures are copied
                            * to temp.import_before when first named */
  gboolean     touched;    /* named by a right row of the file */
  gboolean     changed;    /* a figure added to it, announced */
  const char  *name;       /* as the file first wrote it, interned */
} Series;

/* A row alone right. The keys (series, period, provider) are interned:
 * one text, one pointer; the others are the record's. */
typedef struct
{
  guint        line;
  Series      *series;
  const char  *period;
  const char  *provider;
  double       share;
  const char  *source;
  const char  *url;
  const char  *note;
  gint64       organization_id;
} Row;

/* A figure named twice, whose earlier line is found by reading the file
 * again (only when it is refused). */
typedef struct
{
  Series      *series;
  const char  *period;
  gint64       organization_id;
  guint        line;
  const char  *provider;
} Duplicate;

typedef struct
{
  DossierDb    *db;
  const char   *file_name;
  const char   *language;
  GPtrArray    *problems;      /* DossierProblem */
  GStringChunk *strings;       /* the keys' texts, each once */
  GHashTable   *series;        /* casefolded name → Series */
  GHashTable   *series_named;  /* interned name → Series */
  GHashTable   *organizations; /* interned provider (a pointer) → its id, or 0 */
  GHashTable   *added;         /* casefolded provider → the organization added */
  GHashTable   *sources;       /* "title\nurl" → id */
  GArray       *duplicates;    /* Duplicate */
  gboolean      before_table;  /* temp.import_before made */
  gboolean      quiet;         /* mistakes not kept: the file read again */
  char         *last_title;    /* the source of the row before */
  char         *last_url;
  gint64        last_source_id;
  const char   *last_key[N_COLUMNS]; /* interned, of the row before */
  DossierStmt  *insert;        /* a figure, for every row */
  guint         n_added;
} Reader;

gboolean _dossier_shares_write_row   (Reader   *reader,
                                      Row      *row,
                                      GError  **error);
gboolean _dossier_shares_over_100    (Reader   *reader,
                                      GArray   *groups,
                                      GError  **error);
gboolean _dossier_shares_finish      (Reader   *reader,
                                      GError  **error);

/* A period of a series over 100 (_dossier_shares_over_100()). */
typedef struct
{
  Series      *series;
  const char  *period;   /* interned */
  double       sum;      /* running, on the second reading */
  GHashTable  *seen;     /* organizations summed, on the second reading */
} Group;

/* The second reading of a refused file (_dossier_shares_again_begin()). */
typedef struct
{
  GHashTable  *firsts;   /* Duplicate → the line a figure was first named on */
  GHashTable  *groups;   /* Group → itself: periods over 100 */
} Again;

gboolean _dossier_shares_again_begin (Reader     *reader,
                                      GArray     *groups,
                                      Again      *again,
                                      GError    **error);
void     _dossier_shares_again_row   (Reader     *reader,
                                      Again      *again,
                                      Row        *row);
void     _dossier_shares_again_end   (Reader     *reader,
                                      Again      *again,
                                      gboolean    read);

G_END_DECLS
