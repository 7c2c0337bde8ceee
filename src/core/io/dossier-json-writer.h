/* dossier-json-writer.h: writes JSON text as it goes, indented, numbers in
 * their shortest exact form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DossierJsonWriter DossierJsonWriter;

DossierJsonWriter *dossier_json_writer_new          (void);
void               dossier_json_writer_free         (DossierJsonWriter *self);
GBytes            *dossier_json_writer_steal_bytes  (DossierJsonWriter *self);

void               dossier_json_writer_begin_object (DossierJsonWriter *self);
void               dossier_json_writer_end_object   (DossierJsonWriter *self);
void               dossier_json_writer_begin_array  (DossierJsonWriter *self);
void               dossier_json_writer_end_array    (DossierJsonWriter *self);
void               dossier_json_writer_member       (DossierJsonWriter *self,
                                                     const char        *name);
void               dossier_json_writer_string       (DossierJsonWriter *self,
                                                     const char        *value);
void               dossier_json_writer_int          (DossierJsonWriter *self,
                                                     gint64             value);
void               dossier_json_writer_double       (DossierJsonWriter *self,
                                                     double             value);
void               dossier_json_writer_boolean      (DossierJsonWriter *self,
                                                     gboolean           value);
void               dossier_json_writer_opt_string   (DossierJsonWriter *self,
                                                     const char        *name,
                                                     const char        *value);

const char        *dossier_json_format_number       (double             value,
                                                     char              *buffer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierJsonWriter, dossier_json_writer_free)

G_END_DECLS
