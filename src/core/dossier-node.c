/* dossier-node.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-node"

#include "config.h"

#include "dossier-enums.h"
#include "dossier-node.h"

struct _DossierNode
{
  GObject          parent_instance;
  gint64           id;
  DossierNodeKind  kind;
  char            *slug;
  char            *title;
  char            *subtitle;
  char            *summary;
  char            *date;
};

G_DEFINE_FINAL_TYPE (DossierNode, dossier_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_SLUG,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SUMMARY,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_node_finalize (GObject *object)
{
  DossierNode *self = (DossierNode *)object;

  g_free (self->slug);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->summary);
  g_free (self->date);

  G_OBJECT_CLASS (dossier_node_parent_class)->finalize (object);
}

static void
dossier_node_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DossierNode *self = DOSSIER_NODE (object);

  switch (prop_id)
    {
    case PROP_ID:       g_value_set_int64 (value, self->id); break;
    case PROP_KIND:     g_value_set_enum (value, self->kind); break;
    case PROP_SLUG:     g_value_set_string (value, self->slug); break;
    case PROP_TITLE:    g_value_set_string (value, self->title); break;
    case PROP_SUBTITLE: g_value_set_string (value, self->subtitle); break;
    case PROP_SUMMARY:  g_value_set_string (value, self->summary); break;
    case PROP_DATE:     g_value_set_string (value, self->date); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_node_class_init (DossierNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_node_finalize;
  object_class->get_property = dossier_node_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, DOSSIER_TYPE_NODE_KIND, DOSSIER_NODE_CASE, flags);
  properties[PROP_SLUG] = g_param_spec_string ("slug", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_node_init (DossierNode *self)
{
}

/**
 * dossier_node_new:
 * @date: (nullable): an ISO 8601 date, "YYYY-MM-DD" or "YYYY-MM"
 *
 * Nodes are immutable snapshots of the store: an edit makes the store emit
 * #DossierStore::node-changed and views read the node again.
 */
DossierNode *
dossier_node_new (gint64           id,
                  DossierNodeKind  kind,
                  const char      *slug,
                  const char      *title,
                  const char      *subtitle,
                  const char      *summary,
                  const char      *date)
{
  DossierNode *self = g_object_new (DOSSIER_TYPE_NODE, NULL);

  self->id = id;
  self->kind = kind;
  self->slug = g_strdup (slug ? slug : "");
  self->title = g_strdup (title ? title : "");
  self->subtitle = g_strdup (subtitle ? subtitle : "");
  self->summary = g_strdup (summary ? summary : "");
  self->date = g_strdup (date && *date ? date : NULL);

  return self;
}

gint64
dossier_node_get_id (DossierNode *self)
{
  g_return_val_if_fail (DOSSIER_IS_NODE (self), 0);
  return self->id;
}

DossierNodeKind
dossier_node_get_kind (DossierNode *self)
{
  g_return_val_if_fail (DOSSIER_IS_NODE (self), 0);
  return self->kind;
}

const char *
dossier_node_get_slug (DossierNode *self)
{
  g_return_val_if_fail (DOSSIER_IS_NODE (self), NULL);
  return self->slug;
}

const char *
dossier_node_get_title (DossierNode *self)
{
  g_return_val_if_fail (DOSSIER_IS_NODE (self), NULL);
  return self->title;
}

const char *
dossier_node_get_subtitle (DossierNode *self)
{
  g_return_val_if_fail (DOSSIER_IS_NODE (self), NULL);
  return self->subtitle;
}

const char *
dossier_node_get_summary (DossierNode *self)
{
  g_return_val_if_fail (DOSSIER_IS_NODE (self), NULL);
  return self->summary;
}

/**
 * dossier_node_get_date:
 *
 * Returns: (nullable): the ISO date of an event or of a source's publication
 */
const char *
dossier_node_get_date (DossierNode *self)
{
  g_return_val_if_fail (DOSSIER_IS_NODE (self), NULL);
  return self->date;
}
