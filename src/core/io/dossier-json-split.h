/* dossier-json-split.h: a case file read without holding its events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _DossierJsonSplit DossierJsonSplit;

/* The "events" list of a case file object, left out of the skeleton. */
typedef struct
{
  int      case_index;  /* -1 for "case", i for "cases"[i] */
  goffset  start;       /* the byte after its '[' */
  goffset  end;         /* its ']' */
  guint    line;        /* of @start, from 1 */
  guint    column;      /* of @start, in bytes from 0 */
  guint    n_elements;
} DossierJsonList;

/* Given each element of a list in turn, its text and where it starts. */
typedef gboolean (*DossierJsonEach) (const char  *text,
                                     gsize        length,
                                     guint        index,
                                     guint        line,
                                     guint        column,
                                     gpointer     user_data,
                                     GError     **error);

DossierJsonSplit      *dossier_json_split_new        (GBytes            *bytes,
                                                      const char        *path,
                                                      GError           **error);
void                   dossier_json_split_free       (DossierJsonSplit  *self);
gboolean               dossier_json_split_scan       (DossierJsonSplit  *self,
                                                      gboolean          *utf8,
                                                      GError           **error);
const char            *dossier_json_split_get_mistake (DossierJsonSplit *self,
                                                      guint            *line,
                                                      guint            *column);
const char            *dossier_json_split_get_skeleton (DossierJsonSplit *self,
                                                      gsize             *length);
const DossierJsonList *dossier_json_split_get_list   (DossierJsonSplit  *self,
                                                      int                case_index);
guint                  dossier_json_split_count      (DossierJsonSplit  *self);
void                   dossier_json_split_place      (DossierJsonSplit  *self,
                                                      guint             *line,
                                                      guint             *column);
gboolean               dossier_json_split_each       (DossierJsonSplit       *self,
                                                      const DossierJsonList  *list,
                                                      DossierJsonEach         func,
                                                      gpointer                user_data,
                                                      GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierJsonSplit, dossier_json_split_free)

G_END_DECLS
