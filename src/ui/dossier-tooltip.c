/* dossier-tooltip.c
 *
 * GTK 4.8 asks the display server where the pointer is each time a shown
 * widget's tooltip is set (gtk_tooltip_trigger_tooltip_query(): two round
 * trips on X11, in case the pointer rests on the widget and its tooltip is
 * up). A widget that is not on screen cannot be under the pointer. The
 * window's buttons, and the links a page is built of, are given their
 * tooltips before they are: the round trips took 4-5 ms of the start, a
 * sixth of what Dossier adds to a bare window's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-tooltip"

#include "config.h"

#include "dossier-tooltip.h"

/**
 * dossier_tooltip_set:
 * @widget: a widget, not a #GtkStack's child (hiding one changes the page)
 * @text: (nullable): its tooltip, also its accessible description
 *
 * Sets @widget's tooltip as gtk_widget_set_tooltip_text() does. A widget
 * not yet mapped is hidden for that moment, which GTK takes as the sign
 * that no tooltip of its can be showing.
 */
void
dossier_tooltip_set (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (gtk_widget_get_visible (widget) && !gtk_widget_get_mapped (widget))
    {
      gtk_widget_set_visible (widget, FALSE);
      gtk_widget_set_tooltip_text (widget, text);
      gtk_widget_set_visible (widget, TRUE);
    }
  else
    gtk_widget_set_tooltip_text (widget, text);
}
