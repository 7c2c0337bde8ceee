/* dossier-selection.c
 *
 * The one place that says what a window shows: a case file, one of its
 * sections, and optionally one node of that section. The sidebar, the detail
 * pane and the chart each write it when the user picks something and follow
 * its ::changed signal; they never call each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-selection"

#include "config.h"

#include "dossier-enums.h"
#include "dossier-selection.h"

struct _DossierSelection
{
  GObject             parent_instance;
  gint64              case_id;
  gint64              node_id;
  DossierSectionKind  section;
};

G_DEFINE_FINAL_TYPE (DossierSelection, dossier_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_SECTION,
  PROP_NODE_ID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
dossier_selection_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierSelection *self = DOSSIER_SELECTION (object);

  switch (prop_id)
    {
    case PROP_CASE_ID: g_value_set_int64 (value, self->case_id); break;
    case PROP_SECTION: g_value_set_enum (value, self->section); break;
    case PROP_NODE_ID: g_value_set_int64 (value, self->node_id); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_selection_class_init (DossierSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = dossier_selection_get_property;

  properties[PROP_CASE_ID] = g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SECTION] = g_param_spec_enum ("section", NULL, NULL,
                                                DOSSIER_TYPE_SECTION_KIND,
                                                DOSSIER_SECTION_NONE, flags);
  properties[PROP_NODE_ID] = g_param_spec_int64 ("node-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierSelection::changed:
   *
   * Emitted once after dossier_selection_select() changed any of the
   * case file, the section or the node, after the property notifications.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
dossier_selection_init (DossierSelection *self)
{
}

DossierSelection *
dossier_selection_new (void)
{
  return g_object_new (DOSSIER_TYPE_SELECTION, NULL);
}

/**
 * dossier_selection_select:
 * @case_id: the case file, or 0 for none
 * @section: the section of that case file
 * @node_id: a node of the section, or 0 for the section's own page
 *
 * Makes this the selection; does nothing if it already is.
 */
void
dossier_selection_select (DossierSelection   *self,
                          gint64              case_id,
                          DossierSectionKind  section,
                          gint64              node_id)
{
  gboolean changed = FALSE;

  g_return_if_fail (DOSSIER_IS_SELECTION (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->case_id != case_id)
    {
      self->case_id = case_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
      changed = TRUE;
    }

  if (self->section != section)
    {
      self->section = section;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
      changed = TRUE;
    }

  if (self->node_id != node_id)
    {
      self->node_id = node_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE_ID]);
      changed = TRUE;
    }

  g_object_thaw_notify (G_OBJECT (self));

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

gint64
dossier_selection_get_case_id (DossierSelection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SELECTION (self), 0);
  return self->case_id;
}

DossierSectionKind
dossier_selection_get_section (DossierSelection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SELECTION (self), DOSSIER_SECTION_NONE);
  return self->section;
}

gint64
dossier_selection_get_node_id (DossierSelection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SELECTION (self), 0);
  return self->node_id;
}
