/* dossier-market-panel-title.c
 *
 * The titles the user writes for the market panel's charts ("AWS leads
 * cloud infrastructure, Q3 2019"): the pencil button beside the pickers
 * and F2 open a popover to write one; it is remembered in the settings
 * for the series and period it was written for (the series alone over
 * time) and shown whenever that chart is, on screen and in its exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-market-panel"

#include "config.h"

#include "dossier-chart-lines.h"
#include "dossier-market-panel-private.h"
#include "dossier-series.h"

/* Where the title the user gave the chart shown is remembered: its series
 * and period, or its series alone over time. */
static char *
title_key (DossierMarketPanel *self)
{
  DossierSeries *series = gtk_drop_down_get_selected_item (self->series_dropdown);
  guint position = gtk_drop_down_get_selected (self->period_dropdown);

  if (series == NULL || self->periods == NULL || position >= g_strv_length (self->periods))
    return NULL;
  /* From the view shown, which is bars when shares over time could not
   * be read. */
  return g_strdup_printf ("%s/%s", dossier_series_get_slug (series),
                          dossier_chart_get_view (self->chart) == dossier_chart_lines_get_view ()
                          ? "time" : self->periods[position]);
}

/* The title the user gave the chart shown, or %NULL. */
char *
_dossier_market_panel_lookup_title (DossierMarketPanel *self)
{
  g_autofree char *key = title_key (self);
  g_autoptr(GVariant) titles = NULL;
  char *title = NULL;

  if (key == NULL || self->settings == NULL)
    return NULL;
  titles = g_settings_get_value (self->settings, "chart-titles");
  if (!g_variant_lookup (titles, key, "s", &title))
    return NULL;
  return title;
}

/* Remembers @title (or forgets the key for %NULL) with every other. */
static void
remember_title (DossierMarketPanel *self,
                const char         *title)
{
  g_autofree char *key = title_key (self);
  g_autoptr(GVariant) titles = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;

  if (key == NULL || self->settings == NULL)
    return;
  titles = g_settings_get_value (self->settings, "chart-titles");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, titles);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (g_strcmp0 (k, key) != 0)
      g_variant_builder_add (&builder, "{ss}", k, v);
  if (title != NULL)
    g_variant_builder_add (&builder, "{ss}", key, title);
  g_settings_set_value (self->settings, "chart-titles", g_variant_builder_end (&builder));
}

static void
on_title_popover_show (DossierMarketPanel *self)
{
  dossier_title_popover_set_title (self->title_popover, dossier_chart_get_title (self->chart),
                                   dossier_chart_get_default_title (self->chart));
}

static void
on_title_chosen (DossierMarketPanel *self,
                 const char         *title)
{
  remember_title (self, title);
  dossier_chart_set_title (self->chart, title);
}

/* F2, as to rename: the title's popover. */
static void
edit_title_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DossierMarketPanel *self = (DossierMarketPanel *) widget;  /* installed on the panel's class */

  gtk_menu_button_popup (self->title_button);
}

void
_dossier_market_panel_class_title_init (DossierMarketPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (DOSSIER_TYPE_TITLE_POPOVER);
  gtk_widget_class_bind_template_child (widget_class, DossierMarketPanel, title_button);
  gtk_widget_class_bind_template_child (widget_class, DossierMarketPanel, title_popover);
  gtk_widget_class_bind_template_callback (widget_class, on_title_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_title_chosen);

  gtk_widget_class_install_action (widget_class, "market.edit-title", NULL, edit_title_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "market.edit-title", NULL);
}
