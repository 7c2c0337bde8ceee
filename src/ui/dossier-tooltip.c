/* dossier-tooltip.c
 *
 * GTK 4.8 asks the display server where the pointer is each time a shown
 * widget's tooltip is set (gtk_widget_set_tooltip_text() calls
 * gtk_tooltip_trigger_tooltip_query(), gtkwidget.c in 4.8.3: two round
 * trips on X11), in case the pointer rests on the widget and its tooltip
 * is up. A widget that has never been on screen cannot be under the
 * pointer: the window's buttons and the links a page is built of are
 * given their tooltips before they are. Measured at start: 4-5 ms of the
 * main thread under perf, a tenth of what Dossier adds to a bare window.
 * Goes away when GTK stops asking for widgets not yet mapped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-tooltip"

#include "config.h"

#include "dossier-tooltip.h"

static gboolean
holds (GtkWidget *widget,
       GtkWidget *other)
{
  return other != NULL && (other == widget || gtk_widget_is_ancestor (other, widget));
}

/* Hiding @widget for a moment changes nothing for anyone: it was never
 * drawn (so no screen reader has been told of it), it is no page of a
 * stack or notebook (hiding one changes the page), and it neither holds
 * the window's focus nor its default widget (hiding would take them). */
static gboolean
can_hide_for_a_moment (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  return gtk_widget_get_visible (widget) && !gtk_widget_get_realized (widget) &&
         !GTK_IS_STACK (parent) && !GTK_IS_NOTEBOOK (parent) &&
         !(root != NULL && holds (widget, gtk_root_get_focus (root))) &&
         !(GTK_IS_WINDOW (root) && holds (widget, gtk_window_get_default_widget (GTK_WINDOW (root))));
}

/**
 * dossier_tooltip_set:
 * @widget: a widget
 * @text: (nullable): its tooltip, also its accessible description
 *
 * Sets @widget's tooltip as gtk_widget_set_tooltip_text() does. A widget
 * never drawn yet is hidden for that moment, which GTK takes as the sign
 * that no tooltip of its can be showing.
 */
void
dossier_tooltip_set (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (can_hide_for_a_moment (widget))
    {
      gtk_widget_set_visible (widget, FALSE);
      gtk_widget_set_tooltip_text (widget, text);
      gtk_widget_set_visible (widget, TRUE);
    }
  else
    gtk_widget_set_tooltip_text (widget, text);
}
