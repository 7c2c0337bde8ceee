/* dossier-share.h: one organization's share of a market in one period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SHARE (dossier_share_get_type ())

G_DECLARE_FINAL_TYPE (DossierShare, dossier_share, DOSSIER, SHARE, GObject)

DossierShare *dossier_share_new                 (gint64        organization_id,
                                                 const char   *name,
                                                 const char   *short_name,
                                                 double        percent,
                                                 gint64        source_id,
                                                 const char   *source_publisher,
                                                 const char   *source_title);
gint64        dossier_share_get_organization_id (DossierShare *self);
const char   *dossier_share_get_name            (DossierShare *self);
const char   *dossier_share_get_short_name      (DossierShare *self);
double        dossier_share_get_percent         (DossierShare *self);
gint64        dossier_share_get_source_id       (DossierShare *self);
const char   *dossier_share_get_source_publisher (DossierShare *self);
const char   *dossier_share_get_source_title    (DossierShare *self);

G_END_DECLS
