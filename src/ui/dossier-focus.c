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
};

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *view)
{
  return widget != NULL && (widget == view || gtk_widget_is_ancestor (widget, view));
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

      place->action = g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (actionable)));
      place->target = target != NULL ? g_variant_ref (target) : NULL;
    }
  return place;
}

static gboolean
same_target (GVariant *a,
             GVariant *b)
{
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && g_variant_equal (a, b));
}

/* The first widget in @widget's tree doing what @place's did. */
static GtkWidget *
find_same (GtkWidget         *widget,
           DossierFocusPlace *place)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), place->action) == 0 &&
          same_target (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child)), place->target))
        return child;
      if ((found = find_same (child, place)) != NULL)
        return found;
    }
  return NULL;
}

/**
 * dossier_focus_place_restore:
 * @place: (nullable): from dossier_focus_place_save()
 * @view: the view, built again
 * @same_view: whether @view shows what it showed (a page after an edit)
 *   or something else (the page a link led to)
 *
 * Puts the focus back on the widget it was on, if it is still in @view;
 * else, for the same view, on the widget doing what it did; else on
 * @view's first stop. The window need not be active: a dialog that
 * closes gives the focus back to where this puts it.
 */
void
dossier_focus_place_restore (DossierFocusPlace *place,
                             GtkWidget         *view,
                             gboolean           same_view)
{
  g_autoptr(GtkWidget) before = NULL;
  GtkWidget *same = NULL;

  if (place == NULL)
    return;

  before = g_weak_ref_get (&place->widget);
  if (is_inside (before, view) && gtk_widget_get_mapped (before))
    gtk_widget_grab_focus (before);
  else if (same_view && place->action != NULL && (same = find_same (view, place)) != NULL)
    gtk_widget_grab_focus (same);
  else
    {
      /* From no focus: GTK may have put it on a later stop already. */
      gtk_root_set_focus (gtk_widget_get_root (view), NULL);
      gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
    }
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
