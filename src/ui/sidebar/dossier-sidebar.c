/* dossier-sidebar.c
 *
 * A tree of case file → section → item, in a GtkListView over a
 * GtkTreeListModel whose children are read from the store when a row is
 * first expanded. It writes the shared #DossierSelection when the user picks
 * a row and follows it when another view changes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-sidebar"

#include "config.h"

#include "dossier-ui-resources.h"

#include <glib/gi18n.h>

#include "dossier-node.h"
#include "dossier-node-list.h"
#include "dossier-section.h"
#include "dossier-selection.h"
#include "dossier-sidebar-private.h"
#include "dossier-sidebar-row.h"
#include "dossier-store.h"


G_DEFINE_FINAL_TYPE (DossierSidebar, dossier_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const DossierSectionKind sections[] = {
  DOSSIER_SECTION_OVERVIEW,
  DOSSIER_SECTION_ORGANIZATIONS,
  DOSSIER_SECTION_PEOPLE,
  DOSSIER_SECTION_TIMELINE,
  DOSSIER_SECTION_CLAIMS,
  DOSSIER_SECTION_SOURCES,
};

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  DossierSidebar *self = user_data;

  if (DOSSIER_IS_NODE (item) && dossier_node_get_kind (item) == DOSSIER_NODE_CASE)
    {
      GListStore *children = g_list_store_new (DOSSIER_TYPE_SECTION);

      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        {
          g_autoptr(DossierSection) section = dossier_section_new (dossier_node_get_id (item), sections[i]);
          g_list_store_append (children, section);
        }

      return G_LIST_MODEL (children);
    }

  if (DOSSIER_IS_SECTION (item) && dossier_section_get_kind (item) != DOSSIER_SECTION_OVERVIEW)
    {
      g_autoptr(GError) error = NULL;
      GListModel *children = dossier_store_list_section (self->store,
                                                         dossier_section_get_case_id (item),
                                                         dossier_section_get_kind (item),
                                                         &error);
      if (children == NULL)
        {
          g_warning ("%s", error->message);
          return NULL;
        }

      return _dossier_sidebar_filter_wrap (self, children);
    }

  return NULL;
}

static void
on_list_selection_changed (DossierSidebar *self)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  DossierSectionKind section;
  gint64 case_id, node_id;

  if (self->syncing || self->selection == NULL)
    return;

  row = gtk_single_selection_get_selected_item (self->list_selection);
  if (row == NULL)
    return;
  g_object_ref (row);

  _dossier_sidebar_row_to_selection (row, &case_id, &section, &node_id);
  dossier_selection_select (self->selection, case_id, section, node_id);
}

static void on_selection_changed (DossierSidebar *self);

typedef enum
{
  FOLDED_CASE,
  FOLDED_SECTION,
  UNFOLDED,
} Folding;

/* What is folded above the selected item, found without unfolding
 * anything on the way. */
static Folding
selection_folding (DossierSidebar *self)
{
  DossierSectionKind section = dossier_selection_get_section (self->selection);
  g_autoptr(GtkTreeListRow) case_row = _dossier_sidebar_find_case_row (self->tree,
                                                                       dossier_selection_get_case_id (self->selection));

  if (case_row == NULL || !gtk_tree_list_row_get_expanded (case_row))
    return FOLDED_CASE;

  for (guint j = 0;; j++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_row_get_child_row (case_row, j);
      g_autoptr(GObject) child = row ? gtk_tree_list_row_get_item (row) : NULL;

      if (row == NULL)
        break;
      if (DOSSIER_IS_SECTION (child) && dossier_section_get_kind (DOSSIER_SECTION (child)) == section)
        return gtk_tree_list_row_get_expanded (row) ? UNFOLDED : FOLDED_SECTION;
    }

  return FOLDED_CASE;
}

static void
on_list_items_changed (DossierSidebar *self)
{
  if (self->syncing || self->selection == NULL)
    return;

  if (gtk_single_selection_get_selected_item (self->list_selection) != NULL)
    {
      GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->list_selection);
      DossierSectionKind section;
      gint64 case_id, node_id;

      /* The row of a section standing for an item of it the list does not
       * show (the filter took it out): the window shows the item still
       * (looking for its row again at each step of the filter would read
       * what matches each time). Folded by the user, the section is what
       * is shown. */
      _dossier_sidebar_row_to_selection (row, &case_id, &section, &node_id);
      if (node_id == 0 && dossier_selection_get_node_id (self->selection) != 0 &&
          case_id == dossier_selection_get_case_id (self->selection) &&
          section == dossier_selection_get_section (self->selection) &&
          gtk_tree_list_row_get_expanded (row))
        return;
      on_list_selection_changed (self);
      return;
    }

  if (dossier_selection_get_node_id (self->selection) == 0 &&
      dossier_selection_get_section (self->selection) == DOSSIER_SECTION_OVERVIEW)
    return;

  switch (selection_folding (self))
    {
    case UNFOLDED:
      /* The store changed the rows around the selected one (it moved,
       * say): the same item has a new row; select it. */
      if (dossier_selection_get_node_id (self->selection) != 0)
        on_selection_changed (self);
      break;

    case FOLDED_SECTION:
      /* The user folded the section of the selected item: go up to it. */
      dossier_selection_select (self->selection,
                                dossier_selection_get_case_id (self->selection),
                                dossier_selection_get_section (self->selection),
                                0);
      break;

    case FOLDED_CASE:
    default:
      /* Or the whole case file: go up to it, and leave it folded. */
      dossier_selection_select (self->selection,
                                dossier_selection_get_case_id (self->selection),
                                DOSSIER_SECTION_OVERVIEW, 0);
      break;
    }
}

static void
on_selection_changed (DossierSidebar *self)
{
  _dossier_sidebar_show_selection (self);
}

/**
 * dossier_sidebar_focus_selected:
 *
 * Gives the keyboard's focus to the selected row: where a search result
 * was opened, the search bar that had the focus is gone, and GTK gave it
 * to the Filter entry.
 */
void
dossier_sidebar_focus_selected (DossierSidebar *self)
{
  g_return_if_fail (DOSSIER_IS_SIDEBAR (self));

  _dossier_sidebar_focus_selected_row (self);
}

/* Case files unfolded at once, at start or when added: a few show their
 * sections; of a hundred thousand, unfolding all would read every one. */
#define UNFOLDED_AT_ONCE 20

static void
expand_case_rows (DossierSidebar *self,
                  guint           position,
                  guint           removed,
                  guint           added)
{
  for (guint i = position; i < position + MIN (added, UNFOLDED_AT_ONCE); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree_all, i);

      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

/* The selection model's signals, of the one the list shows only. */
static void
on_model_selection_changed (DossierSidebar    *self,
                            guint              position,
                            guint              n_items,
                            GtkSelectionModel *model)
{
  if (model == GTK_SELECTION_MODEL (self->list_selection))
    on_list_selection_changed (self);
}

static void
on_model_items_changed (DossierSidebar *self,
                        guint           position,
                        guint           removed,
                        guint           added,
                        GListModel     *model)
{
  if (model == G_LIST_MODEL (self->list_selection))
    on_list_items_changed (self);
}

static void
drop_selection (DossierSidebar      *self,
                GtkSingleSelection **selection)
{
  if (*selection != NULL)
    g_signal_handlers_disconnect_by_data (*selection, self);
  g_clear_object (selection);
}

/* (transfer full) */
static GtkSingleSelection *
make_selection (DossierSidebar   *self,
                GtkTreeListModel *tree)
{
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (tree)));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (selection, "selection-changed", G_CALLBACK (on_model_selection_changed), self);
  /* Collapsing the section of the selected row moves the selection to
   * another row without "selection-changed": follow the row shown. */
  g_signal_connect_swapped (selection, "items-changed", G_CALLBACK (on_model_items_changed), self);
  return selection;
}

static void
dossier_sidebar_reload (DossierSidebar *self)
{
  g_autoptr(GListModel) root = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL)
    {
      root = dossier_store_list_case_files (self->store, &error);
      if (root == NULL)
        g_warning ("%s", error->message);
    }
  if (root == NULL)
    root = G_LIST_MODEL (g_list_store_new (DOSSIER_TYPE_NODE));

  /* Two trees: every case file, and those the filter found among many
   * (dossier-sidebar-filter.c), which the list shows in turn. Each keeps
   * what is unfolded in it, and a hundred thousand case files are not
   * made into rows again when the filter is emptied. */
  _dossier_sidebar_filter_stop (self);
  g_clear_object (&self->list_selection);
  drop_selection (self, &self->selection_all);
  drop_selection (self, &self->selection_found);
  g_clear_object (&self->tree_all);
  self->tree_all = gtk_tree_list_model_new (g_steal_pointer (&root), FALSE, FALSE, create_children, self, NULL);
  g_clear_object (&self->found_cases);
  self->found_cases = g_list_store_new (DOSSIER_TYPE_NODE);
  g_clear_object (&self->tree_found);
  self->tree_found = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->found_cases)), FALSE, FALSE,
                                              create_children, self, NULL);
  g_set_object (&self->tree, self->tree_all);
  self->selection_all = make_selection (self, self->tree_all);
  self->selection_found = make_selection (self, self->tree_found);
  g_set_object (&self->list_selection, self->selection_all);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));

  /* Case files show their sections from the start (the first ones, and
   * the selected one), and so does one added later (the tree has taken
   * the new rows when this runs). */
  g_signal_connect_object (gtk_tree_list_model_get_model (self->tree_all), "items-changed",
                           G_CALLBACK (expand_case_rows), self, G_CONNECT_SWAPPED);
  expand_case_rows (self, 0, 0, g_list_model_get_n_items (gtk_tree_list_model_get_model (self->tree_all)));

  if (self->selection != NULL)
    on_selection_changed (self);
  /* Words typed already are looked for in the new store. */
  _dossier_sidebar_filter_refresh (self);
}

static void
dossier_sidebar_dispose (GObject *object)
{
  DossierSidebar *self = (DossierSidebar *)object;

  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  _dossier_sidebar_filter_stop (self);
  drop_selection (self, &self->selection_all);
  drop_selection (self, &self->selection_found);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SIDEBAR);

  g_clear_object (&self->selection_signals);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->tree_all);
  g_clear_object (&self->tree_found);
  g_clear_object (&self->found_cases);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  _dossier_sidebar_filter_dispose (self);

  G_OBJECT_CLASS (dossier_sidebar_parent_class)->dispose (object);
}

static void
dossier_sidebar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierSidebar *self = DOSSIER_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:     g_value_set_object (value, self->store); break;
    case PROP_SELECTION: g_value_set_object (value, self->selection); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_sidebar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DossierSidebar *self = DOSSIER_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:     dossier_sidebar_set_store (self, g_value_get_object (value)); break;
    case PROP_SELECTION: dossier_sidebar_set_selection (self, g_value_get_object (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_sidebar_class_init (DossierSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = dossier_sidebar_dispose;
  object_class->get_property = dossier_sidebar_get_property;
  object_class->set_property = dossier_sidebar_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, DOSSIER_TYPE_STORE, flags);
  properties[PROP_SELECTION] = g_param_spec_object ("selection", NULL, NULL, DOSSIER_TYPE_SELECTION, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_SIDEBAR_ROW);

  /* The resources live in a static library: referencing them links them in. */
  (void) dossier_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/sidebar/dossier-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSidebar, scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierSidebar, filter_note);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  _dossier_sidebar_class_filter_init (klass);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

/* Tab and Shift+Tab leave the list, as in GNOME Files' sidebar: the
 * whole tree is one stop in the focus chain (arrow keys move inside it),
 * not one stop a row. GTK 4.8's list has no setting for this (4.12 has
 * gtk_list_view_set_tab_behavior). */
static gboolean
on_key_pressed (GtkEventControllerKey *keys,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DossierSidebar        *self)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  GtkRoot *root = gtk_widget_get_root (list);
  GtkDirectionType direction;

  /* Ctrl+Tab too, which leaves any part of the window. */
  if (keyval == GDK_KEY_Tab && !(state & GDK_SHIFT_MASK))
    direction = GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab || (keyval == GDK_KEY_Tab && (state & GDK_SHIFT_MASK)))
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return GDK_EVENT_PROPAGATE;

  /* Only from the rows: a row's context menu keeps its Tab. */
  if (root == NULL || gtk_root_get_focus (root) == NULL ||
      !gtk_widget_is_ancestor (gtk_root_get_focus (root), list))
    return GDK_EVENT_PROPAGATE;

  /* The list steps aside while the window moves the focus on from it. */
  gtk_widget_set_can_focus (list, FALSE);
  if (!gtk_widget_child_focus (GTK_WIDGET (root), direction))
    gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);
  return GDK_EVENT_STOP;
}

static void
dossier_sidebar_init (DossierSidebar *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autoptr(GtkListItemFactory) factory = dossier_sidebar_row_factory_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
  self->selection_signals = g_signal_group_new (DOSSIER_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "changed",
                                 G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  /* After the handler above: the filter's follows it. */
  _dossier_sidebar_filter_init (self);
  dossier_sidebar_reload (self);
}

DossierStore *
dossier_sidebar_get_store (DossierSidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIDEBAR (self), NULL);
  return self->store;
}

void
dossier_sidebar_set_store (DossierSidebar *self,
                           DossierStore   *store)
{
  g_return_if_fail (DOSSIER_IS_SIDEBAR (self));
  g_return_if_fail (!store || DOSSIER_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      dossier_sidebar_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

DossierSelection *
dossier_sidebar_get_selection (DossierSidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIDEBAR (self), NULL);
  return self->selection;
}

void
dossier_sidebar_set_selection (DossierSidebar   *self,
                               DossierSelection *selection)
{
  g_return_if_fail (DOSSIER_IS_SIDEBAR (self));
  g_return_if_fail (!selection || DOSSIER_IS_SELECTION (selection));

  if (!g_set_object (&self->selection, selection))
    return;

  g_signal_group_set_target (self->selection_signals, selection);
  on_selection_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

GtkListView *
dossier_sidebar_get_list_view (DossierSidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIDEBAR (self), NULL);
  return self->list_view;
}

/**
 * dossier_sidebar_get_selected_item:
 *
 * Returns: (transfer none) (nullable): the #DossierNode or #DossierSection of
 *   the selected row
 */
GObject *
dossier_sidebar_get_selected_item (DossierSidebar *self)
{
  GtkTreeListRow *row;
  GObject *item;

  g_return_val_if_fail (DOSSIER_IS_SIDEBAR (self), NULL);

  row = gtk_single_selection_get_selected_item (self->list_selection);
  if (row == NULL)
    return NULL;

  /* The row keeps its own reference for as long as it is selected. */
  item = gtk_tree_list_row_get_item (row);
  g_object_unref (item);
  return item;
}
