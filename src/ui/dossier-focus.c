/* dossier-focus.c
 *
 * A view that builds its widgets again (the detail pane, after an edit or
 * an undo, or for the page a link leads to) would lose the keyboard's
 * place: GTK moves the focus of a removed widget to some other one (the
 * page's first button, or the sidebar's Filter once a dialog closed, as
 * a new user's trial found). The place is kept by what the focused widget
 * does, its action and target, which the same button has again on the
 * page built anew; on a new page, or when that button is gone, the focus
 * goes to the page's first stop. A view the focus was not in is left be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-focus"

#include "config.h"

#include "dossier-focus.h"

struct _DossierFocusPlace
{
  GWeakRef  widget;   /* the focused widget, if it outlives the rebuild */
  char     *action;   /* its action, or its nearest actionable ancestor's */
  GVariant *target;
  guint     nth;      /* which of the view's widgets doing the same it was */
  guint     index;    /* which of all the view's actionable widgets */
};

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *view)
{
  return widget != NULL && (widget == view || gtk_widget_is_ancestor (widget, view));
}

static gboolean
same_target (GVariant *a,
             GVariant *b)
{
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && g_variant_equal (a, b));
}

/* The shown actionable widgets of @widget's tree, in order: the order of
 * the page, which Tab follows once it is laid out. */
static void
collect (GtkWidget *widget,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_ACTIONABLE (child))
        g_ptr_array_add (found, child);
      collect (child, found);
    }
}

static gboolean
does_same (GtkWidget         *widget,
           DossierFocusPlace *place)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), place->action) == 0 &&
         same_target (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), place->target);
}

/**
 * dossier_focus_place_save:
 * @view: a view about to be built again
 *
 * Returns: (transfer full) (nullable): where the focus is in @view, or
 *   %NULL when it is elsewhere
 */
DossierFocusPlace *
dossier_focus_place_save (GtkWidget *view)
{
  GtkRoot *root = gtk_widget_get_root (view);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  DossierFocusPlace *place;
  GtkWidget *actionable = focus;

  if (!is_inside (focus, view))
    return NULL;

  place = g_new0 (DossierFocusPlace, 1);
  g_weak_ref_init (&place->widget, focus);
  while (actionable != NULL && actionable != view && !GTK_IS_ACTIONABLE (actionable))
    actionable = gtk_widget_get_parent (actionable);
  if (actionable != NULL && GTK_IS_ACTIONABLE (actionable))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (actionable));

      g_autoptr(GPtrArray) all = g_ptr_array_new ();

      place->action = g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (actionable)));
      place->target = target != NULL ? g_variant_ref (target) : NULL;
      collect (view, all);
      for (guint i = 0; i < all->len && all->pdata[i] != actionable; i++)
        {
          place->index++;
          place->nth += does_same (all->pdata[i], place);
        }
    }
  return place;
}

static gboolean
takes_focus (GtkWidget *widget)
{
  return gtk_widget_is_sensitive (widget) && gtk_widget_get_focusable (widget) && gtk_widget_grab_focus (widget);
}

/* Of @found, the @index-th, or the nearest to it that takes the focus
 * (the one before first: where a deleted note's button was, the note
 * above it). */
static gboolean
focus_at (GPtrArray *found,
          guint      index)
{
  index = MIN (index, found->len);
  for (guint d = 0; d <= found->len; d++)
    {
      if (index >= d && index - d < found->len && takes_focus (found->pdata[index - d]))
        return TRUE;
      if (d > 0 && index + d < found->len && takes_focus (found->pdata[index + d]))
        return TRUE;
    }
  return FALSE;
}

/**
 * dossier_focus_place_restore:
 * @place: (nullable): from dossier_focus_place_save()
 * @view: the view, built again
 * @same_view: whether @view shows what it showed (a page after an edit)
 *   or something else (the page a link led to)
 *
 * Leaves the focus on a widget that kept it (a selectable text: focused
 * again, GTK would select all of it); puts it back on the widget it was
 * on, if that is still in @view; else, for the same view, on the widget
 * doing what it did (the same one of several that do), or failing that
 * on the stop that took its place in the page's order; else on @view's
 * first stop. Stops are found in the page's order rather than by Tab,
 * which in GTK 4.8 goes by where widgets were laid out, and a page just
 * built has not been. The window need not be active: a dialog that
 * closes gives the focus back to where this puts it.
 */
void
dossier_focus_place_restore (DossierFocusPlace *place,
                             GtkWidget         *view,
                             gboolean           same_view)
{
  GtkRoot *root = gtk_widget_get_root (view);
  g_autoptr(GtkWidget) before = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  if (place == NULL || root == NULL)
    return;

  before = g_weak_ref_get (&place->widget);
  if (is_inside (before, view) && before == gtk_root_get_focus (root))
    return;
  if (is_inside (before, view) && gtk_widget_get_mapped (before) && gtk_widget_grab_focus (before))
    return;

  collect (view, all);
  if (same_view && place->action != NULL)
    {
      g_autoptr(GPtrArray) same = g_ptr_array_new ();

      for (guint i = 0; i < all->len; i++)
        if (does_same (all->pdata[i], place))
          g_ptr_array_add (same, all->pdata[i]);
      if (focus_at (same, place->nth))
        return;
    }
  focus_at (all, same_view ? place->index : 0);
}

void
dossier_focus_place_free (DossierFocusPlace *place)
{
  if (place == NULL)
    return;
  g_weak_ref_clear (&place->widget);
  g_free (place->action);
  g_clear_pointer (&place->target, g_variant_unref);
  g_free (place);
}
