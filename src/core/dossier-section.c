/* dossier-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-section.h"

struct _DossierSection
{
  GObject             parent_instance;
  gint64              case_id;
  DossierSectionKind  kind;
};

G_DEFINE_FINAL_TYPE (DossierSection, dossier_section, G_TYPE_OBJECT)

static void
dossier_section_class_init (DossierSectionClass *klass)
{
}

static void
dossier_section_init (DossierSection *self)
{
}

DossierSection *
dossier_section_new (gint64             case_id,
                     DossierSectionKind kind)
{
  DossierSection *self = g_object_new (DOSSIER_TYPE_SECTION, NULL);

  self->case_id = case_id;
  self->kind = kind;

  return self;
}

gint64
dossier_section_get_case_id (DossierSection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SECTION (self), 0);
  return self->case_id;
}

DossierSectionKind
dossier_section_get_kind (DossierSection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SECTION (self), DOSSIER_SECTION_NONE);
  return self->kind;
}

const char *
dossier_section_kind_get_title (DossierSectionKind kind)
{
  switch (kind)
    {
    case DOSSIER_SECTION_OVERVIEW:      return _("Overview");
    case DOSSIER_SECTION_ORGANIZATIONS: return _("Organizations");
    case DOSSIER_SECTION_PEOPLE:        return _("People");
    case DOSSIER_SECTION_TIMELINE:      return _("Timeline");
    case DOSSIER_SECTION_CLAIMS:        return _("Claims");
    case DOSSIER_SECTION_SOURCES:       return _("Sources");
    case DOSSIER_SECTION_NONE:
    default:                            return "";
    }
}

const char *
dossier_section_get_title (DossierSection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SECTION (self), NULL);
  return dossier_section_kind_get_title (self->kind);
}

/**
 * dossier_section_kind_get_add_label:
 *
 * Returns: the label, with a mnemonic, of what adds an item to the section
 *   ("_Add Event…"), or %NULL for the overview
 */
const char *
dossier_section_kind_get_add_label (DossierSectionKind kind)
{
  switch (kind)
    {
    case DOSSIER_SECTION_ORGANIZATIONS: return _("_Add Organization…");
    case DOSSIER_SECTION_PEOPLE:        return _("_Add Person…");
    case DOSSIER_SECTION_TIMELINE:      return _("_Add Event…");
    case DOSSIER_SECTION_CLAIMS:        return _("_Add Claim…");
    case DOSSIER_SECTION_SOURCES:       return _("_Add Source…");
    case DOSSIER_SECTION_OVERVIEW:
    case DOSSIER_SECTION_NONE:
    default:                            return NULL;
    }
}
