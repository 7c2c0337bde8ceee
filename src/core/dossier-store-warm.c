/* dossier-store-warm.c
 *
 * The database is opened on a thread while GTK starts (about a hundred
 * and seventy milliseconds on the development machine, on the other
 * core). That thread also reads, and lets go of, what a window shows
 * first: the case files, the first one's title, sections and notes, the
 * market series and the first one's shares. SQLite then has those
 * statements prepared (kept in the connection's cache) and their pages in
 * its own cache, so that the window, on the main thread, finds them ready
 * instead of compiling about twenty statements before its first frame.
 * Nothing is written, and nothing the window sees depends on it: a window
 * opening somewhere else only finds less ready.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include "dossier-node.h"
#include "dossier-series.h"
#include "dossier-store.h"

/* The first item of @model, if any, read and let go of: a list reads its
 * rows a page at a time, with a statement of its own. */
static void
read_first (GListModel *model)
{
  g_autoptr(GObject) item = NULL;

  if (model != NULL && g_list_model_get_n_items (model) > 0)
    item = g_list_model_get_item (model, 0);
}

static void
warm_market (DossierStore *self,
             gint64        case_id)
{
  g_autoptr(GListModel) series = dossier_store_list_series (self, NULL);
  g_autoptr(DossierSeries) first = NULL;
  g_autofree char *period = NULL;
  g_auto(GStrv) periods = NULL;
  gint64 series_id = 0;

  dossier_store_get_case_market (self, case_id, &series_id, &period, NULL);
  if (series_id <= 0 && series != NULL && g_list_model_get_n_items (series) > 0)
    {
      first = g_list_model_get_item (series, 0);
      series_id = dossier_series_get_id (first);
    }
  if (series_id <= 0)
    return;

  periods = dossier_store_list_periods (self, series_id, NULL);
  if (period == NULL && periods != NULL && periods[0] != NULL)
    period = g_strdup (periods[g_strv_length (periods) - 1]);
  if (period != NULL)
    {
      g_autoptr(GListModel) shares = dossier_store_list_shares (self, series_id, period, NULL);

      read_first (shares);
    }
}

/**
 * dossier_store_warm_up:
 *
 * Reads what a window shows first and lets go of it (see above). Call it
 * on the thread that opened @self, before any other thread uses it.
 */
void
dossier_store_warm_up (DossierStore *self)
{
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(DossierNode) first = NULL;
  g_autoptr(DossierNode) node = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GArray) names = NULL;
  g_autoptr(DossierNode) expected = NULL;
  g_autoptr(DossierNode) settler = NULL;
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  gint64 case_id;

  g_return_if_fail (DOSSIER_IS_STORE (self));

  cases = dossier_store_list_case_files (self, NULL);
  if (cases == NULL || g_list_model_get_n_items (cases) == 0)
    return;
  first = g_list_model_get_item (cases, 0);
  case_id = dossier_node_get_id (first);

  node = dossier_store_get_node (self, case_id, case_id, NULL);
  for (DossierSectionKind s = DOSSIER_SECTION_ORGANIZATIONS; s <= DOSSIER_SECTION_SOURCES; s++)
    {
      g_autoptr(GListModel) items = dossier_store_list_section (self, case_id, s, NULL);

      read_first (items);
    }
  dossier_store_get_next_expected (self, case_id, &expected, &settler, NULL);
  names = dossier_store_list_names (self, case_id, NULL);
  notes = dossier_store_list_notes (self, case_id, NULL);
  undo = dossier_store_dup_history_action (self, FALSE);
  redo = dossier_store_dup_history_action (self, TRUE);
  warm_market (self, case_id);
}
