/* dossier-chart-content.c
 *
 * What a market-share chart says, worded once for every view and every
 * output: the period in the title, the firm and its market definition under
 * it, the source at the foot, as published charts do, and one item per
 * organization with its figure already formatted for the user's locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "dossier-chart-content.h"
#include "dossier-format.h"
#include "dossier-series.h"
#include "dossier-share.h"
#include "dossier-store.h"

/**
 * dossier_chart_item_clear:
 *
 * Frees what an item holds: the clear function of a content's items.
 */
void
dossier_chart_item_clear (gpointer data)
{
  DossierChartItem *item = data;

  g_clear_pointer (&item->name, g_free);
  g_clear_pointer (&item->full_name, g_free);
  g_clear_pointer (&item->value, g_free);
  g_clear_pointer (&item->source, g_free);
  g_clear_pointer (&item->label, g_free);
  g_clear_pointer (&item->values, g_free);
}

/**
 * dossier_chart_content_new:
 * @series: (nullable): the series the figures belong to
 * @period: (nullable): their period
 * @shares: (nullable): a list of #DossierShare, largest first
 *
 * Returns: (transfer full): the chart of @shares; without any, an empty
 *   chart that says so at its foot
 */
DossierChartContent *
dossier_chart_content_new (DossierSeries *series,
                           const char    *period,
                           GListModel    *shares)
{
  DossierChartContent *content = g_new0 (DossierChartContent, 1);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *period_text = dossier_format_period (period ? period : "");
  g_autofree char *source_list = NULL;
  guint n = shares ? g_list_model_get_n_items (shares) : 0;

  content->item_section = DOSSIER_SECTION_ORGANIZATIONS;
  content->today = NAN;

  content->items = g_array_sized_new (FALSE, TRUE, sizeof (DossierChartItem), n);
  g_array_set_clear_func (content->items, dossier_chart_item_clear);
  content->selected_period = -1;

  if (series == NULL)
    content->default_title = g_strdup (_("No market series"));
  else if (*period_text == '\0')
    /* A series without a figure (all of them lost in a recovery, say). */
    content->default_title = g_strdup (_("Market share"));
  else
    /* Translators: the chart's title; %s is a period such as "Q3 2019" */
    content->default_title = g_strdup_printf (_("Market share, %s"), period_text);
  content->title = g_strdup (content->default_title);
  /* Translators: the credit line under a chart, as newsrooms write it */
  content->credit = g_strdup (_("Chart: Dossier"));
  content->subtitle = series ? dossier_series_dup_label (series) : g_strdup ("");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierShare) share = g_list_model_get_item (shares, i);
      DossierChartItem item = {
        .id = dossier_share_get_organization_id (share),
        .name = g_strdup (dossier_share_get_short_name (share)),
        .full_name = g_strdup (dossier_share_get_name (share)),
        .value = dossier_format_percent (dossier_share_get_percent (share)),
        .percent = dossier_share_get_percent (share),
      };
      /* Translators: a source as cited under a chart: publisher, then title */
      g_autofree char *source = g_strdup_printf (_("%1$s, %2$s"),
                                                 dossier_share_get_source_publisher (share),
                                                 dossier_share_get_source_title (share));

      item.source = g_strdup (source);
      /* Translators: an item's name to screen readers and as copied:
       * 1 organization, 2 period, 3 share, as in "Microsoft, Q3 2019, 19%" */
      item.label = g_strdup_printf (_("%1$s, %2$s, %3$s"), item.full_name, period_text, item.value);
      g_array_append_val (content->items, item);

      if (!g_ptr_array_find_with_equal_func (sources, source, g_str_equal, NULL))
        g_ptr_array_add (sources, g_strdup (source));
    }

  g_ptr_array_add (sources, NULL);
  source_list = g_strjoinv ("; ", (char **) sources->pdata);

  content->scale_max = series ? dossier_series_get_max_percent (series) : 0.;

  if (series == NULL)
    content->source = g_strdup (_("This case file has no market figures of its own. Choose a series above, "
                                  "or add one from the case file's overview."));
  else if (n == 0)
    content->source = g_strdup (_("No figures for this period."));
  else
    /* Translators: under the chart */
    content->source = g_strdup_printf (_("Source: %s"), source_list);

  /* The long notes go to the tooltip of the source line and to the
   * exported file's description, not under the chart. */
  {
    GString *note = g_string_new (NULL);

    if (series != NULL && n > 0 && !dossier_series_get_complete (series))
      g_string_append (note, _("Only the organizations the source names are shown."));
    if (series != NULL && *dossier_series_get_note (series) != '\0')
      g_string_append_printf (note, "%s%s", note->len > 0 ? " " : "", dossier_series_get_note (series));
    content->note = g_string_free (note, FALSE);
  }

  return content;
}

/* Notes @percent as organization @id's share, keeping the largest. */
static void
note_top (GHashTable *tops,
          gint64      id,
          double      percent)
{
  double *top = g_hash_table_lookup (tops, &id);

  if (top == NULL)
    {
      top = g_new (double, 1);
      *top = percent;
      g_hash_table_insert (tops, g_memdup2 (&id, sizeof id), top);
    }
  else if (percent > *top)
    *top = percent;
}

/* Gives each item the rank of its organization's largest share among all
 * those of @tops (organization id → its largest share in the series): the
 * colour it keeps in every view, whatever the period. Ties go by id. */
static void
rank_colours (DossierChartContent *content,
              GHashTable          *tops)
{
  for (guint i = 0; i < content->items->len; i++)
    {
      DossierChartItem *item = &g_array_index (content->items, DossierChartItem, i);
      const double *found = g_hash_table_lookup (tops, &item->id);
      double top = found != NULL ? *found : -1.;
      GHashTableIter iter;
      gpointer key, value;

      item->colour = 0;
      g_hash_table_iter_init (&iter, tops);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          double other = *(const double *) value;
          gint64 other_id = *(const gint64 *) key;

          if (other > top || (other == top && other_id < item->id))
            item->colour++;
        }
    }
}

/* rank_colours() from every period of the series. */
static gboolean
rank_colours_in_series (DossierStore         *store,
                        gint64                series_id,
                        GStrv                 periods,
                        DossierChartContent  *content,
                        GError              **error)
{
  g_autoptr(GHashTable) tops = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint p = 0; periods[p] != NULL; p++)
    {
      g_autoptr(GListModel) shares = dossier_store_list_shares (store, series_id, periods[p], error);

      if (shares == NULL)
        return FALSE;
      for (guint s = 0; s < g_list_model_get_n_items (shares); s++)
        {
          g_autoptr(DossierShare) share = g_list_model_get_item (shares, s);

          note_top (tops, dossier_share_get_organization_id (share), dossier_share_get_percent (share));
        }
    }

  rank_colours (content, tops);
  return TRUE;
}

/**
 * dossier_chart_content_load:
 * @series_id: a market series
 * @period: (nullable): one of its periods, or %NULL for the latest
 *
 * The one way from a series and a period to what a chart shows, for the
 * window, the exporter and the tests alike.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set when the
 *   series has no figures for @period (the message lists those it has)
 */
DossierChartContent *
dossier_chart_content_load (DossierStore  *store,
                            gint64         series_id,
                            const char    *period,
                            GError       **error)
{
  g_autoptr(DossierSeries) series = NULL;
  g_autoptr(GListModel) shares = NULL;
  g_auto(GStrv) periods = NULL;
  g_autoptr(DossierChartContent) content = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  if (!(series = dossier_store_get_series (store, series_id, error)) ||
      !(periods = dossier_store_list_periods (store, series_id, error)))
    return NULL;

  if (period == NULL && periods[0] != NULL)
    period = periods[g_strv_length (periods) - 1];

  if (period == NULL || !g_strv_contains ((const char * const *) periods, period))
    {
      g_autofree char *list = g_strjoinv (", ", periods);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: 1 a series name, 2 a period, 3 the periods it has */
                   _("“%1$s” has no figures for %2$s; it has: %3$s"),
                   dossier_series_get_slug (series), period ? period : "", list);
      return NULL;
    }

  if (!(shares = dossier_store_list_shares (store, series_id, period, error)))
    return NULL;

  content = dossier_chart_content_new (series, period, shares);
  if (!rank_colours_in_series (store, series_id, periods, content, error))
    return NULL;
  return g_steal_pointer (&content);
}

/**
 * dossier_chart_content_load_over_time:
 * @period: (nullable): the period to mark, or %NULL for the latest
 *
 * The series across every period it has: the content of @period (its
 * title, source line and organizations), with every organization the
 * series ever names, each with its share in each period (NAN where the
 * series does not give one: a gap, never a zero).
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
DossierChartContent *
dossier_chart_content_load_over_time (DossierStore  *store,
                                      gint64         series_id,
                                      const char    *period,
                                      GError       **error)
{
  g_autoptr(DossierChartContent) content = NULL;
  /* id → place in the list + 1; the keys are copies, as the list may move. */
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) tops = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(DossierSeries) series = NULL;
  guint n_periods;

  if (!(content = dossier_chart_content_load (store, series_id, period, error)) ||
      !(series = dossier_store_get_series (store, series_id, error)) ||
      !(content->periods = dossier_store_list_periods (store, series_id, error)) ||
      !(content->breaks = dossier_store_list_breaks (store, series_id, error)))
    return NULL;

  n_periods = g_strv_length (content->periods);
  content->period_sources = g_new0 (char *, n_periods + 1);
  content->selected_period = n_periods - 1;
  for (guint p = 0; p < n_periods; p++)
    if (g_strcmp0 (content->periods[p], period) == 0)
      content->selected_period = p;

  /* The organizations of the selected period first, in its order. */
  for (guint i = 0; i < content->items->len; i++)
    {
      DossierChartItem *item = &g_array_index (content->items, DossierChartItem, i);

      item->values = g_new (double, MAX (1, n_periods));
      for (guint p = 0; p < n_periods; p++)
        item->values[p] = NAN;
      g_hash_table_insert (index, g_memdup2 (&item->id, sizeof item->id), GUINT_TO_POINTER (i + 1));
    }

  for (guint p = 0; p < n_periods; p++)
    {
      g_autoptr(GListModel) shares = dossier_store_list_shares (store, series_id, content->periods[p], error);

      if (shares == NULL)
        return NULL;
      {
        /* The period's own source line, for its points' tooltips. */
        g_autoptr(DossierChartContent) alone = dossier_chart_content_new (series, content->periods[p], shares);

        content->period_sources[p] = g_steal_pointer (&alone->source);
      }

      for (guint s = 0; s < g_list_model_get_n_items (shares); s++)
        {
          g_autoptr(DossierShare) share = g_list_model_get_item (shares, s);
          gint64 id = dossier_share_get_organization_id (share);
          guint position = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
          DossierChartItem *item;

          if (position == 0)
            {
              /* Named in another period only: no value for the one marked. */
              DossierChartItem added = {
                .id = id,
                .name = g_strdup (dossier_share_get_short_name (share)),
                .full_name = g_strdup (dossier_share_get_name (share)),
                .value = g_strdup ("—"),
                .percent = NAN,
                .values = g_new (double, n_periods),
              };

              for (guint q = 0; q < n_periods; q++)
                added.values[q] = NAN;
              g_array_append_val (content->items, added);
              position = content->items->len;
              g_hash_table_insert (index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (position));
            }
          item = &g_array_index (content->items, DossierChartItem, position - 1);
          item->values[p] = dossier_share_get_percent (share);
        }
    }

  /* Colours by rank of the largest share an organization ever has, as
   * in every view, so that each keeps its colour whatever period is
   * marked. */
  for (guint i = 0; i < content->items->len; i++)
    {
      DossierChartItem *item = &g_array_index (content->items, DossierChartItem, i);
      double top = -1.;

      for (guint p = 0; p < n_periods; p++)
        if (!isnan (item->values[p]))
          top = MAX (top, item->values[p]);
      item->percent_max = top;
      note_top (tops, item->id, top);
    }
  rank_colours (content, tops);

  /* Each line is read out with the period marked: "Amazon Web Services,
   * Q3 2021, 33%". */
  if (content->selected_period >= 0 && (guint) content->selected_period < n_periods)
    {
      g_autofree char *shown = dossier_format_period (content->periods[content->selected_period]);

      for (guint i = 0; i < content->items->len; i++)
        {
          DossierChartItem *item = &g_array_index (content->items, DossierChartItem, i);
          double v = item->values[content->selected_period];
          g_autofree char *percent = isnan (v) ? NULL : dossier_format_percent (v);

          g_free (item->value);
          item->value = percent != NULL
            ? g_strdup_printf (_("%1$s, %2$s"), shown, percent)
            /* Translators: %s is a period, as in "Q3 2021" */
            : g_strdup_printf (_("%s, no figure"), shown);
          g_free (item->label);
          item->label = g_strdup_printf (_("%1$s, %2$s"), item->full_name, item->value);
        }
    }

  g_free (content->default_title);
  /* Translators: the title of the chart of shares across periods */
  content->default_title = g_strdup (_("Market share over time"));
  dossier_chart_content_set_title (content, NULL);
  return g_steal_pointer (&content);
}

/**
 * dossier_chart_content_get_n_periods:
 *
 * Returns: how many periods @content holds over time, or 0 for one period
 */
guint
dossier_chart_content_get_n_periods (const DossierChartContent *content)
{
  return content != NULL && content->periods != NULL ? g_strv_length (content->periods) : 0;
}

/**
 * dossier_chart_content_new_for_case:
 *
 * Returns: (transfer full): the chart a case file opens on (its own series
 *   and period), or %NULL with @error set when it has none
 */
DossierChartContent *
dossier_chart_content_new_for_case (DossierStore  *store,
                                    gint64         case_id,
                                    GError       **error)
{
  g_autofree char *period = NULL;
  gint64 series_id = 0;

  if (!dossier_store_get_case_market (store, case_id, &series_id, &period, error))
    return NULL;

  if (series_id == 0 || period == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s has no market figures to chart"), dossier_store_get_path (store));
      return NULL;
    }

  return dossier_chart_content_load (store, series_id, period, error);
}

/**
 * dossier_chart_content_set_title:
 * @title: (nullable): the user's title, or %NULL or "" for the default
 *
 * The title is the user's to write ("AWS leads cloud infrastructure"):
 * every view and every export shows it.
 */
void
dossier_chart_content_set_title (DossierChartContent *content,
                                 const char          *title)
{
  g_autofree char *stripped = g_strstrip (g_strdup (title ? title : ""));

  g_return_if_fail (content != NULL);

  g_free (content->title);
  content->title = g_strdup (*stripped != '\0' ? stripped : content->default_title);
}

/**
 * dossier_chart_content_describe:
 *
 * What the chart says, in sentences, for screen readers and the exported
 * file's description: the market, each organization's figure, the
 * source and the notes.
 *
 * Returns: (transfer full): the description
 */
char *
dossier_chart_content_describe (const DossierChartContent *content)
{
  GString *description;

  g_return_val_if_fail (content != NULL, NULL);

  description = g_string_new (content->subtitle);
  for (guint i = 0; i < content->items->len; i++)
    {
      const DossierChartItem *item = &g_array_index (content->items, DossierChartItem, i);

      g_string_append_printf (description, "%s%s", description->len > 0 ? "; " : "", item->label);
    }
  if (description->len > 0)
    g_string_append (description, ". ");
  g_string_append (description, content->source);
  if (!g_str_has_suffix (content->source, "."))
    g_string_append_c (description, '.');
  if (*content->note != '\0')
    g_string_append_printf (description, " %s", content->note);

  return g_string_free (description, FALSE);
}

void
dossier_chart_content_free (DossierChartContent *content)
{
  if (content == NULL)
    return;

  g_free (content->title);
  g_free (content->default_title);
  g_free (content->subtitle);
  g_free (content->source);
  g_free (content->credit);
  g_free (content->note);
  g_strfreev (content->periods);
  g_strfreev (content->period_sources);
  g_clear_pointer (&content->breaks, g_ptr_array_unref);
  g_clear_pointer (&content->events, g_array_unref);
  g_clear_pointer (&content->density, g_array_unref);
  g_array_unref (content->items);
  g_free (content);
}

guint
dossier_chart_content_get_n_items (const DossierChartContent *content)
{
  return content != NULL ? content->items->len : 0;
}

/**
 * dossier_chart_content_get_item:
 *
 * Returns: (transfer none): item @index, owned by @content
 */
const DossierChartItem *
dossier_chart_content_get_item (const DossierChartContent *content,
                                guint                      index)
{
  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (index < content->items->len, NULL);

  return &g_array_index (content->items, DossierChartItem, index);
}

/**
 * dossier_chart_content_find:
 *
 * Returns: the index of the item of organization @id, or -1
 */
int
dossier_chart_content_find (const DossierChartContent *content,
                            gint64                     id)
{
  for (guint i = 0; content != NULL && i < content->items->len; i++)
    if (g_array_index (content->items, DossierChartItem, i).id == id)
      return i;

  return -1;
}
