/* dossier-vocabulary.c
 *
 * Each list is the one the schema's CHECK constraint allows (version 4),
 * in the order a form offers it, with the words a reader sees. A term is
 * never translated in the database; %NULL there means unknown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-vocabulary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-vocabulary.h"

typedef struct
{
  const char *term;
  const char *label;   /* N_() */
} Term;

static const Term standings[] = {
  { "protester", NC_("standing", "Protester") },
  { "awardee", NC_("standing", "Awardee") },
  { "agency", NC_("standing", "Agency") },
  { "defendant", NC_("standing", "Defendant") },
  { "intervenor", NC_("standing", "Intervenor") },
  { "earlier-protester", NC_("standing", "Earlier protester") },
  { "bidder", NC_("standing", "Bidder") },
  { "court", NC_("standing", "Court or forum") },
  { "judge", NC_("standing", "Judge") },
  { "other", NC_("standing", "Other") },
  { NULL, NULL }
};

static const Term event_kinds[] = {
  { "filing", NC_("event kind", "Filing") },
  { "motion", NC_("event kind", "Motion") },
  { "hearing", NC_("event kind", "Hearing") },
  { "report", NC_("event kind", "Report") },
  { "ruling", NC_("event kind", "Ruling") },
  { "appeal", NC_("event kind", "Appeal") },
  { "award", NC_("event kind", "Award") },
  { "announcement", NC_("event kind", "Announcement") },
  { "deadline", NC_("event kind", "Deadline") },
  { "investigation", NC_("event kind", "Investigation") },
  { "other", NC_("event kind", "Other") },
  { NULL, NULL }
};

static const Term event_statuses[] = {
  { "happened", NC_("event status", "Happened") },
  { "expected", NC_("event status", "Expected") },
  { NULL, NULL }
};

static const Term case_statuses[] = {
  { "open", NC_("case status", "Open") },
  { "decided", NC_("case status", "Decided") },
  { "dismissed", NC_("case status", "Dismissed") },
  { "withdrawn", NC_("case status", "Withdrawn") },
  { "settled", NC_("case status", "Settled") },
  { "closed", NC_("case status", "Closed") },
  { NULL, NULL }
};

/* The order of #DossierStance. */
static const Term stances[] = {
  { "supports", NC_("stance", "Supports") },
  { "contradicts", NC_("stance", "Contradicts") },
  { NULL, NULL }
};

static const Term period_kinds[] = {
  { "quarter", NC_("period kind", "Quarters") },
  { "year", NC_("period kind", "Years") },
  { NULL, NULL }
};

static const struct
{
  const Term *terms;
  const char *context;
} vocabularies[] = {
  [DOSSIER_VOCABULARY_STANDING] = { standings, "standing" },
  [DOSSIER_VOCABULARY_EVENT_KIND] = { event_kinds, "event kind" },
  [DOSSIER_VOCABULARY_EVENT_STATUS] = { event_statuses, "event status" },
  [DOSSIER_VOCABULARY_CASE_STATUS] = { case_statuses, "case status" },
  [DOSSIER_VOCABULARY_STANCE] = { stances, "stance" },
  [DOSSIER_VOCABULARY_PERIOD_KIND] = { period_kinds, "period kind" },
};

/**
 * dossier_vocabulary_get_terms:
 *
 * Returns: (transfer none) (array zero-terminated=1): the terms, in the
 *   order to offer them
 */
const char * const *
dossier_vocabulary_get_terms (DossierVocabulary vocabulary)
{
  static const char **lists[G_N_ELEMENTS (vocabularies)];

  g_return_val_if_fail (vocabulary < G_N_ELEMENTS (vocabularies), NULL);

  if (g_once_init_enter (&lists[vocabulary]))
    {
      GPtrArray *terms = g_ptr_array_new ();

      for (const Term *t = vocabularies[vocabulary].terms; t->term != NULL; t++)
        g_ptr_array_add (terms, (gpointer) t->term);
      g_ptr_array_add (terms, NULL);
      g_once_init_leave (&lists[vocabulary], (const char **) g_ptr_array_free (terms, FALSE));
    }

  return lists[vocabulary];
}

static const Term *
find (DossierVocabulary  vocabulary,
      const char        *term)
{
  g_return_val_if_fail (vocabulary < G_N_ELEMENTS (vocabularies), NULL);

  for (const Term *t = vocabularies[vocabulary].terms; term != NULL && t->term != NULL; t++)
    if (g_str_equal (t->term, term))
      return t;
  return NULL;
}

gboolean
dossier_vocabulary_has_term (DossierVocabulary  vocabulary,
                             const char        *term)
{
  return find (vocabulary, term) != NULL;
}

/**
 * dossier_vocabulary_get_label:
 *
 * Returns: (nullable): what a reader sees for @term, in the UI language,
 *   or %NULL if @term is not one of the list (unknown)
 */
const char *
dossier_vocabulary_get_label (DossierVocabulary  vocabulary,
                              const char        *term)
{
  const Term *t = find (vocabulary, term);

  return t ? g_dpgettext2 (GETTEXT_PACKAGE, vocabularies[vocabulary].context, t->label) : NULL;
}

/* The member's name in files, for messages. */
const char *
dossier_vocabulary_get_name (DossierVocabulary vocabulary)
{
  g_return_val_if_fail (vocabulary < G_N_ELEMENTS (vocabularies), NULL);
  return vocabularies[vocabulary].context;
}
