/* dossier-tooltip.h: tooltips set without asking the display server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void dossier_tooltip_set (GtkWidget  *widget,
                          const char *text);

G_END_DECLS
