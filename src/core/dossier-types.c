/* dossier-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-types"

#include "config.h"

#include <string.h>

#include "dossier-types.h"

G_DEFINE_QUARK (dossier-store-error-quark, dossier_store_error)

static const char * const node_kinds[] = {
  [DOSSIER_NODE_CASE] = "case",
  [DOSSIER_NODE_ORGANIZATION] = "organization",
  [DOSSIER_NODE_PERSON] = "person",
  [DOSSIER_NODE_EVENT] = "event",
  [DOSSIER_NODE_SOURCE] = "source",
  [DOSSIER_NODE_ROLE] = "role",
  [DOSSIER_NODE_CLAIM] = "claim",
};

static const char * const stances[] = {
  [DOSSIER_STANCE_SUPPORTS] = "supports",
  [DOSSIER_STANCE_CONTRADICTS] = "contradicts",
};

/* The index of @str in @names, which is the enum value it stands for. */
static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *str,
             guint              *value)
{
  for (guint i = 0; str != NULL && i < n_names; i++)
    {
      if (strcmp (str, names[i]) == 0)
        {
          *value = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
dossier_node_kind_to_string (DossierNodeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (node_kinds), NULL);
  return node_kinds[kind];
}

gboolean
dossier_node_kind_from_string (const char      *str,
                               DossierNodeKind *kind)
{
  guint value;

  if (!lookup_name (node_kinds, G_N_ELEMENTS (node_kinds), str, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

DossierSectionKind
dossier_node_kind_get_section (DossierNodeKind kind)
{
  switch (kind)
    {
    case DOSSIER_NODE_CASE:         return DOSSIER_SECTION_OVERVIEW;
    case DOSSIER_NODE_ORGANIZATION: return DOSSIER_SECTION_ORGANIZATIONS;
    case DOSSIER_NODE_PERSON:       return DOSSIER_SECTION_PEOPLE;
    case DOSSIER_NODE_EVENT:        return DOSSIER_SECTION_TIMELINE;
    case DOSSIER_NODE_SOURCE:       return DOSSIER_SECTION_SOURCES;
    case DOSSIER_NODE_CLAIM:        return DOSSIER_SECTION_CLAIMS;
    case DOSSIER_NODE_ROLE:         return DOSSIER_SECTION_PEOPLE;
    default:                        return DOSSIER_SECTION_NONE;
    }
}

const char *
dossier_stance_to_string (DossierStance stance)
{
  g_return_val_if_fail (stance < G_N_ELEMENTS (stances), NULL);
  return stances[stance];
}

gboolean
dossier_stance_from_string (const char    *str,
                            DossierStance *stance)
{
  guint value;

  if (!lookup_name (stances, G_N_ELEMENTS (stances), str, &value))
    return FALSE;
  *stance = value;
  return TRUE;
}

void
dossier_problem_free (DossierProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

void
dossier_market_break_free (DossierMarketBreak *market_break)
{
  if (market_break == NULL)
    return;
  g_free (market_break->period);
  g_free (market_break->note);
  g_free (market_break);
}
