/* dossier-detail-groups.c
 *
 * Groups of links a page shows besides its lists: a person's roles (or
 * the roles held at an organization); a case file's parties and the next
 * event it expects (or, when none is pending, how late the last one
 * came); and an organization's share of the market over time, as a small
 * chart that highlights it. Each is built from the store and handed to
 * the pane, which places it; none calls back into the pane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-detail-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-chart.h"
#include "dossier-chart-content.h"
#include "dossier-chart-lines.h"
#include "dossier-detail-groups.h"
#include "dossier-detail-links.h"
#include "dossier-format.h"
#include "dossier-node.h"
#include "dossier-period.h"
#include "dossier-store.h"

/* At most this many roles are listed on a page. */
#define MAX_ROLES 500

/**
 * dossier_detail_begin_group:
 * @heading: (nullable): the group's heading; none for a section's list,
 *   which the page's own heading names
 *
 * Returns: (transfer floating): a group of a page, to append links to
 */
GtkWidget *
dossier_detail_begin_group (const char *heading)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  if (heading != NULL)
    gtk_box_append (GTK_BOX (box), dossier_detail_make_heading (heading));
  return box;
}

/**
 * dossier_detail_make_roles:
 *
 * Returns: (transfer floating) (nullable): a person's roles, or those held
 *   at an organization, each a link to its page (with its sources)
 */
GtkWidget *
dossier_detail_make_roles (DossierStore *store,
                           gint64        case_id,
                           DossierNode  *node)
{
  g_autoptr(GListModel) roles = dossier_store_list_roles (store, dossier_node_get_id (node), NULL);
  gboolean for_person = dossier_node_get_kind (node) == DOSSIER_NODE_PERSON;
  guint n = roles ? MIN (g_list_model_get_n_items (roles), MAX_ROLES) : 0;
  GtkWidget *box;

  if (n == 0)
    return NULL;

  box = dossier_detail_begin_group (_("Roles"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierNode) role = g_list_model_get_item (roles, i);
      g_autofree char *text = dossier_format_role (role, for_person);

      gtk_box_append (GTK_BOX (box), dossier_detail_make_link (text, case_id, DOSSIER_SECTION_PEOPLE,
                                                               dossier_node_get_id (role)));
    }
  return box;
}

/**
 * dossier_detail_make_parties:
 *
 * Returns: (transfer floating) (nullable): the case file's parties (its
 *   organizations with a standing in it other than "other": the
 *   protester, the awardee, the courts…), each with its role
 */
GtkWidget *
dossier_detail_make_parties (DossierStore *store,
                             gint64        case_id)
{
  g_autoptr(GListModel) organizations = dossier_store_list_section (store, case_id, DOSSIER_SECTION_ORGANIZATIONS, NULL);
  GtkWidget *box = NULL;

  for (guint i = 0; organizations != NULL && i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(DossierNode) org = g_list_model_get_item (organizations, i);
      const char *standing = dossier_node_get_standing (org);
      g_autofree char *text = NULL;

      if (standing == NULL || *standing == '\0' || g_str_equal (standing, "other"))
        continue;
      if (box == NULL)
        box = dossier_detail_begin_group (_("Parties"));
      text = dossier_detail_link_text (org, TRUE);
      gtk_box_append (GTK_BOX (box), dossier_detail_make_link (text, case_id, DOSSIER_SECTION_ORGANIZATIONS,
                                                               dossier_node_get_id (org)));
    }
  return box;
}

/**
 * dossier_detail_make_next_expected:
 *
 * Returns: (transfer floating) (nullable): the first expected event that
 *   nothing has settled yet (overdue, and by how long, once its day has
 *   passed); when none is pending, the last one expected, with how late
 *   it came
 */
GtkWidget *
dossier_detail_make_next_expected (DossierStore *store,
                                   gint64        case_id)
{
  g_autoptr(DossierNode) last = NULL, last_settler = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = NULL, *heading = NULL, *delay = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *box;

  if (!dossier_store_get_next_expected (store, case_id, &last, &last_settler, &error))
    g_warning ("%s", error->message);
  if (last == NULL)
    return NULL;

  if (last_settler == NULL && dossier_date_is_past (dossier_node_get_date (last), now))
    {
      /* Its day has passed, and nothing has settled it. */
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      if ((delay = dossier_format_delay (dossier_node_get_date (last), today)))
        /* Translators: on a case file's page: the first expected event, whose day has passed with nothing
         * settling it; %s says how long ago ("3 days late") */
        heading = g_strdup_printf (_("Overdue expected event — %s"), delay);
      else
        heading = g_strdup (_("Overdue expected event"));
    }
  else if (last_settler == NULL)
    heading = g_strdup (_("Next expected event"));
  else if ((delay = dossier_format_delay (dossier_node_get_date (last), dossier_node_get_date (last_settler))))
    /* Translators: on a case file's page when nothing expected is pending: how late the last came */
    heading = g_strdup_printf (_("Last expected event — %s"), delay);
  else
    heading = g_strdup (_("Last expected event"));

  box = dossier_detail_begin_group (heading);
  text = dossier_detail_link_text (last, FALSE);
  gtk_box_append (GTK_BOX (box), dossier_detail_make_link (text, case_id, DOSSIER_SECTION_TIMELINE,
                                                           dossier_node_get_id (last)));
  if (last_settler != NULL)
    {
      g_autofree char *settled = dossier_detail_link_text (last_settler, FALSE);

      gtk_box_append (GTK_BOX (box), dossier_detail_make_link (settled, case_id, DOSSIER_SECTION_TIMELINE,
                                                               dossier_node_get_id (last_settler)));
    }
  return box;
}

/**
 * dossier_detail_make_share_chart:
 * @selection: the window's, which the chart's highlight follows and a
 *   click on another organization changes
 *
 * Returns: (transfer floating) (nullable): @org_id's share of the case
 *   file's market over time, a small chart with it highlighted; %NULL
 *   when the case file's series has no figure for it
 */
GtkWidget *
dossier_detail_make_share_chart (DossierStore     *store,
                                 DossierSelection *selection,
                                 gint64            case_id,
                                 gint64            org_id)
{
  g_autoptr(DossierChartContent) content = NULL;
  g_autofree char *period = NULL;
  gint64 series_id = 0;
  GtkWidget *box, *chart;

  if (!dossier_store_get_case_market (store, case_id, &series_id, &period, NULL) || series_id == 0 ||
      !(content = dossier_chart_content_load_over_time (store, series_id, period, NULL)) ||
      dossier_chart_content_find (content, org_id) < 0)
    return NULL;

  box = dossier_detail_begin_group (_("Market share over time"));
  chart = dossier_chart_new ();
  dossier_chart_set_view (DOSSIER_CHART (chart), dossier_chart_lines_get_view ());
  dossier_chart_set_content (DOSSIER_CHART (chart), g_steal_pointer (&content));
  dossier_chart_set_selection (DOSSIER_CHART (chart), selection);
  gtk_widget_set_size_request (chart, -1, 300);
  gtk_box_append (GTK_BOX (box), chart);
  return box;
}

/**
 * dossier_detail_make_cases_of:
 *
 * Returns: (transfer floating) (nullable): the case files an organization
 *   or a person takes part in, each with its standing and role there, a
 *   link to its page in that case file
 */
GtkWidget *
dossier_detail_make_cases_of (DossierStore *store,
                              DossierNode  *node)
{
  g_autoptr(GListModel) cases = dossier_store_list_cases_of (store, dossier_node_get_id (node), NULL);
  gint64 node_id = dossier_node_get_id (node);
  DossierSectionKind section = dossier_node_get_kind (node) == DOSSIER_NODE_PERSON
    ? DOSSIER_SECTION_PEOPLE : DOSSIER_SECTION_ORGANIZATIONS;
  GtkWidget *box;

  if (cases == NULL || g_list_model_get_n_items (cases) == 0)
    return NULL;

  box = dossier_detail_begin_group (_("In case files"));
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(DossierNode) case_file = g_list_model_get_item (cases, i);
      gint64 case_id = dossier_node_get_id (case_file);
      g_autoptr(DossierNode) there = dossier_store_get_node (store, case_id, node_id, NULL);
      const char *role = there ? dossier_node_get_role (there) : "";
      g_autofree char *text = *role != '\0'
        /* Translators: a case file and the role in it, on an organization's or a person's page */
        ? g_strdup_printf (_("%1$s — %2$s"), dossier_node_get_title (case_file), role)
        : g_strdup (dossier_node_get_title (case_file));

      gtk_box_append (GTK_BOX (box), dossier_detail_make_link (text, case_id, section, node_id));
    }
  return box;
}

/**
 * dossier_detail_make_claims_by:
 *
 * Returns: (transfer floating) (nullable): the claims an organization or a
 *   person makes in the case file, each a link to its page and sources
 */
GtkWidget *
dossier_detail_make_claims_by (DossierStore *store,
                               gint64        case_id,
                               gint64        node_id)
{
  g_autoptr(GListModel) claims = dossier_store_list_claims_by (store, case_id, node_id, NULL);
  GtkWidget *box;

  if (claims == NULL || g_list_model_get_n_items (claims) == 0)
    return NULL;

  box = dossier_detail_begin_group (_("Claims"));
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(DossierNode) claim = g_list_model_get_item (claims, i);
      g_autofree char *text = dossier_detail_link_text (claim, FALSE);

      gtk_box_append (GTK_BOX (box), dossier_detail_make_link (text, case_id, DOSSIER_SECTION_CLAIMS,
                                                               dossier_node_get_id (claim)));
    }
  return box;
}
