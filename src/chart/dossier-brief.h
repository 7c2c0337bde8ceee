/* dossier-brief.h: a case file's brief, laid out on pages with Pango and
 * drawn with Cairo, for printing and for PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "dossier-types.h"

G_BEGIN_DECLS

typedef struct _DossierBrief DossierBrief;

/* A4, in points. */
#define DOSSIER_BRIEF_A4_WIDTH  595.276
#define DOSSIER_BRIEF_A4_HEIGHT 841.89

DossierBrief *dossier_brief_new         (DossierStore   *store,
                                         gint64          case_id,
                                         GError        **error);
void          dossier_brief_free        (DossierBrief   *self);
const char   *dossier_brief_get_title   (DossierBrief   *self);
guint         dossier_brief_paginate    (DossierBrief   *self,
                                         PangoContext   *context,
                                         double          width,
                                         double          height);
void          dossier_brief_draw_page   (DossierBrief   *self,
                                         cairo_t        *cr,
                                         PangoContext   *context,
                                         guint           page);
gboolean      dossier_brief_write_pdf   (DossierBrief   *self,
                                         const char     *path,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierBrief, dossier_brief_free)

G_END_DECLS
