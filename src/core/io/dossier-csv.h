/* dossier-csv.h: CSV as RFC 4180 has it, read strictly and written back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest field read: a note of a few paragraphs, not a pasted file. */
#define DOSSIER_CSV_MAX_FIELD 10000

typedef struct
{
  guint     line;     /* where the record starts, from 1 */
  gsize     end;      /* the byte where it ends: how far the reading is */
  GStrv     fields;
  gboolean *quoted;   /* for each field, whether it was in quotes */
} DossierCsvRecord;

/* Given each record in turn; %FALSE stops the reading. */
typedef gboolean (*DossierCsvEach) (DossierCsvRecord *record,
                                    gpointer          user_data);

gboolean   dossier_csv_parse_each   (const char      *data,
                                     gsize            size,
                                     DossierCsvEach   each,
                                     gpointer         user_data,
                                     guint           *n_records,
                                     guint           *error_line,
                                     char           **error_message);
gboolean   dossier_csv_parse_stream (GInputStream    *stream,
                                     gsize            piece_size,
                                     DossierCsvEach   each,
                                     gpointer         user_data,
                                     guint           *n_records,
                                     guint           *error_line,
                                     char           **error_message,
                                     GCancellable    *cancellable,
                                     GError         **error);
GPtrArray *dossier_csv_parse        (const char  *data,
                                     gsize        size,
                                     guint       *error_line,
                                     char       **error_message);
void       dossier_csv_append_field (GString     *out,
                                     const char  *field);

G_END_DECLS
