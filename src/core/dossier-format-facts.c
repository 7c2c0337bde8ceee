/* dossier-format-facts.c
 *
 * The wording of what version 4 of the schema added to a node: the facts a
 * page lists under its heading ("Judge", "Status", "Known to the month"),
 * and how a role or a claim is named in a list. Unknown values are left
 * out, never shown as zero or as an empty "Unknown" everywhere; where an
 * unknown value matters to a reader (a case file's status), it says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-format.h"
#include "dossier-node.h"
#include "dossier-period.h"
#include "dossier-vocabulary.h"

static void
add (GPtrArray  *facts,
     const char *label,
     char       *value)
{
  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return;
    }
  g_ptr_array_add (facts, g_strdup (label));
  g_ptr_array_add (facts, value);
}

static char *
term (DossierVocabulary  vocabulary,
      const char        *value)
{
  return g_strdup (dossier_vocabulary_get_label (vocabulary, value));
}

/* "Known to the month", for a date that is not a day. */
static char *
precision (const char *iso_date)
{
  switch (dossier_date_get_precision (iso_date))
    {
    case DOSSIER_DATE_YEAR:  return g_strdup (_("Known to the year"));
    case DOSSIER_DATE_MONTH: return g_strdup (_("Known to the month"));
    case DOSSIER_DATE_DAY:
    case DOSSIER_DATE_UNKNOWN:
    default:                 return NULL;
    }
}

/**
 * dossier_format_role_span:
 *
 * Returns: (nullable): when a role was held ("from January 2020",
 *   "until 2019", "January 2018 – March 2020"), or %NULL if unknown
 */
char *
dossier_format_role_span (DossierNode *role)
{
  g_autofree char *from = dossier_format_date (dossier_node_get_date (role));
  g_autofree char *to = dossier_format_date (dossier_node_get_end_date (role));

  if (from != NULL && to != NULL)
    /* Translators: when a role was held: 1 start, 2 end */
    return g_strdup_printf (_("%1$s – %2$s"), from, to);
  if (from != NULL)
    /* Translators: when a role was held, its end unknown or still held */
    return g_strdup_printf (_("from %s"), from);
  if (to != NULL)
    /* Translators: when a role was held, its start unknown */
    return g_strdup_printf (_("until %s"), to);
  return NULL;
}

/**
 * dossier_format_node_facts:
 *
 * Returns: (transfer full): label, value, label, value…: what a page says
 *   of a node besides its title, date and summary
 */
char **
dossier_format_node_facts (DossierNode *node)
{
  GPtrArray *facts = g_ptr_array_new ();

  g_return_val_if_fail (DOSSIER_IS_NODE (node), NULL);

  switch (dossier_node_get_kind (node))
    {
    case DOSSIER_NODE_CASE:
      add (facts, _("Judge"), g_strdup (dossier_node_get_judge (node)));
      add (facts, _("Status"), *dossier_node_get_status (node)
                               ? term (DOSSIER_VOCABULARY_CASE_STATUS, dossier_node_get_status (node))
                               : g_strdup (_("Not known")));
      break;

    case DOSSIER_NODE_EVENT:
      add (facts, _("Kind"), term (DOSSIER_VOCABULARY_EVENT_KIND, dossier_node_get_event_kind (node)));
      add (facts, _("Status"), term (DOSSIER_VOCABULARY_EVENT_STATUS, dossier_node_get_status (node)));
      add (facts, _("Date"), precision (dossier_node_get_date (node)));
      break;

    case DOSSIER_NODE_SOURCE:
      add (facts, _("Author"), g_strdup (dossier_node_get_author (node)));
      add (facts, _("Language"), g_strdup (dossier_node_get_language (node)));
      add (facts, _("Date"), precision (dossier_node_get_date (node)));
      add (facts, _("Address"), g_strdup (*dossier_node_get_url (node) ? dossier_node_get_url (node)
                                                                        : _("Not found")));
      break;

    case DOSSIER_NODE_ORGANIZATION:
      add (facts, _("Standing"), term (DOSSIER_VOCABULARY_STANDING, dossier_node_get_standing (node)));
      break;

    case DOSSIER_NODE_PERSON:
      add (facts, _("Standing"), term (DOSSIER_VOCABULARY_STANDING, dossier_node_get_standing (node)));
      break;

    case DOSSIER_NODE_CLAIM:
      /* Who made it is a link of its own. */
      add (facts, _("Date"), precision (dossier_node_get_date (node)));
      break;

    case DOSSIER_NODE_ROLE:
      /* Who and where are links of their own; when, the span under the
       * title. */
      break;

    default:
      break;
    }

  g_ptr_array_add (facts, NULL);
  return (char **) g_ptr_array_free (facts, FALSE);
}

/**
 * dossier_format_role:
 * @for_person: name the organization (on a person's page) rather than the
 *   person (on an organization's)
 *
 * Returns: a role in a list: "Head of marketing, Amazon Web Services, from
 *   January 2020" or "Rachel Thornton, Head of marketing"
 */
char *
dossier_format_role (DossierNode *role,
                     gboolean     for_person)
{
  g_autofree char *span = dossier_format_role_span (role);
  const char *title = dossier_node_get_title (role);
  const char *other = for_person ? dossier_node_get_parent (role) : dossier_node_get_holder (role);

  if (for_person)
    return span ? /* Translators: a role on a person's page: 1 title, 2 organization, 3 when */
                  g_strdup_printf (_("%1$s, %2$s, %3$s"), title, other, span)
                : /* Translators: a role on a person's page: 1 title, 2 organization */
                  g_strdup_printf (_("%1$s, %2$s"), title, other);

  return span ? /* Translators: a role on an organization's page: 1 person, 2 title, 3 when */
                g_strdup_printf (_("%1$s, %2$s, %3$s"), other, title, span)
              : /* Translators: a role on an organization's page: 1 person, 2 title */
                g_strdup_printf (_("%1$s, %2$s"), other, title);
}
