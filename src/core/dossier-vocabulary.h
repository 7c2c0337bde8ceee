/* dossier-vocabulary.h: the closed lists of terms the database stores as
 * text (a party's standing, an event's kind and status, a case's status)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_VOCABULARY_STANDING,
  DOSSIER_VOCABULARY_EVENT_KIND,
  DOSSIER_VOCABULARY_EVENT_STATUS,
  DOSSIER_VOCABULARY_CASE_STATUS,
  DOSSIER_VOCABULARY_STANCE,
  DOSSIER_VOCABULARY_PERIOD_KIND,
} DossierVocabulary;

const char * const *dossier_vocabulary_get_terms (DossierVocabulary  vocabulary);
gboolean            dossier_vocabulary_has_term  (DossierVocabulary  vocabulary,
                                                  const char        *term);
const char         *dossier_vocabulary_get_label (DossierVocabulary  vocabulary,
                                                  const char        *term);
const char         *dossier_vocabulary_get_name  (DossierVocabulary  vocabulary);

G_END_DECLS
