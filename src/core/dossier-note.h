/* dossier-note.h: a note of the user's, attached to a node, kept apart from
 * what sources say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_NOTE (dossier_note_get_type ())
G_DECLARE_FINAL_TYPE (DossierNote, dossier_note, DOSSIER, NOTE, GObject)

gint64      dossier_note_get_id       (DossierNote *self);
gint64      dossier_note_get_node_id  (DossierNote *self);
const char *dossier_note_get_body     (DossierNote *self);
const char *dossier_note_get_modified (DossierNote *self);

G_END_DECLS
