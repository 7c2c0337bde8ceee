/* dossier-json-split-private.h: what the reading of a case file in pieces
 * (dossier-json-split.c) shares with its scan (dossier-json-scan.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-json-split.h"

G_BEGIN_DECLS

/* Where the skeleton lost lines: its ']' at (line, column) is the file's
 * at (line + lines, file_column). */
typedef struct
{
  guint line;
  guint column;
  guint lines;
  guint file_column;
} Region;

struct _DossierJsonSplit
{
  GBytes  *bytes;
  int      fd;
  goffset  size;
  GString *skeleton;
  GArray  *lists;     /* DossierJsonList */
  GArray  *regions;   /* Region */
  /* A mistake the scan found in a list left out: json-glib, given the
   * elements one at a time, would miss it (a comma left out, a bracket
   * that closes the wrong one). */
  char    *mistake;
  guint    mistake_line;
  guint    mistake_column;
};

gboolean _dossier_json_split_read_at (DossierJsonSplit  *self,
                                      goffset            offset,
                                      char              *buffer,
                                      gsize              length,
                                      gsize             *n_read,
                                      GError           **error);

G_END_DECLS
