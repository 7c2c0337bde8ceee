/* dossier-market-panel-state.c
 *
 * The chart as the user left it: the series, the period and the view
 * shown with a case file, kept in the settings for the database it was
 * shown from, and given back when that case file is shown again (at the
 * next start, say). Calls nothing in dossier-market-panel.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-market-panel"

#include "config.h"

#include "dossier-market-panel-private.h"
#include "dossier-series.h"
#include "dossier-store.h"

/* The view picker's order. */
static const char *const views[] = { "bars", "donut", "time" };

/* Writes down what the panel shows now. */
void
_dossier_market_panel_save_state (DossierMarketPanel *self)
{
  DossierSeries *series = gtk_drop_down_get_selected_item (self->series_dropdown);
  guint period = gtk_drop_down_get_selected (self->period_dropdown);
  guint view = gtk_drop_down_get_selected (self->view_dropdown);

  if (self->settings == NULL || self->store == NULL || series == NULL || self->shown_case_id <= 0 ||
      self->periods == NULL || period >= g_strv_length (self->periods) || view >= G_N_ELEMENTS (views))
    return;

  g_settings_set (self->settings, "chart-state", "(sxsss)", dossier_store_get_path (self->store),
                  self->shown_case_id, dossier_series_get_slug (series), self->periods[period], views[view]);
}

/**
 * _dossier_market_panel_remembered:
 * @series_id: (out): the series shown last with @case_id
 * @period: (out) (transfer full): its period
 * @view: (out): the view's place in the picker
 *
 * Returns: whether the chart was last left on @case_id in this database,
 *   with a series still there
 */
gboolean
_dossier_market_panel_remembered (DossierMarketPanel  *self,
                                  gint64               case_id,
                                  gint64              *series_id,
                                  char               **period,
                                  guint               *view)
{
  g_autofree char *path = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *kept_period = NULL;
  g_autofree char *kept_view = NULL;
  gint64 kept_case = 0;

  if (self->settings == NULL || self->store == NULL || self->series == NULL || case_id <= 0)
    return FALSE;

  g_settings_get (self->settings, "chart-state", "(sxsss)", &path, &kept_case, &slug, &kept_period, &kept_view);
  if (kept_case != case_id || g_strcmp0 (path, dossier_store_get_path (self->store)) != 0)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (self->series); i++)
    {
      g_autoptr(DossierSeries) series = g_list_model_get_item (self->series, i);

      if (g_strcmp0 (dossier_series_get_slug (series), slug) != 0)
        continue;
      *series_id = dossier_series_get_id (series);
      *period = g_steal_pointer (&kept_period);
      *view = 0;
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        if (g_strcmp0 (kept_view, views[v]) == 0)
          *view = v;
      return TRUE;
    }

  return FALSE;
}
