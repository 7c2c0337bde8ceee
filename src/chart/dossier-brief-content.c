/* dossier-brief-content.c
 *
 * What a case brief says, read from the store in the user's language: the
 * title, court and docket, the facts of the case file and its summary;
 * the parties with their standing and role; the people with their roles;
 * the timeline and the market chart, drawn by the code that draws them on
 * screen; every event, and every claim, with the sources that support it
 * and those that contradict it, side by side; and the numbered source list with its
 * addresses. As a list of blocks of Pango markup (and two charts), which
 * dossier-brief.c lays out on pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-brief"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-brief-private.h"
#include "dossier-chart-bars.h"
#include "dossier-chart-content.h"
#include "dossier-chart-timeline.h"
#include "dossier-format.h"
#include "dossier-node.h"
#include "dossier-store.h"
#include "dossier-timeline-content.h"
#include "dossier-vocabulary.h"

static void
clear_block (gpointer data)
{
  DossierBriefBlock *block = data;

  g_clear_pointer (&block->markup, g_free);
  g_clear_pointer (&block->uri, g_free);
  g_clear_pointer (&block->chart, dossier_chart_content_free);
  g_clear_object (&block->layout);
}

static DossierBriefBlock *
add_block (DossierBrief *self,
           double        size,
           double        space_before,
           char         *markup)
{
  DossierBriefBlock block = { 0 };

  block.size = size;
  block.space_before = space_before;
  block.markup = markup;
  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, DossierBriefBlock, self->blocks->len - 1);
}

static void
add_heading (DossierBrief *self,
             const char   *text)
{
  DossierBriefBlock *block = add_block (self, DOSSIER_BRIEF_HEADING_SIZE, 14.,
                                        g_markup_printf_escaped ("<b>%s</b>", text));

  block->keep_with_next = TRUE;
}

/* The number of @source in the source list, numbered as first cited. */
static guint
number_of (DossierBrief *self,
           DossierNode  *source)
{
  for (guint i = 0; i < self->sources->len; i++)
    if (dossier_node_get_id (self->sources->pdata[i]) == dossier_node_get_id (source))
      return i + 1;
  g_ptr_array_add (self->sources, g_object_ref (source));
  return self->sources->len;
}

static int
by_number (gconstpointer a,
           gconstpointer b)
{
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

static char *
numbers (DossierBrief *self,
         GListModel   *sources)
{
  g_autoptr(GArray) cited = g_array_new (FALSE, FALSE, sizeof (guint));
  GString *text = g_string_new (NULL);

  for (guint i = 0; sources != NULL && i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierNode) source = g_list_model_get_item (sources, i);
      guint number = number_of (self, source);

      g_array_append_val (cited, number);
    }
  g_array_sort (cited, by_number);
  for (guint i = 0; i < cited->len; i++)
    g_string_append_printf (text, "%s[%u]", text->len ? ", " : "", g_array_index (cited, guint, i));
  return g_string_free (text, FALSE);
}

/* " [3]; contradicted by [7]" after a role or a claim: who says so and
 * who says otherwise, side by side. */
static char *
cite (DossierBrief  *self,
      gint64         node_id,
      GError       **error)
{
  g_autoptr(GListModel) supporting = dossier_store_list_citations (self->store, node_id, DOSSIER_STANCE_SUPPORTS, error);
  g_autoptr(GListModel) contradicting = NULL;
  g_autofree char *support = NULL, *contradict = NULL;

  if (supporting == NULL ||
      !(contradicting = dossier_store_list_citations (self->store, node_id, DOSSIER_STANCE_CONTRADICTS, error)))
    return NULL;
  support = numbers (self, supporting);
  contradict = numbers (self, contradicting);
  if (*contradict != '\0')
    /* Translators: after a role or claim in the brief: 1 its sources, 2 those that say otherwise */
    return g_markup_printf_escaped (_(" <i>%1$s; contradicted by %2$s</i>"), support, contradict);
  return *support ? g_markup_printf_escaped (" <i>%s</i>", support) : g_strdup ("");
}

static gboolean
add_case (DossierBrief  *self,
          DossierNode   *case_file,
          GError       **error)
{
  g_autofree char *subtitle = dossier_format_node_subtitle (case_file);
  g_autofree char *filed = dossier_format_date (dossier_node_get_date (case_file));
  g_auto(GStrv) facts = dossier_format_node_facts (case_file);
  g_autoptr(GString) lines = g_string_new (NULL);

  add_block (self, DOSSIER_BRIEF_TITLE_SIZE, 0., g_markup_printf_escaped ("<b>%s</b>", dossier_node_get_title (case_file)));
  /* Translators: under the title of a printed case brief */
  add_block (self, DOSSIER_BRIEF_BODY_SIZE + 1, 4., g_markup_printf_escaped ("%s", *subtitle ? subtitle : _("Case brief")));

  if (filed != NULL)
    {
      g_autofree char *line = g_markup_printf_escaped ("<b>%s</b>  %s", _("Filed"), filed);

      g_string_append (lines, line);
    }
  for (guint i = 0; facts[i] != NULL && facts[i + 1] != NULL; i += 2)
    {
      g_autofree char *line = g_markup_printf_escaped ("<b>%s</b>  %s", facts[i], facts[i + 1]);

      g_string_append_printf (lines, "%s%s", lines->len ? "\n" : "", line);
    }
  if (lines->len > 0)
    add_block (self, DOSSIER_BRIEF_BODY_SIZE, 10., g_strdup (lines->str));

  if (*dossier_node_get_summary (case_file) != '\0')
    {
      add_heading (self, _("Summary"));
      add_block (self, DOSSIER_BRIEF_BODY_SIZE, 4., g_markup_escape_text (dossier_node_get_summary (case_file), -1));
    }
  return TRUE;
}

static gboolean
add_parties (DossierBrief  *self,
             GError       **error)
{
  g_autoptr(GListModel) organizations = dossier_store_list_section (self->store, self->case_id,
                                                                    DOSSIER_SECTION_ORGANIZATIONS, error);
  g_autoptr(GListModel) people = NULL;

  if (organizations == NULL)
    return FALSE;

  if (g_list_model_get_n_items (organizations) > 0)
    add_heading (self, _("Parties"));
  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(DossierNode) org = g_list_model_get_item (organizations, i);
      const char *standing = dossier_vocabulary_get_label (DOSSIER_VOCABULARY_STANDING, dossier_node_get_standing (org));
      const char *role = dossier_node_get_role (org);
      g_autofree char *what = NULL;

      /* "Protester (plaintiff)" says the standing already. */
      if (standing != NULL && *role != '\0' && g_ascii_strncasecmp (role, standing, strlen (standing)) != 0)
        what = g_strdup_printf ("%s. %s", standing, role);
      else
        what = g_strdup (*role != '\0' ? role : standing ? standing : "");

      add_block (self, DOSSIER_BRIEF_BODY_SIZE, 3.,
                 *what ? g_markup_printf_escaped ("<b>%s</b> — %s", dossier_node_get_title (org), what)
                       : g_markup_printf_escaped ("<b>%s</b>", dossier_node_get_title (org)));
    }

  if (!(people = dossier_store_list_section (self->store, self->case_id, DOSSIER_SECTION_PEOPLE, error)))
    return FALSE;
  if (g_list_model_get_n_items (people) > 0)
    add_heading (self, _("People"));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(DossierNode) person = g_list_model_get_item (people, i);
      g_autoptr(GListModel) roles = dossier_store_list_roles (self->store, dossier_node_get_id (person), error);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", dossier_node_get_title (person));

      if (roles == NULL)
        return FALSE;
      g_string_append (text, name);
      if (*dossier_node_get_role (person) != '\0')
        {
          g_autofree char *role = g_markup_printf_escaped (" — %s", dossier_node_get_role (person));

          g_string_append (text, role);
        }
      for (guint k = 0; k < g_list_model_get_n_items (roles); k++)
        {
          g_autoptr(DossierNode) held = g_list_model_get_item (roles, k);
          g_autofree char *line = dossier_format_role (held, TRUE);
          g_autofree char *escaped = g_markup_escape_text (line, -1);
          g_autofree char *cited = NULL;

          if (!(cited = cite (self, dossier_node_get_id (held), error)))
            return FALSE;
          g_string_append_printf (text, "\n    %s%s", escaped, cited);
        }
      add_block (self, DOSSIER_BRIEF_BODY_SIZE, 3., g_string_free (g_steal_pointer (&text), FALSE));
    }
  return TRUE;
}

static gboolean
add_charts (DossierBrief  *self,
            GError       **error)
{
  g_autoptr(DossierChartContent) timeline = dossier_timeline_content_load (self->store, self->case_id, error);
  g_autoptr(DossierChartContent) market = NULL;
  g_autoptr(GError) no_market = NULL;
  DossierBriefBlock *block;

  if (timeline == NULL)
    return FALSE;

  add_heading (self, _("Timeline"));
  block = add_block (self, DOSSIER_BRIEF_BODY_SIZE, 4., NULL);
  block->chart = g_steal_pointer (&timeline);
  block->view = dossier_chart_timeline_get_view ();
  block->chart_height = 340.;

  /* A case file without market figures has no chart, and says nothing. */
  market = dossier_chart_content_new_for_case (self->store, self->case_id, &no_market);
  if (market != NULL)
    {
      add_heading (self, _("Market"));
      block = add_block (self, DOSSIER_BRIEF_BODY_SIZE, 4., NULL);
      block->chart = g_steal_pointer (&market);
      block->view = dossier_chart_bars_get_view ();
      block->chart_height = 260.;
    }
  return TRUE;
}

static gboolean
add_events (DossierBrief  *self,
            GError       **error)
{
  g_autoptr(GListModel) events = dossier_store_list_section (self->store, self->case_id,
                                                             DOSSIER_SECTION_TIMELINE, error);

  if (events == NULL)
    return FALSE;
  if (g_list_model_get_n_items (events) > 0)
    add_heading (self, _("Events and their sources"));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DossierNode) event = g_list_model_get_item (events, i);
      gint64 id = dossier_node_get_id (event);
      g_autofree char *date = dossier_format_date (dossier_node_get_date (event));
      g_autoptr(GListModel) supporting = dossier_store_list_citations (self->store, id, DOSSIER_STANCE_SUPPORTS, error);
      g_autoptr(GListModel) contradicting = NULL;
      g_autofree char *support = NULL, *contradict = NULL;
      gboolean expected = g_strcmp0 (dossier_node_get_status (event), "expected") == 0;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *head = NULL;
      DossierBriefBlock *block;

      if (supporting == NULL ||
          !(contradicting = dossier_store_list_citations (self->store, id, DOSSIER_STANCE_CONTRADICTS, error)))
        return FALSE;
      support = numbers (self, supporting);
      contradict = numbers (self, contradicting);

      head = expected ? /* Translators: an expected event in the brief: 1 date, 2 title */
                        g_markup_printf_escaped (_("<b>%1$s — %2$s</b> (expected)"), date, dossier_node_get_title (event))
                      : g_markup_printf_escaped ("<b>%s — %s</b>", date, dossier_node_get_title (event));
      block = add_block (self, DOSSIER_BRIEF_BODY_SIZE, 8., g_steal_pointer (&head));
      block->keep_with_next = TRUE;

      if (*dossier_node_get_summary (event) != '\0')
        {
          g_autofree char *summary = g_markup_escape_text (dossier_node_get_summary (event), -1);

          g_string_append (text, summary);
        }
      if (*support != '\0')
        {
          /* Translators: after an event in the brief: the numbers of its sources */
          g_autofree char *line = g_markup_printf_escaped (_("Sources: %s"), support);

          g_string_append_printf (text, "%s<i>%s</i>", text->len ? "\n" : "", line);
        }
      if (*contradict != '\0')
        {
          /* Translators: after an event in the brief: sources that say otherwise */
          g_autofree char *line = g_markup_printf_escaped (_("Contradicted by: %s"), contradict);

          g_string_append_printf (text, "%s<i>%s</i>", text->len ? "\n" : "", line);
        }
      if (text->len > 0)
        {
          block = add_block (self, DOSSIER_BRIEF_BODY_SIZE, 2., g_string_free (g_steal_pointer (&text), FALSE));
          block->indent = 14.;
        }
    }
  return TRUE;
}

static gboolean
add_claims (DossierBrief  *self,
            GError       **error)
{
  g_autoptr(GListModel) claims = dossier_store_list_section (self->store, self->case_id, DOSSIER_SECTION_CLAIMS, error);

  if (claims == NULL)
    return FALSE;
  if (g_list_model_get_n_items (claims) > 0)
    add_heading (self, _("Claims"));

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(DossierNode) claim = g_list_model_get_item (claims, i);
      g_autofree char *date = dossier_format_date (dossier_node_get_date (claim));
      g_autofree char *cited = cite (self, dossier_node_get_id (claim), error);
      g_autofree char *head = NULL, *summary = NULL;
      DossierBriefBlock *block;

      if (cited == NULL)
        return FALSE;
      /* Translators: a claim in the brief: 1 who makes it, 2 what it says, 3 when */
      head = g_markup_printf_escaped (_("<b>%1$s: %2$s</b> (%3$s)"), dossier_node_get_holder (claim),
                                      dossier_node_get_title (claim), date ? date : _("undated"));
      block = add_block (self, DOSSIER_BRIEF_BODY_SIZE, 8., g_steal_pointer (&head));
      block->keep_with_next = TRUE;
      summary = g_markup_escape_text (dossier_node_get_summary (claim), -1);
      block = add_block (self, DOSSIER_BRIEF_BODY_SIZE, 2., g_strconcat (summary, cited, NULL));
      block->indent = 14.;
    }
  return TRUE;
}

static gboolean
add_sources (DossierBrief  *self,
             GError       **error)
{
  g_autoptr(GListModel) all = dossier_store_list_section (self->store, self->case_id, DOSSIER_SECTION_SOURCES, error);

  if (all == NULL)
    return FALSE;
  /* The case file's sources no event cites come after those cited. */
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(DossierNode) source = g_list_model_get_item (all, i);

      number_of (self, source);
    }
  if (self->sources->len > 0)
    add_heading (self, _("Sources"));

  for (guint i = 0; i < self->sources->len; i++)
    {
      DossierNode *source = self->sources->pdata[i];
      g_autofree char *date = dossier_format_date (dossier_node_get_date (source));
      const char *url = dossier_node_get_url (source);
      g_autofree char *text = NULL;
      DossierBriefBlock *block;

      /* Translators: a source in the brief: 1 its number, 2 publisher, 3 headline, 4 date */
      text = g_markup_printf_escaped (_("[%1$u] %2$s, “%3$s”, %4$s."), i + 1, dossier_node_get_publisher (source),
                                      dossier_node_get_title (source), date ? date : _("undated"));
      if (*url != '\0')
        {
          g_autofree char *address = g_markup_printf_escaped ("\u2028<span font_family=\"Monospace\" size=\"smaller\">%s</span>", url);
          char *both = g_strconcat (text, address, NULL);

          g_free (text);
          text = both;
        }
      else
        {
          /* Translators: in the brief's source list, where a source has no address */
          g_autofree char *none = g_markup_printf_escaped (" <i>%s</i>", _("No address found."));
          char *both = g_strconcat (text, none, NULL);

          g_free (text);
          text = both;
        }
      block = add_block (self, DOSSIER_BRIEF_BODY_SIZE - 0.5, 4., g_steal_pointer (&text));
      block->hanging = TRUE;
      if (*url != '\0')
        block->uri = g_strdup (url);
    }
  return TRUE;
}

/**
 * dossier_brief_new:
 * @case_id: the case file to brief
 *
 * Returns: (transfer full): the brief, to lay out on pages, or %NULL with
 *   @error set
 */
DossierBrief *
dossier_brief_new (DossierStore  *store,
                   gint64         case_id,
                   GError       **error)
{
  g_autoptr(DossierBrief) self = g_new0 (DossierBrief, 1);
  g_autoptr(DossierNode) case_file = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->case_id = case_id;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (DossierBriefBlock));
  g_array_set_clear_func (self->blocks, clear_block);
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->pieces = g_array_new (FALSE, TRUE, sizeof (DossierBriefPiece));

  if (!(case_file = dossier_store_get_node (store, case_id, case_id, error)))
    return NULL;
  self->title = g_strdup (dossier_node_get_title (case_file));

  if (!add_case (self, case_file, error) ||
      !add_parties (self, error) ||
      !add_charts (self, error) ||
      !add_events (self, error) ||
      !add_claims (self, error) ||
      !add_sources (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
dossier_brief_free (DossierBrief *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->store);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_free (self->title);
  g_free (self);
}

/**
 * dossier_brief_get_title:
 *
 * Returns: the case file's title, for the document's name
 */
const char *
dossier_brief_get_title (DossierBrief *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}
