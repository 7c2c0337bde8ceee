/* dossier-search-hit.c
 *
 * What a search found: a node, the case file it is seen in, the language
 * of the text that matched ("" for a name, "note" for a note of the
 * user's), and an excerpt of that text with the matched words between
 * DOSSIER_SEARCH_MATCH_START and _END, for a view to mark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-search"

#include "config.h"

#include "dossier-node.h"
#include "dossier-search-hit.h"

struct _DossierSearchHit
{
  GObject      parent_instance;
  DossierNode *node;
  gint64       case_id;
  char        *language;
  char        *excerpt;
};

G_DEFINE_FINAL_TYPE (DossierSearchHit, dossier_search_hit, G_TYPE_OBJECT)

static void
dossier_search_hit_finalize (GObject *object)
{
  DossierSearchHit *self = DOSSIER_SEARCH_HIT (object);

  g_clear_object (&self->node);
  g_free (self->language);
  g_free (self->excerpt);
  G_OBJECT_CLASS (dossier_search_hit_parent_class)->finalize (object);
}

static void
dossier_search_hit_class_init (DossierSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_search_hit_finalize;
}

static void
dossier_search_hit_init (DossierSearchHit *self)
{
}

DossierSearchHit *
dossier_search_hit_new (DossierNode *node,
                        gint64       case_id,
                        const char  *language,
                        const char  *excerpt)
{
  DossierSearchHit *self = g_object_new (DOSSIER_TYPE_SEARCH_HIT, NULL);

  self->node = g_object_ref (node);
  self->case_id = case_id;
  self->language = g_strdup (language ? language : "");
  self->excerpt = g_strdup (excerpt ? excerpt : "");
  return self;
}

DossierNode *
dossier_search_hit_get_node (DossierSearchHit *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT (self), NULL);
  return self->node;
}

gint64
dossier_search_hit_get_case_id (DossierSearchHit *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT (self), 0);
  return self->case_id;
}

/**
 * dossier_search_hit_get_language:
 *
 * Returns: the language of the text that matched ("en", "fr"), "" for a
 *   name, or "note" for a note of the user's
 */
const char *
dossier_search_hit_get_language (DossierSearchHit *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT (self), NULL);
  return self->language;
}

const char *
dossier_search_hit_get_excerpt (DossierSearchHit *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT (self), NULL);
  return self->excerpt;
}
