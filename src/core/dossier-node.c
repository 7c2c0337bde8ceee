/* dossier-node.c
 *
 * A node holds raw fields, as the database has them in the store's
 * language; wording them for a reader ("No. 19-1796C · …") is the format
 * layer's job. Nodes handed out by a #DossierNodeList stay live: when the
 * store commits a change to one, the list reads it again and the node
 * notifies the properties that changed, so views bound to it follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-node"

#include "config.h"

#include "dossier-enums.h"
#include "dossier-node-private.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_SLUG,
  /* The fields below can change, and are copied by _dossier_node_update(). */
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_DATE,
  PROP_ROLE,
  PROP_PUBLISHER,
  PROP_DOCKET,
  PROP_COURT,
  PROP_STATUS,
  PROP_EVENT_KIND,
  PROP_STANDING,
  PROP_JUDGE,
  PROP_AUTHOR,
  PROP_URL,
  PROP_END_DATE,
  PROP_LANGUAGE,
  PROP_HOLDER,
  PROP_HOLDER_ID,
  PROP_PARENT,
  PROP_PARENT_ID,
  N_PROPS
};

#define FIRST_TEXT PROP_TITLE
#define N_TEXTS (N_PROPS - FIRST_TEXT)

struct _DossierNode
{
  GObject          parent_instance;
  gint64           id;
  DossierNodeKind  kind;
  char            *slug;
  char            *texts[N_TEXTS];   /* never NULL, but date may be "" */
};

G_DEFINE_FINAL_TYPE (DossierNode, dossier_node, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
dossier_node_finalize (GObject *object)
{
  DossierNode *self = (DossierNode *)object;

  g_free (self->slug);
  for (guint i = 0; i < N_TEXTS; i++)
    g_free (self->texts[i]);

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
    case PROP_ID:   g_value_set_int64 (value, self->id); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_SLUG: g_value_set_string (value, self->slug); break;
    default:
      if (prop_id >= FIRST_TEXT && prop_id < N_PROPS)
        g_value_set_string (value, self->texts[prop_id - FIRST_TEXT]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_node_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DossierNode *self = DOSSIER_NODE (object);
  const char *text;

  switch (prop_id)
    {
    case PROP_ID:   self->id = g_value_get_int64 (value); break;
    case PROP_KIND: self->kind = g_value_get_enum (value); break;
    case PROP_SLUG: self->slug = g_value_dup_string (value); break;
    default:
      if (prop_id >= FIRST_TEXT && prop_id < N_PROPS)
        {
          text = g_value_get_string (value);
          g_free (self->texts[prop_id - FIRST_TEXT]);
          self->texts[prop_id - FIRST_TEXT] = g_strdup (text ? text : "");
        }
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_node_class_init (DossierNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  static const char * const text_names[N_TEXTS] = {
    "title", "summary", "date", "role", "publisher", "docket", "court",
    "status", "event-kind", "standing", "judge", "author", "url", "end-date", "language",
    "holder", "holder-id", "parent", "parent-id",
  };

  object_class->finalize = dossier_node_finalize;
  object_class->get_property = dossier_node_get_property;
  object_class->set_property = dossier_node_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, DOSSIER_TYPE_NODE_KIND, DOSSIER_NODE_CASE, flags);
  properties[PROP_SLUG] = g_param_spec_string ("slug", NULL, NULL, "", flags);
  /* Written at construction, then only by _dossier_node_update(), which
   * notifies them. */
  for (guint i = 0; i < N_TEXTS; i++)
    properties[FIRST_TEXT + i] = g_param_spec_string (text_names[i], NULL, NULL, "",
                                                      flags | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_node_init (DossierNode *self)
{
  for (guint i = 0; i < N_TEXTS; i++)
    self->texts[i] = g_strdup ("");
}

/*
 * _dossier_node_update:
 * @fresh: the same node, read again
 *
 * Takes the fields of @fresh and notifies those that changed.
 */
void
_dossier_node_update (DossierNode *self,
                      DossierNode *fresh)
{
  g_return_if_fail (DOSSIER_IS_NODE (self));
  g_return_if_fail (DOSSIER_IS_NODE (fresh));
  g_return_if_fail (self->id == fresh->id);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < N_TEXTS; i++)
    {
      if (g_strcmp0 (self->texts[i], fresh->texts[i]) != 0)
        {
          g_free (self->texts[i]);
          self->texts[i] = g_strdup (fresh->texts[i]);
          g_object_notify_by_pspec (G_OBJECT (self), properties[FIRST_TEXT + i]);
        }
    }
  g_object_thaw_notify (G_OBJECT (self));
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
  return self->slug ? self->slug : "";
}

static const char *
get_text (DossierNode *self,
          guint        prop_id)
{
  g_return_val_if_fail (DOSSIER_IS_NODE (self), NULL);
  return self->texts[prop_id - FIRST_TEXT];
}

/**
 * dossier_node_get_title:
 *
 * Returns: the title in the store's language, else in English, else the
 *   node's name
 */
const char *
dossier_node_get_title (DossierNode *self)
{
  return get_text (self, PROP_TITLE);
}

const char *
dossier_node_get_summary (DossierNode *self)
{
  return get_text (self, PROP_SUMMARY);
}

/**
 * dossier_node_get_date:
 *
 * Returns: (nullable): the ISO date of an event, of a source's publication
 *   or of a case file's filing, or %NULL
 */
const char *
dossier_node_get_date (DossierNode *self)
{
  const char *date = get_text (self, PROP_DATE);

  return date != NULL && *date != '\0' ? date : NULL;
}

/**
 * dossier_node_get_role:
 *
 * Returns: an organization's or a person's role in the case file it was
 *   read for ("Protester (plaintiff)"), or ""
 */
const char *
dossier_node_get_role (DossierNode *self)
{
  return get_text (self, PROP_ROLE);
}

/**
 * dossier_node_get_publisher:
 *
 * Returns: who published a source, or ""
 */
const char *
dossier_node_get_publisher (DossierNode *self)
{
  return get_text (self, PROP_PUBLISHER);
}

/**
 * dossier_node_get_docket:
 *
 * Returns: a case file's docket number as the court writes it ("19-1796C"),
 *   or ""
 */
const char *
dossier_node_get_docket (DossierNode *self)
{
  return get_text (self, PROP_DOCKET);
}

/**
 * dossier_node_get_court:
 *
 * Returns: the name of a case file's court in the store's language, or ""
 */
const char *
dossier_node_get_court (DossierNode *self)
{
  return get_text (self, PROP_COURT);
}

/* The fields of version 4 of the schema. "" is unknown. */

/**
 * dossier_node_get_status:
 *
 * Returns: a case file's status ("open", "decided"…) or an event's
 *   ("happened", "expected"), as a term of dossier-vocabulary.h, or ""
 */
const char *
dossier_node_get_status (DossierNode *self)
{
  return get_text (self, PROP_STATUS);
}

/**
 * dossier_node_get_event_kind:
 *
 * Returns: an event's kind ("filing", "ruling"…), or ""
 */
const char *
dossier_node_get_event_kind (DossierNode *self)
{
  return get_text (self, PROP_EVENT_KIND);
}

/**
 * dossier_node_get_standing:
 *
 * Returns: a party's standing in the case file it was read for
 *   ("protester"…), or ""
 */
const char *
dossier_node_get_standing (DossierNode *self)
{
  return get_text (self, PROP_STANDING);
}

/** dossier_node_get_judge: Returns: a case file's judge, or "" */
const char *
dossier_node_get_judge (DossierNode *self)
{
  return get_text (self, PROP_JUDGE);
}

/** dossier_node_get_author: Returns: a source's author, or "" */
const char *
dossier_node_get_author (DossierNode *self)
{
  return get_text (self, PROP_AUTHOR);
}

/** dossier_node_get_url: Returns: a source's address, or "" */
const char *
dossier_node_get_url (DossierNode *self)
{
  return get_text (self, PROP_URL);
}

/**
 * dossier_node_get_end_date:
 *
 * Returns: (nullable): the ISO date a role ended, or %NULL (still held, or
 *   unknown); dossier_node_get_date() is when it started
 */
const char *
dossier_node_get_end_date (DossierNode *self)
{
  const char *date = get_text (self, PROP_END_DATE);

  return date != NULL && *date != '\0' ? date : NULL;
}

/** dossier_node_get_language: Returns: the language a source is written in ("en"), or "" */
const char *
dossier_node_get_language (DossierNode *self)
{
  return get_text (self, PROP_LANGUAGE);
}

/**
 * dossier_node_get_holder:
 *
 * Returns: the name of the person holding a role, or of who makes a claim,
 *   or ""
 */
const char *
dossier_node_get_holder (DossierNode *self)
{
  return get_text (self, PROP_HOLDER);
}

gint64
dossier_node_get_holder_id (DossierNode *self)
{
  return g_ascii_strtoll (get_text (self, PROP_HOLDER_ID), NULL, 10);
}

/**
 * dossier_node_get_parent:
 *
 * Returns: the name of the organization a role is held at, or of an
 *   organization's parent, or ""
 */
const char *
dossier_node_get_parent (DossierNode *self)
{
  return get_text (self, PROP_PARENT);
}

gint64
dossier_node_get_parent_id (DossierNode *self)
{
  return g_ascii_strtoll (get_text (self, PROP_PARENT_ID), NULL, 10);
}
