/* dossier-chart-png.h: a chart's pixels to PNG, faster than cairo's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

cairo_status_t dossier_chart_write_png (cairo_surface_t *surface,
                                        GByteArray      *out);

G_END_DECLS
