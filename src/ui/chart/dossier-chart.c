/* dossier-chart.c
 *
 * Draws the chart through a view of src/chart (bars unless told otherwise),
 * the code the exporter uses, and keeps one DossierChartMark child per item
 * for focus and accessibility. The layout is computed on size or content
 * change, never per frame. A click, hover and tooltip all go through
 * dossier_chart_layout_hit_test(). Selecting an item writes the shared
 * #DossierSelection; the highlighted item follows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-chart-private.h"
#include "dossier-chart-bars.h"
#include "dossier-chart-content.h"
#include "dossier-chart-export.h"
#include "dossier-chart-mark.h"
#include "dossier-chart-view.h"
#include "dossier-selection.h"
#include "dossier-timeline-content.h"


G_DEFINE_FINAL_TYPE (DossierChart, dossier_chart, GTK_TYPE_WIDGET)

static void
invalidate_layout (DossierChart *self)
{
  g_clear_pointer (&self->layout, dossier_chart_layout_free);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ensure_layout (DossierChart *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  PangoContext *context;

  if (self->layout != NULL || self->content == NULL)
    return;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  /* A copy: the context's own may be replaced when the font settings change. */
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (pango_context_get_font_description (context));
  self->style.font = self->font;
  self->layout = dossier_chart_layout_measure (self->view, self->content, context, self->style.font,
                                               width, height);
}

/* The highlighted item follows the selection: the organization selected,
 * on a market chart; on a timeline, the event selected (brought into the
 * days shown), or the events the organization or person selected took
 * part in. */
static void
update_highlight (DossierChart *self)
{
  DossierSectionKind section = self->selection ? dossier_selection_get_section (self->selection) : DOSSIER_SECTION_NONE;
  gint64 node_id = self->selection ? dossier_selection_get_node_id (self->selection) : 0;
  int highlighted = -1;
  gboolean related_changed = FALSE;

  if (self->content != NULL && section != DOSSIER_SECTION_NONE && section == self->content->item_section)
    highlighted = dossier_chart_content_find (self->content, node_id);

  for (guint i = 0; self->content != NULL && self->content->events != NULL && i < self->content->items->len; i++)
    {
      DossierChartItem *item = &g_array_index (self->content->items, DossierChartItem, i);
      const DossierChartEvent *event = &g_array_index (self->content->events, DossierChartEvent, i);
      gboolean related = FALSE;

      for (guint k = 0; (section == DOSSIER_SECTION_ORGANIZATIONS || section == DOSSIER_SECTION_PEOPLE) &&
                        k < event->actors->len; k++)
        related |= g_array_index (event->actors, gint64, k) == node_id;
      related_changed |= item->related != related;
      item->related = related;
    }

  for (guint i = 0; i < self->marks->len; i++)
    dossier_chart_mark_set_selected (self->marks->pdata[i], (int) i == highlighted);

  if (highlighted != self->highlighted || related_changed)
    {
      self->highlighted = highlighted;
      if (highlighted >= 0 && self->content->events != NULL &&
          dossier_timeline_content_show_event (self->content, highlighted))
        invalidate_layout (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* An item leads to its organization (or a timeline's to its event), as every link does: through the
 * window's "win.select" action, or straight to the selection for a chart
 * that is not in a Dossier window. */
static void
select_item (DossierChart *self,
             int           index)
{
  gint64 case_id, node_id;

  if (self->selection == NULL || index < 0 ||
      (guint) index >= dossier_chart_content_get_n_items (self->content))
    return;

  case_id = dossier_selection_get_case_id (self->selection);
  node_id = dossier_chart_content_get_item (self->content, index)->id;
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.select", "(xix)",
                                   case_id, (gint32) self->content->item_section, node_id))
    dossier_selection_select (self->selection, case_id, self->content->item_section, node_id);
}

/**
 * dossier_chart_activate_at:
 * @x: widget coordinates
 *
 * What a click does: selects the organization of the item at @x, @y.
 *
 * Returns: whether there was an item there
 */
gboolean
dossier_chart_activate_at (DossierChart *self,
                           double        x,
                           double        y)
{
  int index;

  g_return_val_if_fail (DOSSIER_IS_CHART (self), FALSE);

  ensure_layout (self);
  index = dossier_chart_layout_hit_test (self->layout, x, y);
  if (index < 0)
    return FALSE;

  select_item (self, index);
  if (index < (int) self->marks->len)
    gtk_widget_grab_focus (self->marks->pdata[index]);
  return TRUE;
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   DossierChart    *self)
{
  if (dossier_chart_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
set_hovered (DossierChart *self,
             int           hovered)
{
  if (self->hovered != hovered)
    {
      self->hovered = hovered;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           DossierChart             *self)
{
  ensure_layout (self);
  self->pointer_x = x;
  set_hovered (self, dossier_chart_layout_hit_test (self->layout, x, y));
}

static void
on_leave (GtkEventControllerMotion *motion,
          DossierChart             *self)
{
  self->pointer_x = -1;
  set_hovered (self, -1);
}

static void
on_mark_activate (DossierChart     *self,
                  DossierChartMark *mark)
{
  select_item (self, dossier_chart_mark_get_index (mark));
}

static void
read_style (DossierChart *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg, bg, accent;

  gtk_style_context_get_color (context, &fg);
  /* The chart is drawn on the window's background: the colours of the
   * organizations are worked out against it (dossier-chart-palette.c). */
  if (!gtk_style_context_lookup_color (context, "window_bg_color", &bg) &&
      !gtk_style_context_lookup_color (context, "theme_bg_color", &bg))
    bg = (GdkRGBA) { 1.f, 1.f, 1.f, 1.f };
  /* GTK 4.8 themes name the accent differently: Adwaita has accent_bg_color,
   * older ones only theme_selected_bg_color. */
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent) &&
      !gtk_style_context_lookup_color (context, "theme_selected_bg_color", &accent))
    accent = fg;
  accent.alpha = 1.f;

  self->style.foreground[0] = fg.red;
  self->style.foreground[1] = fg.green;
  self->style.foreground[2] = fg.blue;
  self->style.foreground[3] = fg.alpha;
  self->style.accent[0] = accent.red;
  self->style.accent[1] = accent.green;
  self->style.accent[2] = accent.blue;
  self->style.accent[3] = accent.alpha;
  self->style.background[0] = bg.red;
  self->style.background[1] = bg.green;
  self->style.background[2] = bg.blue;
  self->style.background[3] = 1.;
  self->style.paint_background = FALSE;
}

static void
dossier_chart_set_focus_child (GtkWidget *widget,
                               GtkWidget *child)
{
  GTK_WIDGET_CLASS (dossier_chart_parent_class)->set_focus_child (widget, child);

  if (DOSSIER_IS_CHART_MARK (child))
    _dossier_chart_zoom_show_item (DOSSIER_CHART (widget), dossier_chart_mark_get_index (DOSSIER_CHART_MARK (child)));
}

static void
dossier_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  DossierChart *self = DOSSIER_CHART (widget);

  GTK_WIDGET_CLASS (dossier_chart_parent_class)->css_changed (widget, change);

  read_style (self);
  invalidate_layout (self);
}

static void
dossier_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  DossierChart *self = DOSSIER_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 480;
    }
  else
    {
      int line_height = 18;

      *minimum = (int) dossier_chart_view_min_height (self->view, self->content, line_height);
      *natural = MAX (*minimum, 360);
    }
}

static void
dossier_chart_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  DossierChart *self = DOSSIER_CHART (widget);

  g_clear_pointer (&self->layout, dossier_chart_layout_free);
  ensure_layout (self);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));

  for (guint i = 0; i < self->marks->len; i++)
    {
      GtkWidget *mark = self->marks->pdata[i];
      const DossierRect *area = &self->layout->items[i];
      int min, nat;

      gtk_widget_measure (mark, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      gtk_widget_size_allocate (mark,
                                &(GtkAllocation) { (int) area->x, (int) area->y,
                                                   (int) area->width, MAX (1, (int) area->height) },
                                -1);
    }
}

static void
dossier_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  DossierChart *self = DOSSIER_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  ensure_layout (self);
  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dossier_chart_render (cr, gtk_widget_get_pango_context (widget),
                        self->content, self->layout, &self->style,
                        self->highlighted, self->hovered);
  cairo_destroy (cr);

  for (guint i = 0; i < self->marks->len; i++)
    gtk_widget_snapshot_child (widget, self->marks->pdata[i], snapshot);
}

static void
remove_marks (DossierChart *self)
{
  for (guint i = 0; i < self->marks->len; i++)
    gtk_widget_unparent (self->marks->pdata[i]);
  g_ptr_array_set_size (self->marks, 0);
}

static void
dossier_chart_dispose (GObject *object)
{
  DossierChart *self = (DossierChart *)object;

  remove_marks (self);
  _dossier_chart_menu_dispose (self);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->content, dossier_chart_content_free);
  g_clear_pointer (&self->layout, dossier_chart_layout_free);
  g_clear_pointer (&self->font, pango_font_description_free);
  self->style.font = NULL;

  G_OBJECT_CLASS (dossier_chart_parent_class)->dispose (object);
}

static void
dossier_chart_finalize (GObject *object)
{
  DossierChart *self = (DossierChart *)object;

  g_ptr_array_unref (self->marks);

  G_OBJECT_CLASS (dossier_chart_parent_class)->finalize (object);
}

static void
dossier_chart_class_init (DossierChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_chart_dispose;
  object_class->finalize = dossier_chart_finalize;

  widget_class->measure = dossier_chart_measure;
  widget_class->size_allocate = dossier_chart_size_allocate;
  widget_class->snapshot = dossier_chart_snapshot;
  widget_class->css_changed = dossier_chart_css_changed;
  widget_class->set_focus_child = dossier_chart_set_focus_child;

  _dossier_chart_class_menu_init (klass);
  _dossier_chart_class_zoom_init (klass);
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
dossier_chart_init (DossierChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->view = dossier_chart_bars_get_view ();
  self->marks = g_ptr_array_new ();
  self->highlighted = -1;
  self->hovered = -1;
  self->pointer_x = -1;
  dossier_chart_style_init_light (&self->style);
  self->style.paint_background = FALSE;

  self->selection_signals = g_signal_group_new (DOSSIER_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "changed",
                                 G_CALLBACK (update_highlight), self, G_CONNECT_SWAPPED);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  _dossier_chart_menu_init (self);
  _dossier_chart_zoom_init (self);
}

GtkWidget *
dossier_chart_new (void)
{
  return g_object_new (DOSSIER_TYPE_CHART, NULL);
}

/**
 * dossier_chart_set_content:
 * @content: (transfer full): what to show
 *
 * Shows @content, with one child per item named for screen readers, and
 * the whole chart described to them.
 */
void
dossier_chart_set_content (DossierChart        *self,
                           DossierChartContent *content)
{
  g_autofree char *description = NULL;

  g_return_if_fail (DOSSIER_IS_CHART (self));
  g_return_if_fail (content != NULL);

  remove_marks (self);
  g_clear_pointer (&self->content, dossier_chart_content_free);
  self->content = content;
  self->highlighted = -1;
  self->hovered = -1;

  for (guint i = 0; i < dossier_chart_content_get_n_items (self->content); i++)
    {
      const DossierChartItem *item = dossier_chart_content_get_item (self->content, i);
      GtkWidget *mark = dossier_chart_mark_new (i, item->label);

      g_signal_connect_object (mark, "activate", G_CALLBACK (on_mark_activate), self, G_CONNECT_SWAPPED);
      gtk_widget_set_parent (mark, GTK_WIDGET (self));
      g_ptr_array_add (self->marks, mark);
    }
  description = dossier_chart_content_describe (self->content);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->content->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  update_highlight (self);
  _dossier_chart_zoom_update (self);
  invalidate_layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * dossier_chart_get_view:
 *
 * Returns: (transfer none): how the chart draws its items
 */
const DossierChartView *
dossier_chart_get_view (DossierChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_CHART (self), NULL);
  return self->view;
}

/**
 * dossier_chart_set_view:
 * @view: (nullable): a view, or %NULL for bars
 *
 * Draws the same content another way; the items, their names and the
 * selection stay.
 */
void
dossier_chart_set_view (DossierChart           *self,
                        const DossierChartView *view)
{
  g_return_if_fail (DOSSIER_IS_CHART (self));

  if (view == NULL)
    view = dossier_chart_bars_get_view ();
  if (self->view == view)
    return;

  self->view = view;
  self->hovered = -1;
  _dossier_chart_zoom_update (self);
  invalidate_layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

DossierSelection *
dossier_chart_get_selection (DossierChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_CHART (self), NULL);
  return self->selection;
}

/**
 * dossier_chart_set_selection:
 * @selection: (nullable): the selection the highlighted item follows, and
 *   which a click on an item changes
 */
void
dossier_chart_set_selection (DossierChart     *self,
                             DossierSelection *selection)
{
  g_return_if_fail (DOSSIER_IS_CHART (self));
  g_return_if_fail (selection == NULL || DOSSIER_IS_SELECTION (selection));

  if (!g_set_object (&self->selection, selection))
    return;

  g_signal_group_set_target (self->selection_signals, selection);
  update_highlight (self);
}

/**
 * dossier_chart_get_highlighted:
 *
 * Returns: the index of the highlighted item, or -1
 */
int
dossier_chart_get_highlighted (DossierChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_CHART (self), -1);
  return self->highlighted;
}

guint
dossier_chart_get_n_items (DossierChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_CHART (self), 0);
  return self->marks->len;
}

/**
 * dossier_chart_get_item:
 *
 * Returns: (transfer none): the #DossierChartMark standing for item @index
 */
GtkWidget *
dossier_chart_get_item (DossierChart *self,
                        guint         index)
{
  g_return_val_if_fail (DOSSIER_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);
  return self->marks->pdata[index];
}

const char *
dossier_chart_get_title (DossierChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_CHART (self), NULL);
  return self->content ? self->content->title : NULL;
}

/**
 * dossier_chart_get_content:
 *
 * Returns: (transfer none) (nullable): what the chart shows
 */
const DossierChartContent *
dossier_chart_get_content (DossierChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_CHART (self), NULL);
  return self->content;
}

/**
 * dossier_chart_get_default_title:
 *
 * Returns: (nullable): the title the chart has unless the user writes one
 */
const char *
dossier_chart_get_default_title (DossierChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_CHART (self), NULL);
  return self->content ? self->content->default_title : NULL;
}

/**
 * dossier_chart_set_title:
 * @title: (nullable): the user's title, or %NULL for the default
 *
 * Shows @title over the chart, to screen readers, and in its exports.
 */
void
dossier_chart_set_title (DossierChart *self,
                         const char   *title)
{
  g_return_if_fail (DOSSIER_IS_CHART (self));

  if (self->content == NULL)
    return;

  dossier_chart_content_set_title (self->content, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->content->title,
                                  -1);
  invalidate_layout (self);
}

/**
 * dossier_chart_export:
 * @path: a file ending in .png, .svg or .pdf
 *
 * Writes what the chart shows, with its view, at its size on screen, in
 * light colours.
 */
gboolean
dossier_chart_export (DossierChart  *self,
                      const char    *path,
                      GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_CHART (self), FALSE);

  if (self->content == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The chart is empty"));
      return FALSE;
    }

  return dossier_chart_export_file (self->view, self->content, path,
                                    MAX (640, gtk_widget_get_width (GTK_WIDGET (self))),
                                    MAX (400, gtk_widget_get_height (GTK_WIDGET (self))),
                                    error);
}
