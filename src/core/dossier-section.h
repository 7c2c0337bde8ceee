/* dossier-section.h: a section of a case file in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SECTION (dossier_section_get_type ())

G_DECLARE_FINAL_TYPE (DossierSection, dossier_section, DOSSIER, SECTION, GObject)

DossierSection     *dossier_section_new          (gint64              case_id,
                                                  DossierSectionKind  kind);
gint64              dossier_section_get_case_id  (DossierSection     *self);
DossierSectionKind  dossier_section_get_kind     (DossierSection     *self);
const char         *dossier_section_get_title    (DossierSection     *self);
const char         *dossier_section_kind_get_title (DossierSectionKind kind);

const char         *dossier_section_kind_get_add_label (DossierSectionKind kind);

G_END_DECLS
