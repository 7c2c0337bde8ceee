/* dossier-note.c
 *
 * A note as the database has it: its text and when it was last changed
 * (UTC, ISO 8601). Notes are read afresh for each page, so a note does not
 * change once made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-note"

#include "config.h"

#include "dossier-note.h"

struct _DossierNote
{
  GObject  parent_instance;
  gint64   id;
  gint64   node_id;
  char    *body;
  char    *modified;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NODE_ID,
  PROP_BODY,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DossierNote, dossier_note, G_TYPE_OBJECT)

static void
dossier_note_finalize (GObject *object)
{
  DossierNote *self = DOSSIER_NOTE (object);

  g_free (self->body);
  g_free (self->modified);
  G_OBJECT_CLASS (dossier_note_parent_class)->finalize (object);
}

static void
dossier_note_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DossierNote *self = DOSSIER_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:       g_value_set_int64 (value, self->id); break;
    case PROP_NODE_ID:  g_value_set_int64 (value, self->node_id); break;
    case PROP_BODY:     g_value_set_string (value, self->body); break;
    case PROP_MODIFIED: g_value_set_string (value, self->modified); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_note_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DossierNote *self = DOSSIER_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:       self->id = g_value_get_int64 (value); break;
    case PROP_NODE_ID:  self->node_id = g_value_get_int64 (value); break;
    case PROP_BODY:     self->body = g_value_dup_string (value); break;
    case PROP_MODIFIED: self->modified = g_value_dup_string (value); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_note_class_init (DossierNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_note_finalize;
  object_class->get_property = dossier_note_get_property;
  object_class->set_property = dossier_note_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NODE_ID] = g_param_spec_int64 ("node-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "", flags);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_note_init (DossierNote *self)
{
}

gint64
dossier_note_get_id (DossierNote *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTE (self), 0);
  return self->id;
}

gint64
dossier_note_get_node_id (DossierNote *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTE (self), 0);
  return self->node_id;
}

const char *
dossier_note_get_body (DossierNote *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTE (self), NULL);
  return self->body ? self->body : "";
}

const char *
dossier_note_get_modified (DossierNote *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTE (self), NULL);
  return self->modified ? self->modified : "";
}
