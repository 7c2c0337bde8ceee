/* dossier-window-state.c
 *
 * What the window remembers between runs, in the settings: its size and
 * whether it was maximized, where its two dividers were, and what was
 * selected, for the database it showed. It is written as the window goes
 * (closed, or the application quitting) and read when one opens; a selection whose case file or item is
 * gone, or from another database, is not restored. Calls nothing in
 * dossier-window.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include "dossier-node.h"
#include "dossier-selection.h"
#include "dossier-settings.h"
#include "dossier-store.h"
#include "dossier-window-private.h"

/* Written as the window goes, however it goes: closed, or with the
 * application quitting. */
static void
save (DossierWindow *self)
{
  int width = 0, height = 0;

  if (self->settings == NULL)
    return;

  g_settings_delay (self->settings);
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_int (self->settings, "sidebar-position", gtk_paned_get_position (self->sidebar_paned));
  g_settings_set_int (self->settings, "chart-divider-position", gtk_paned_get_position (self->chart_paned));
  g_settings_set_string (self->settings, "view", gtk_stack_get_visible_child_name (self->view_stack));
  if (self->store != NULL)
    g_settings_set (self->settings, "last-selection", "(sxix)", dossier_store_get_path (self->store),
                    dossier_selection_get_case_id (self->selection),
                    (gint32) dossier_selection_get_section (self->selection),
                    dossier_selection_get_node_id (self->selection));
  g_settings_apply (self->settings);
}

/* Before the window is shown: its size and dividers as they were. */
void
_dossier_window_state_init (DossierWindow *self)
{
  self->settings = dossier_settings_new ();
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (640, g_settings_get_int (self->settings, "window-width")),
                               MAX (480, g_settings_get_int (self->settings, "window-height")));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->sidebar_paned, MAX (0, g_settings_get_int (self->settings, "sidebar-position")));
  gtk_paned_set_position (self->chart_paned, MAX (0, g_settings_get_int (self->settings, "chart-divider-position")));
  /* The market chart or the timeline, as the user left it. */
  {
    g_autofree char *view = g_settings_get_string (self->settings, "view");

    if (gtk_stack_get_child_by_name (self->view_stack, view) != NULL)
      gtk_stack_set_visible_child_name (self->view_stack, view);
  }
}

/**
 * _dossier_window_state_restore_selection:
 *
 * Selects what was selected when a window last closed on this database,
 * if it is still there (the case file's overview if only the item is
 * gone).
 *
 * Returns: whether something was restored
 */
gboolean
_dossier_window_state_restore_selection (DossierWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr(DossierNode) case_file = NULL;
  g_autoptr(DossierNode) item = NULL;
  gint64 case_id = 0, node_id = 0;
  gint32 section = 0;

  if (self->settings == NULL || self->store == NULL)
    return FALSE;

  g_settings_get (self->settings, "last-selection", "(sxix)", &path, &case_id, &section, &node_id);
  if (g_strcmp0 (path, dossier_store_get_path (self->store)) != 0 || case_id <= 0 ||
      section <= DOSSIER_SECTION_NONE || section > DOSSIER_SECTION_SOURCES)
    return FALSE;

  /* Read without a fuss: a file edited elsewhere may have lost them, or
   * given their ids to others. */
  if (!(case_file = dossier_store_get_node (self->store, case_id, case_id, NULL)) ||
      dossier_node_get_kind (case_file) != DOSSIER_NODE_CASE)
    return FALSE;
  /* An item of the section's kind, found by its id: no section is read
   * whole at start-up. */
  if (node_id != 0 &&
      (!(item = dossier_store_get_node (self->store, case_id, node_id, NULL)) ||
       dossier_node_kind_get_section (dossier_node_get_kind (item)) != (DossierSectionKind) section))
    {
      section = DOSSIER_SECTION_OVERVIEW;
      node_id = 0;
    }

  dossier_selection_select (self->selection, case_id, section, node_id);
  return TRUE;
}

/* Before the template's children go: what they show is written down. */
void
_dossier_window_state_dispose (DossierWindow *self)
{
  save (self);
  g_clear_object (&self->settings);
}
