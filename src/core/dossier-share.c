/* dossier-share.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-share"

#include "config.h"

#include "dossier-share.h"

struct _DossierShare
{
  GObject  parent_instance;
  gint64   organization_id;
  gint64   source_id;
  double   percent;
  char    *name;
  char    *short_name;
  char    *source_publisher;
  char    *source_title;
};

G_DEFINE_FINAL_TYPE (DossierShare, dossier_share, G_TYPE_OBJECT)

static void
dossier_share_finalize (GObject *object)
{
  DossierShare *self = (DossierShare *)object;

  g_free (self->name);
  g_free (self->short_name);
  g_free (self->source_publisher);
  g_free (self->source_title);

  G_OBJECT_CLASS (dossier_share_parent_class)->finalize (object);
}

static void
dossier_share_class_init (DossierShareClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_share_finalize;
}

static void
dossier_share_init (DossierShare *self)
{
}

DossierShare *
dossier_share_new (gint64      organization_id,
                   const char *name,
                   const char *short_name,
                   double      percent,
                   gint64      source_id,
                   const char *source_publisher,
                   const char *source_title)
{
  DossierShare *self = g_object_new (DOSSIER_TYPE_SHARE, NULL);

  self->organization_id = organization_id;
  self->name = g_strdup (name ? name : "");
  self->short_name = g_strdup (short_name && *short_name ? short_name : self->name);
  self->percent = percent;
  self->source_id = source_id;
  self->source_publisher = g_strdup (source_publisher ? source_publisher : "");
  self->source_title = g_strdup (source_title ? source_title : "");

  return self;
}

gint64
dossier_share_get_organization_id (DossierShare *self)
{
  g_return_val_if_fail (DOSSIER_IS_SHARE (self), 0);
  return self->organization_id;
}

const char *
dossier_share_get_name (DossierShare *self)
{
  g_return_val_if_fail (DOSSIER_IS_SHARE (self), NULL);
  return self->name;
}

/**
 * dossier_share_get_short_name:
 *
 * Returns: the name to print under a bar: the short name, or the name
 */
const char *
dossier_share_get_short_name (DossierShare *self)
{
  g_return_val_if_fail (DOSSIER_IS_SHARE (self), NULL);
  return self->short_name;
}

double
dossier_share_get_percent (DossierShare *self)
{
  g_return_val_if_fail (DOSSIER_IS_SHARE (self), 0.);
  return self->percent;
}

gint64
dossier_share_get_source_id (DossierShare *self)
{
  g_return_val_if_fail (DOSSIER_IS_SHARE (self), 0);
  return self->source_id;
}

/**
 * dossier_share_get_source_publisher:
 *
 * Returns: who published the figure ("Synergy Research Group")
 */
const char *
dossier_share_get_source_publisher (DossierShare *self)
{
  g_return_val_if_fail (DOSSIER_IS_SHARE (self), NULL);
  return self->source_publisher;
}

const char *
dossier_share_get_source_title (DossierShare *self)
{
  g_return_val_if_fail (DOSSIER_IS_SHARE (self), NULL);
  return self->source_title;
}
