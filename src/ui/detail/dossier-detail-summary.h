/* dossier-detail-summary.h: a page's summary with names as links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

char *dossier_detail_summary_markup (const char *text,
                                     GArray     *names,
                                     gint64      case_id,
                                     gint64      self_id);
void  dossier_detail_summary_show   (GtkLabel     *label,
                                     DossierStore *store,
                                     gint64      case_id,
                                     gint64      self_id,
                                     const char *text);

G_END_DECLS
