/* dossier-sidebar-row.c
 *
 * Shows a case file, a section or a node: its title, and for events the
 * date before it, in the user's locale; it follows the node's changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-sidebar-row"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-a11y.h"
#include "dossier-format.h"
#include "dossier-node.h"
#include "dossier-section.h"
#include "dossier-sidebar-row.h"

struct _DossierSidebarRow
{
  GtkWidget     parent_instance;
  GObject      *item;
  GSignalGroup *item_signals;
  GtkLabel     *date;
  GtkLabel     *title;
};

G_DEFINE_FINAL_TYPE (DossierSidebarRow, dossier_sidebar_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_sidebar_row_update (DossierSidebarRow *self)
{
  g_autofree char *date = NULL;
  const char *title = "";
  g_autofree char *shortened = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "heading");

  if (DOSSIER_IS_SECTION (self->item))
    title = dossier_section_get_title (DOSSIER_SECTION (self->item));
  else if (DOSSIER_IS_NODE (self->item))
    {
      DossierNode *node = DOSSIER_NODE (self->item);

      title = dossier_node_get_title (node);
      if (dossier_node_get_kind (node) == DOSSIER_NODE_EVENT)
        {
          date = dossier_format_date (dossier_node_get_date (node));
          if (date != NULL && g_str_equal (dossier_node_get_status (node), "expected"))
            {
              /* Translators: an expected event's date in the sidebar */
              g_autofree char *expected = g_strdup_printf (_("%s, expected"), date);

              g_free (date);
              date = g_steal_pointer (&expected);
            }
        }
      else if (dossier_node_get_kind (node) == DOSSIER_NODE_SOURCE)
        {
          /* A source says whose it is and when, above its headline:
           * several reports share a headline's first words. */
          const char *publisher = dossier_node_get_publisher (node);
          g_autofree char *when = dossier_format_date (dossier_node_get_date (node));

          if (publisher != NULL && *publisher != '\0' && when != NULL)
            /* Translators: a source in the sidebar: 1 publisher, 2 date */
            date = g_strdup_printf (_("%1$s, %2$s"), publisher, when);
          else if (publisher != NULL && *publisher != '\0')
            date = g_strdup (publisher);
          else
            date = g_steal_pointer (&when);
        }
      else if (dossier_node_get_kind (node) == DOSSIER_NODE_CASE)
        gtk_widget_add_css_class (GTK_WIDGET (self), "heading");
    }

  /* A case file's title is read on up to four lines, an event's or a
   * source's on two (their first words alike), broken inside a word too
   * long for one; other items stay on one line. */
  {
    int lines = gtk_widget_has_css_class (GTK_WIDGET (self), "heading") ? 4 : date != NULL ? 2 : -1;

    gtk_label_set_wrap (self->title, lines > 0);
    gtk_label_set_lines (self->title, lines);
  }
  gtk_label_set_wrap_mode (self->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);

  /* Four lines at most are shown: a pasted megabyte is not laid out. */
  if (g_utf8_strlen (title, -1) > 1000)
    {
      g_autofree char *start = g_utf8_substring (title, 0, 999);

      g_free (shortened);
      title = shortened = g_strconcat (start, "…", NULL);
    }
  gtk_label_set_label (self->title, title);
  {
    g_autofree char *name = date ? g_strdup_printf ("%s, %s", date, title) : g_strdup (title);
    dossier_a11y_name_list_row (GTK_WIDGET (self), name);
  }
  gtk_label_set_label (self->date, date ? date : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date), date != NULL);
}

/* The title whole, in a tooltip: asked for when the pointer rests on the
 * row. (The tooltip-text property, set on every row bound, would ask the
 * X server where the pointer is each time: two round trips a row.) */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  DossierSidebarRow *self = DOSSIER_SIDEBAR_ROW (widget);
  const char *title = gtk_label_get_label (self->title);

  if (title == NULL || *title == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, title);
  return TRUE;
}

static void
dossier_sidebar_row_dispose (GObject *object)
{
  DossierSidebarRow *self = (DossierSidebarRow *)object;

  if (self->item_signals != NULL)
    g_signal_group_set_target (self->item_signals, NULL);
  g_clear_object (&self->item_signals);
  g_clear_object (&self->item);
  /* A context menu still open. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)), *next; child; child = next)
    {
      next = gtk_widget_get_next_sibling (child);
      if (GTK_IS_POPOVER (child))
        gtk_widget_unparent (child);
    }
  if (self->date != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->date));
  if (self->title != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->title));
  self->date = self->title = NULL;

  G_OBJECT_CLASS (dossier_sidebar_row_parent_class)->dispose (object);
}

static void
dossier_sidebar_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierSidebarRow *self = DOSSIER_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_sidebar_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierSidebarRow *self = DOSSIER_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      dossier_sidebar_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A context menu is a child of its own surface: placed once the row is. */
static void
dossier_sidebar_row_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  GTK_WIDGET_CLASS (dossier_sidebar_row_parent_class)->size_allocate (widget, width, height, baseline);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
dossier_sidebar_row_class_init (DossierSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_sidebar_row_dispose;
  object_class->get_property = dossier_sidebar_row_get_property;
  object_class->set_property = dossier_sidebar_row_set_property;
  widget_class->size_allocate = dossier_sidebar_row_size_allocate;

  /* A #DossierNode or a #DossierSection. */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebarrow");
}

/* The row's context menu: what the page's buttons do, for this row. */
static GMenuModel *
make_menu (DossierSidebarRow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  if (DOSSIER_IS_SECTION (self->item))
    {
      DossierSectionKind kind = dossier_section_get_kind (DOSSIER_SECTION (self->item));
      const char *add = dossier_section_kind_get_add_label (kind);
      g_autoptr(GMenuItem) item = NULL;

      if (add == NULL)
        return NULL;
      item = g_menu_item_new (add, NULL);
      g_menu_item_set_action_and_target_value (item, "win.add-item", g_variant_new_int32 (kind));
      g_menu_append_item (menu, item);
    }
  else if (DOSSIER_IS_NODE (self->item))
    {
      gboolean is_case = dossier_node_get_kind (DOSSIER_NODE (self->item)) == DOSSIER_NODE_CASE;

      g_menu_append (menu, _("_Edit…"), "win.edit");
      g_menu_append (menu, _("Add _Note…"), "win.add-note");
      g_menu_append (menu, is_case ? _("_Delete Case File") : _("_Delete"),
                     is_case ? "win.delete-case" : "win.delete-item");
    }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static gboolean
unparent_popover (gpointer data)
{
  g_autoptr(GtkWidget) popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  return G_SOURCE_REMOVE;
}

/* The menu closes before its item's action runs, which needs the row as
 * the menu's parent to find the window's actions: let go of it after. */
static void
on_popover_closed (GtkWidget *popover)
{
  g_idle_add (unparent_popover, g_object_ref (popover));
}

/* Right-click: the row is selected (the page shows it, as a click does),
 * then its menu opens where the pointer is. */
static void
on_secondary_click (GtkGestureClick   *gesture,
                    int                n_press,
                    double             x,
                    double             y,
                    DossierSidebarRow *self)
{
  g_autoptr(GMenuModel) menu = make_menu (self);
  GtkWidget *popover;

  gtk_widget_activate_action (GTK_WIDGET (self), "listitem.select", "(bb)", FALSE, FALSE);
  if (menu == NULL)
    return;

  popover = gtk_popover_menu_new_from_model (menu);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (on_popover_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
dossier_sidebar_row_init (DossierSidebarRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  /* Made in code, not from a template: a sidebar opens with up to 200
   * rows (GTK 4.8's list view makes that many), and parsing a template for
   * each was most of the work of the first frame with many case files. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  /* The row takes the width beside its expander, which its title wraps
   * in: left to its natural width, a case file's title wrapped at a dozen
   * characters with half the sidebar free (found by a new user's trial). */
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  self->date = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->date, 0.f);
  gtk_label_set_ellipsize (self->date, PANGO_ELLIPSIZE_END);
  gtk_widget_set_visible (GTK_WIDGET (self->date), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->date), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->date), "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->date), GTK_WIDGET (self));

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0.f);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->title, 34);
  /* Wrapped on two lines, a title asks for no more than this much: the
   * sidebar keeps the width it is given. */
  gtk_label_set_width_chars (self->title, 12);
  gtk_widget_set_parent (GTK_WIDGET (self->title), GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  /* A node is live: an edit of its title or date shows at once. */
  self->item_signals = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_object (self->item_signals, "notify",
                                 G_CALLBACK (dossier_sidebar_row_update), self, G_CONNECT_SWAPPED);
}

GObject *
dossier_sidebar_row_get_item (DossierSidebarRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIDEBAR_ROW (self), NULL);
  return self->item;
}

void
dossier_sidebar_row_set_item (DossierSidebarRow *self,
                              GObject           *item)
{
  g_return_if_fail (DOSSIER_IS_SIDEBAR_ROW (self));

  if (g_set_object (&self->item, item))
    {
      g_signal_group_set_target (self->item_signals, item);
      dossier_sidebar_row_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkWidget *expander = gtk_tree_expander_new ();

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), g_object_new (DOSSIER_TYPE_SIDEBAR_ROW, NULL));
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (expander, row);
  dossier_sidebar_row_set_item (DOSSIER_SIDEBAR_ROW (gtk_tree_expander_get_child (expander)), item);
}

/**
 * dossier_sidebar_row_factory_new:
 *
 * The sidebar list's rows: each a #GtkTreeExpander (the fold arrow and
 * its depth) around a #DossierSidebarRow, bound to a #GtkTreeListRow.
 * Signals, not a #GtkBuilderListItemFactory: its template and expressions,
 * for each of the first frame's rows, cost more than the rows.
 *
 * There is no "unbind": GTK 4.8 unbinds and binds a row again whenever its
 * position changes (each fold or unfold above it), and a row bound again
 * to what it shows does nothing. A row set aside keeps its item until it
 * is bound to another or let go of.
 *
 * Returns: (transfer full): the factory
 */
GtkListItemFactory *
dossier_sidebar_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  return factory;
}
