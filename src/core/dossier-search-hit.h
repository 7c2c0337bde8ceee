/* dossier-search-hit.h: one result of a search: the node found, where, in
 * which language, and the words that matched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_HIT (dossier_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchHit, dossier_search_hit, DOSSIER, SEARCH_HIT, GObject)

/* Around each matched word in dossier_search_hit_get_excerpt(). */
#define DOSSIER_SEARCH_MATCH_START "\002"
#define DOSSIER_SEARCH_MATCH_END   "\003"

DossierSearchHit *dossier_search_hit_new         (DossierNode *node,
                                                  gint64       case_id,
                                                  const char  *language,
                                                  const char  *excerpt);
DossierNode      *dossier_search_hit_get_node    (DossierSearchHit *self);
gint64            dossier_search_hit_get_case_id (DossierSearchHit *self);
const char       *dossier_search_hit_get_language (DossierSearchHit *self);
const char       *dossier_search_hit_get_excerpt (DossierSearchHit *self);

G_END_DECLS
