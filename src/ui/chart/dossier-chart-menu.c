/* dossier-chart-menu.c
 *
 * What the chart tells and offers beyond a click: the tooltip of the item,
 * mark or source line under the pointer, and a context menu (right click,
 * the Menu key or Shift+F10) with Copy Value, Copy Chart as Image, Edit
 * Title and Export Chart. The menu acts on the item it was opened on: the
 * one under the pointer, or the one with the keyboard focus. The image
 * copied is the PNG an export would write, from the same code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-chart-content.h"
#include "dossier-chart-export.h"
#include "dossier-chart-mark.h"
#include "dossier-chart-private.h"

static gboolean
on_query_tooltip (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  DossierChart *self)
{
  g_autofree char *text = NULL;
  const DossierChartItem *item;
  const DossierRect *area;
  int index;

  if (self->layout == NULL || self->content == NULL)
    return FALSE;

  /* A mark of the view's own: a point, a break in the series' method. */
  if (self->view->tooltip_at != NULL &&
      (text = self->view->tooltip_at (self->content, self->layout, x, y)) != NULL)
    {
      gtk_tooltip_set_text (tooltip, text);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x - 6, y - 6, 12, 12 });
      return TRUE;
    }

  index = dossier_chart_layout_hit_test (self->layout, x, y);
  if (index < 0)
    {
      const DossierRect *foot = &self->layout->footer;

      /* The source line, whole, with the series' notes. */
      if (x < foot->x || x > foot->x + foot->width || y < foot->y || y > foot->y + foot->height)
        return FALSE;
      text = *self->content->note != '\0'
        ? g_strdup_printf ("%s\n\n%s", self->content->source, self->content->note)
        : g_strdup (self->content->source);
      gtk_tooltip_set_text (tooltip, text);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { foot->x, foot->y, foot->width, foot->height });
      return TRUE;
    }

  item = dossier_chart_content_get_item (self->content, index);
  if (item->source != NULL)
    /* Translators: an item's tooltip: 1 organization, period and share
     * ("Microsoft, Q3 2019, 19%"), 2 the source, as in "Synergy Research
     * Group, Title" */
    text = g_strdup_printf (_("%1$s\nSource: %2$s"), item->label, item->source);
  else
    text = g_strdup (item->label);
  area = &self->layout->items[index];
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { area->x, area->y, area->width, area->height });
  return TRUE;
}

static GMenuModel *
build_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) copy = g_menu_new ();
  g_autoptr(GMenu) chart = g_menu_new ();

  g_menu_append (copy, _("_Copy Value"), "chart.copy-value");
  g_menu_append (copy, _("Copy Chart as _Image"), "chart.copy-image");
  g_menu_append (chart, _("Edit _Title…"), "market.edit-title");
  g_menu_append (chart, _("_Export Chart…"), "win.export-chart");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (chart));
  return G_MENU_MODEL (menu);
}

/* Opens the menu on @item (or none), pointing at @x, @y. */
static void
pop_up (DossierChart *self,
        int           item,
        double        x,
        double        y)
{
  gboolean has_item = self->content != NULL && item >= 0 &&
                      (guint) item < dossier_chart_content_get_n_items (self->content);

  /* Built the first time it is asked for, not before the first frame. */
  if (self->menu == NULL)
    {
      g_autoptr(GMenuModel) model = build_menu ();

      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }

  self->menu_item = has_item ? item : -1;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy-value", has_item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy-image", self->content != NULL);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      DossierChart    *self)
{
  int item = self->layout != NULL ? dossier_chart_layout_hit_test (self->layout, x, y) : -1;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  pop_up (self, item, x, y);
}

/* Menu, Shift+F10: the menu of the item with the focus, beside it. */
static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierChart *self = (DossierChart *) widget;  /* installed on the chart's class */
  GtkWidget *focus = gtk_widget_get_focus_child (widget);
  int item = self->highlighted;
  double x = gtk_widget_get_width (widget) / 2., y = gtk_widget_get_height (widget) / 2.;

  if (focus != NULL && DOSSIER_IS_CHART_MARK (focus))
    item = dossier_chart_mark_get_index (DOSSIER_CHART_MARK (focus));
  if (self->layout != NULL && item >= 0 && (guint) item < self->layout->n_items)
    {
      const DossierRect *area = &self->layout->items[item];

      x = area->x + area->width / 2.;
      y = area->y + area->height / 2.;
    }
  pop_up (self, item, x, y);
}

static void
copy_value_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DossierChart *self = (DossierChart *) widget;  /* installed on the chart's class */

  if (self->content == NULL || self->menu_item < 0 ||
      (guint) self->menu_item >= dossier_chart_content_get_n_items (self->content))
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          dossier_chart_content_get_item (self->content, self->menu_item)->label);
}

/* The chart as a PNG, at its size on screen and the screen's scale, in
 * the export's light colours. */
static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DossierChart *self = (DossierChart *) widget;  /* installed on the chart's class */
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (self->content == NULL)
    return;

  png = dossier_chart_export_bytes (self->view, self->content, DOSSIER_CHART_FORMAT_PNG,
                                    MAX (DOSSIER_CHART_MIN_WIDTH, gtk_widget_get_width (widget)),
                                    MAX (DOSSIER_CHART_MIN_HEIGHT, gtk_widget_get_height (widget)),
                                    CLAMP (gtk_widget_get_scale_factor (widget), 1, 4), &error);
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, &error);
  if (texture == NULL)
    {
      g_warning ("Cannot copy the chart: %s", error->message);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

void
_dossier_chart_class_menu_init (DossierChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "chart.copy-value", NULL, copy_value_action);
  gtk_widget_class_install_action (widget_class, "chart.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "chart.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "chart.menu", NULL);
}

void
_dossier_chart_menu_init (DossierChart *self)
{
  GtkGesture *secondary = gtk_gesture_click_new ();

  self->menu_item = -1;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}

void
_dossier_chart_menu_dispose (DossierChart *self)
{
  g_clear_pointer (&self->menu, gtk_widget_unparent);
}
