/* dossier-detail-summary.c
 *
 * A page's summary with the names of the case file's organizations and
 * people in it as links ("AWS", "Microsoft", "Jeff Bezos"), the longest
 * name first so that "Amazon Web Services" is not taken for "Amazon"; a
 * page does not link to itself. A link selects through "win.select", as
 * every link of the pages does, so that history and the other views
 * follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-detail-pane"

#include "config.h"

#include <string.h>

#include "dossier-a11y.h"
#include "dossier-detail-links.h"
#include "dossier-detail-summary.h"
#include "dossier-store.h"

#define SCHEME "dossier:select/"

static gboolean
is_word_char (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isalnum (c) || c == '_';
}

/**
 * dossier_detail_summary_markup:
 * @text: the summary, plain text
 * @names: (element-type DossierName): longest first
 * @self_id: the page's own node, never linked
 *
 * Returns: (transfer full): Pango markup of @text with each name a link
 */
char *
dossier_detail_summary_markup (const char *text,
                               GArray     *names,
                               gint64      case_id,
                               gint64      self_id)
{
  GString *markup = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      gboolean linked = FALSE;

      /* A name starts a word and ends one. */
      if (p == text || !is_word_char (g_utf8_prev_char (p)))
        for (guint i = 0; names != NULL && i < names->len; i++)
          {
            const DossierName *name = &g_array_index (names, DossierName, i);
            size_t length = strlen (name->text);

            if (name->id == self_id || strncmp (p, name->text, length) != 0 ||
                (p[length] != '\0' && is_word_char (p + length)))
              continue;

            {
              g_autofree char *escaped = g_markup_escape_text (name->text, -1);

              g_string_append_printf (markup, "<a href=\"" SCHEME "%" G_GINT64_FORMAT "/%d/%" G_GINT64_FORMAT "\">%s</a>",
                                      case_id, (int) name->section, name->id, escaped);
            }
            p += length;
            linked = TRUE;
            break;
          }

      if (!linked)
        {
          const char *next = g_utf8_next_char (p);
          g_autofree char *escaped = g_markup_escape_text (p, next - p);

          g_string_append (markup, escaped);
          p = next;
        }
    }
  return g_string_free (markup, FALSE);
}

static gboolean
on_activate_link (GtkLabel   *label,
                  const char *uri,
                  gpointer    data)
{
  gint64 case_id = 0, node_id = 0;
  int section = 0;

  if (!g_str_has_prefix (uri, SCHEME))
    return FALSE;  /* an address: the default opens it */

  if (sscanf (uri + strlen (SCHEME), "%" G_GINT64_FORMAT "/%d/%" G_GINT64_FORMAT, &case_id, &section, &node_id) == 3)
    gtk_widget_activate_action (GTK_WIDGET (label), "win.select", "(xix)", case_id, (gint32) section, node_id);
  return TRUE;
}

/**
 * dossier_detail_summary_show:
 * @label: the page's summary
 * @store: where the case file's names are read
 * @text: (nullable): the summary
 *
 * Shows @text in @label with the names of the case file's organizations
 * and people in it as links, or hides @label.
 */
void
dossier_detail_summary_show (GtkLabel     *label,
                             DossierStore *store,
                             gint64      case_id,
                             gint64      self_id,
                             const char *text)
{
  gboolean has_text = text != NULL && *text != '\0';
  g_autoptr(GArray) names = has_text ? dossier_store_list_names (store, case_id, NULL) : NULL;
  g_autofree char *shown = dossier_detail_shown_text (text);
  g_autofree char *markup = shown ? dossier_detail_summary_markup (shown, names, case_id, self_id) : NULL;

  if (g_object_get_data (G_OBJECT (label), "dossier-links") == NULL)
    {
      g_signal_connect (label, "activate-link", G_CALLBACK (on_activate_link), NULL);
      g_object_set_data (G_OBJECT (label), "dossier-links", GINT_TO_POINTER (1));
    }
  gtk_label_set_markup (label, markup ? markup : "");
  gtk_widget_set_visible (GTK_WIDGET (label), has_text);
  dossier_a11y_set_shown (GTK_WIDGET (label), has_text);
}
