/* dossier-fields.c
 *
 * One table per kind of node says what a form shows and what the store
 * writes: the same checks run as the user types (the form says what is
 * wrong before saving) and in the store (nothing unchecked is written,
 * whoever calls it). Values are text: "" is unknown, a node is its id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-fields"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-fields.h"
#include "dossier-period.h"

#define ORGANIZATIONS (1u << DOSSIER_NODE_ORGANIZATION)
#define PEOPLE        (1u << DOSSIER_NODE_PERSON)

static const DossierField case_fields[] = {
  { "title", N_("_Title"), DOSSIER_FIELD_TEXT, TRUE, 0, 0, NULL },
  { "docket", N_("_Docket number"), DOSSIER_FIELD_TEXT, FALSE, 0, 0, N_("As the court writes it, such as 19-1796C") },
  { "court", N_("_Court"), DOSSIER_FIELD_NODE, FALSE, 0, ORGANIZATIONS, NULL },
  { "judge", N_("_Judge"), DOSSIER_FIELD_TEXT, FALSE, 0, 0, NULL },
  { "status", N_("_Status"), DOSSIER_FIELD_TERM, FALSE, DOSSIER_VOCABULARY_CASE_STATUS, 0, NULL },
  { "filed", N_("_Filed on"), DOSSIER_FIELD_DATE, FALSE, 0, 0, NULL },
  { "summary", N_("S_ummary"), DOSSIER_FIELD_LONG_TEXT, FALSE, 0, 0, NULL },
};

static const DossierField organization_fields[] = {
  { "name", N_("_Name"), DOSSIER_FIELD_TEXT, TRUE, 0, 0, NULL },
  { "short_name", N_("S_hort name"), DOSSIER_FIELD_TEXT, FALSE, 0, 0, N_("Such as AWS") },
  { "parent", N_("_Part of"), DOSSIER_FIELD_NODE, FALSE, 0, ORGANIZATIONS, NULL },
  { "standing", N_("S_tanding in this case"), DOSSIER_FIELD_TERM, FALSE, DOSSIER_VOCABULARY_STANDING, 0, NULL },
  { "role", N_("_Role in this case"), DOSSIER_FIELD_TEXT, FALSE, 0, 0, N_("Such as Protester (plaintiff)") },
  { "summary", N_("S_ummary"), DOSSIER_FIELD_LONG_TEXT, FALSE, 0, 0, NULL },
};

static const DossierField person_fields[] = {
  { "name", N_("_Name"), DOSSIER_FIELD_TEXT, TRUE, 0, 0, NULL },
  { "standing", N_("S_tanding in this case"), DOSSIER_FIELD_TERM, FALSE, DOSSIER_VOCABULARY_STANDING, 0, NULL },
  { "role", N_("_Role in this case"), DOSSIER_FIELD_TEXT, FALSE, 0, 0, N_("Such as Judge, AWS case") },
  { "summary", N_("S_ummary"), DOSSIER_FIELD_LONG_TEXT, FALSE, 0, 0, NULL },
};

static const DossierField role_fields[] = {
  { "person", N_("_Person"), DOSSIER_FIELD_NODE, TRUE, 0, PEOPLE, NULL },
  { "title", N_("_Title"), DOSSIER_FIELD_TEXT, TRUE, 0, 0, N_("Such as Head of marketing") },
  { "organization", N_("_Organization"), DOSSIER_FIELD_NODE, TRUE, 0, ORGANIZATIONS, NULL },
  { "started", N_("_From"), DOSSIER_FIELD_DATE, FALSE, 0, 0, NULL },
  { "ended", N_("_To"), DOSSIER_FIELD_DATE, FALSE, 0, 0, NULL },
  { "summary", N_("_Note"), DOSSIER_FIELD_LONG_TEXT, FALSE, 0, 0, NULL },
};

static const DossierField event_fields[] = {
  { "title", N_("_Title"), DOSSIER_FIELD_TEXT, TRUE, 0, 0, N_("What happened, in a few words") },
  { "date", N_("_Date"), DOSSIER_FIELD_DATE, TRUE, 0, 0, NULL },
  { "kind", N_("_Kind"), DOSSIER_FIELD_TERM, FALSE, DOSSIER_VOCABULARY_EVENT_KIND, 0, NULL },
  { "status", N_("_Status"), DOSSIER_FIELD_TERM, TRUE, DOSSIER_VOCABULARY_EVENT_STATUS, 0, NULL },
  { "summary", N_("S_ummary"), DOSSIER_FIELD_LONG_TEXT, FALSE, 0, 0, NULL },
};

static const DossierField claim_fields[] = {
  { "title", N_("_Claim"), DOSSIER_FIELD_TEXT, TRUE, 0, 0, N_("What is asserted, in a few words") },
  { "claimant", N_("_Made by"), DOSSIER_FIELD_NODE, FALSE, 0, ORGANIZATIONS | PEOPLE, NULL },
  { "made", N_("_Date"), DOSSIER_FIELD_DATE, FALSE, 0, 0, NULL },
  { "summary", N_("_In full"), DOSSIER_FIELD_LONG_TEXT, FALSE, 0, 0, NULL },
};

static const DossierField source_fields[] = {
  { "publisher", N_("_Publisher"), DOSSIER_FIELD_TEXT, TRUE, 0, 0, NULL },
  { "title", N_("_Headline"), DOSSIER_FIELD_TEXT, TRUE, 0, 0, N_("As published") },
  { "author", N_("_Author"), DOSSIER_FIELD_TEXT, FALSE, 0, 0, NULL },
  { "published", N_("_Date"), DOSSIER_FIELD_DATE, FALSE, 0, 0, NULL },
  { "url", N_("_Address"), DOSSIER_FIELD_URL, FALSE, 0, 0, "https://" },
  { "lang", N_("_Language"), DOSSIER_FIELD_LANGUAGE, FALSE, 0, 0, N_("Such as en or fr") },
  { "summary", N_("_Note"), DOSSIER_FIELD_LONG_TEXT, FALSE, 0, 0, NULL },
};

static const DossierField note_fields[] = {
  { "body", N_("_Note"), DOSSIER_FIELD_LONG_TEXT, TRUE, 0, 0, NULL },
};

static const DossierField citation_fields[] = {
  { "source", N_("_Source"), DOSSIER_FIELD_NODE, TRUE, 0, 1u << DOSSIER_NODE_SOURCE, NULL },
  { "stance", N_("_Stance"), DOSSIER_FIELD_TERM, TRUE, DOSSIER_VOCABULARY_STANCE, 0, NULL },
};

static const DossierField series_fields[] = {
  { "firm", N_("_Firm"), DOSSIER_FIELD_TEXT, TRUE, 0, 0, N_("Who measured it, such as Synergy Research Group") },
  { "market", N_("_Market"), DOSSIER_FIELD_TEXT, TRUE, 0, 0, N_("As the firm defines it, and where") },
  { "period_kind", N_("_Periods"), DOSSIER_FIELD_TERM, TRUE, DOSSIER_VOCABULARY_PERIOD_KIND, 0, NULL },
  { "source", N_("_Source"), DOSSIER_FIELD_NODE, TRUE, 0, 1u << DOSSIER_NODE_SOURCE, NULL },
  { "figures", N_("_Figures"), DOSSIER_FIELD_LONG_TEXT, TRUE, 0, 0,
    N_("One a line: the period, the organization, its share (2019-Q3 AWS 39). A share not given is unknown.") },
  { "breaks", N_("_Breaks in method"), DOSSIER_FIELD_LONG_TEXT, FALSE, 0, 0,
    N_("One a line: the period, the organization if one, a colon, what changed") },
  { "note", N_("_Note"), DOSSIER_FIELD_LONG_TEXT, FALSE, 0, 0, NULL },
};

/**
 * dossier_fields_get_series:
 *
 * Returns: (array length=n_fields): the form of a new market series
 */
const DossierField *
dossier_fields_get_series (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (series_fields);
  return series_fields;
}

/**
 * dossier_fields_get_note:
 *
 * Returns: (array length=n_fields): the form of a note of the user's
 */
const DossierField *
dossier_fields_get_note (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (note_fields);
  return note_fields;
}

/**
 * dossier_fields_get_citation:
 *
 * Returns: (array length=n_fields): the form that cites a source: which,
 *   and whether it supports or contradicts
 */
const DossierField *
dossier_fields_get_citation (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (citation_fields);
  return citation_fields;
}

/**
 * dossier_fields_get:
 *
 * Returns: (array length=n_fields): what a form for @kind shows, in order
 */
const DossierField *
dossier_fields_get (DossierNodeKind  kind,
                    guint           *n_fields)
{
#define FIELDS(table) (*n_fields = G_N_ELEMENTS (table), table)
  switch (kind)
    {
    case DOSSIER_NODE_CASE:         return FIELDS (case_fields);
    case DOSSIER_NODE_ORGANIZATION: return FIELDS (organization_fields);
    case DOSSIER_NODE_PERSON:       return FIELDS (person_fields);
    case DOSSIER_NODE_ROLE:         return FIELDS (role_fields);
    case DOSSIER_NODE_EVENT:        return FIELDS (event_fields);
    case DOSSIER_NODE_CLAIM:        return FIELDS (claim_fields);
    case DOSSIER_NODE_SOURCE:       return FIELDS (source_fields);
    default:                        *n_fields = 0; return NULL;
    }
#undef FIELDS
}

/**
 * dossier_field_validate:
 * @value: (nullable): the value as typed ("" or %NULL for none)
 * @message: (out) (optional): what is wrong, for the user, in the UI
 *   language
 *
 * Returns: whether @value can be written in @field
 */
gboolean
dossier_field_validate (const DossierField  *field,
                        const char          *value,
                        char               **message)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));
  char *problem = NULL;

  if (*trimmed == '\0')
    {
      if (field->required)
        problem = g_strdup (field->type == DOSSIER_FIELD_NODE || field->type == DOSSIER_FIELD_TERM
                            ? _("Choose one") : _("This cannot be left empty"));
    }
  else
    switch (field->type)
      {
      case DOSSIER_FIELD_DATE:
        if (!dossier_date_parse (trimmed, NULL, NULL, NULL))
          /* Translators: %s is what was typed */
          problem = g_strdup_printf (_("“%s” is not a date: write 2019-10-25, 2019-10 or 2019"), trimmed);
        break;

      case DOSSIER_FIELD_TERM:
        if (!dossier_vocabulary_has_term (field->vocabulary, trimmed))
          problem = g_strdup (_("Choose one of the list"));
        break;

      case DOSSIER_FIELD_NODE:
        {
          char *end = NULL;
          gint64 id = g_ascii_strtoll (trimmed, &end, 10);

          if (id <= 0 || end == NULL || *end != '\0')
            problem = g_strdup (_("Choose one of the list"));
        }
        break;

      case DOSSIER_FIELD_URL:
        if ((!g_str_has_prefix (trimmed, "https://") && !g_str_has_prefix (trimmed, "http://")) ||
            strlen (trimmed) < strlen ("http://x") || strpbrk (trimmed, " \t\n") != NULL)
          problem = g_strdup (_("An address starts with https:// or http:// and has no spaces"));
        break;

      case DOSSIER_FIELD_LANGUAGE:
        {
          gboolean ok = strlen (trimmed) >= 2 && strlen (trimmed) <= 8;

          for (const char *c = trimmed; ok && *c; c++)
            ok = g_ascii_islower (*c) || *c == '-';
          if (!ok)
            problem = g_strdup (_("A language code, such as en or fr"));
        }
        break;

      case DOSSIER_FIELD_TEXT:
      case DOSSIER_FIELD_LONG_TEXT:
      default:
        break;
      }

  if (message != NULL)
    *message = problem;
  else
    g_free (problem);
  return problem == NULL;
}

/**
 * dossier_fields_validate:
 * @values: key → text; keys it lacks are unknown
 *
 * Checks every field of @kind, and that a span does not end before it
 * starts. The error names the field.
 */
gboolean
dossier_fields_validate (DossierNodeKind   kind,
                         GHashTable       *values,
                         GError          **error)
{
  guint n_fields;
  const DossierField *fields = dossier_fields_get (kind, &n_fields);
  const char *started, *ended;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *message = NULL;

      if (!dossier_field_validate (&fields[i], g_hash_table_lookup (values, fields[i].key), &message))
        {
          g_autofree char *label = g_strdup (g_dgettext (GETTEXT_PACKAGE, fields[i].label));

          /* The label without its mnemonic. */
          for (char *p = label; (p = strchr (p, '_')) != NULL;)
            memmove (p, p + 1, strlen (p));
          /* Translators: 1 a field's label, 2 what is wrong with it */
          g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID, _("%1$s: %2$s"), label, message);
          return FALSE;
        }
    }

  started = g_hash_table_lookup (values, "started");
  ended = g_hash_table_lookup (values, "ended");
  if (started != NULL && ended != NULL && *started && *ended && strcmp (ended, started) < 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("A role cannot end (%s) before it starts (%s)"), ended, started);
      return FALSE;
    }

  return TRUE;
}

/**
 * dossier_percent_parse:
 * @text: a share as typed: "31.5", "31,5" or "31,5 %"
 * @message: (out) (optional): what is wrong
 *
 * Returns: whether @text is a share between 0 and 100
 */
gboolean
dossier_percent_parse (const char  *text,
                       double      *percent,
                       char       **message)
{
  g_autoptr(GString) number = g_string_new (NULL);
  char *end = NULL;
  double value;

  for (const char *c = text ? text : ""; *c; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (ch == ',')
        g_string_append_c (number, '.');
      else if (ch == '%' || g_unichar_isspace (ch) || ch == 0x202f || ch == 0xa0)
        continue;
      else
        g_string_append_unichar (number, ch);
    }

  value = g_ascii_strtod (number->str, &end);
  if (number->len == 0 || end == NULL || *end != '\0' || !(value >= 0. && value <= 100.))
    {
      if (message != NULL)
        *message = g_strdup_printf (_("“%s” is not a share between 0 and 100"), text ? text : "");
      return FALSE;
    }

  if (percent != NULL)
    *percent = value;
  if (message != NULL)
    *message = NULL;
  return TRUE;
}
