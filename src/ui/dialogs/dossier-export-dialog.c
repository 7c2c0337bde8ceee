/* dossier-export-dialog.c
 *
 * Export Chart (Ctrl+E): the format (PNG, SVG, PDF), the size (a web
 * article's, a social card's, or the user's own), the scale of a PNG (1×,
 * or 2× for screens of twice the density), and a preview of exactly what
 * will be written, drawn by the exporter from the chart's view and
 * content. Export… asks where, in the folder used last; the options and
 * the folder are remembered in the settings. A failure (a full disk, a
 * folder that cannot be written) is said in the dialog, which stays open
 * with its options.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-chart-export.h"
#include "dossier-export-dialog.h"
#include "dossier-settings.h"
#include "dossier-tooltip.h"

/* The presets, in the size picker's order; the last is the custom size. */
static const struct {
  const char *key;
  int width, height;
} sizes[] = {
  { "article", 640, 400 },
  { "social", 1200, 675 },
  { "custom", 0, 0 },
};

static const char *const formats[] = { "png", "svg", "pdf" };

/* The preview is drawn at the export's size; past this many pixels, not. */
#define PREVIEW_MAX_PIXELS (4000 * 4000)
#define CUSTOM_MAX 8000

struct _DossierExportDialog
{
  GtkWindow             parent_instance;

  DossierChart         *chart;
  GSettings            *settings;
  GtkFileChooserNative *chooser;

  GtkDropDown          *format;
  GtkDropDown          *size;
  GtkSpinButton        *width;
  GtkSpinButton        *height;
  GtkDropDown          *scale;
  GtkPicture           *preview;
  GtkLabel             *pixels;
  GtkLabel             *error;
};

G_DEFINE_FINAL_TYPE (DossierExportDialog, dossier_export_dialog, GTK_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * dossier_export_dialog_get_size:
 * @scale: (out): 1 or 2 for a PNG, 1 otherwise
 *
 * The size the chart will be exported at, in pixels at scale 1 or points.
 */
void
dossier_export_dialog_get_size (DossierExportDialog *self,
                                int                 *width,
                                int                 *height,
                                int                 *scale)
{
  guint size = gtk_drop_down_get_selected (self->size);

  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));

  if (size < G_N_ELEMENTS (sizes) - 1)
    {
      *width = sizes[size].width;
      *height = sizes[size].height;
    }
  else
    {
      *width = gtk_spin_button_get_value_as_int (self->width);
      *height = gtk_spin_button_get_value_as_int (self->height);
    }
  *scale = gtk_drop_down_get_selected (self->format) == DOSSIER_CHART_FORMAT_PNG
           ? (int) gtk_drop_down_get_selected (self->scale) + 1 : 1;
}

/* The options changed: the size fields follow the preset, the scale is
 * for PNG only, and the preview is drawn again. */
static void
update (DossierExportDialog *self)
{
  guint size = gtk_drop_down_get_selected (self->size);
  gboolean custom = size == G_N_ELEMENTS (sizes) - 1;
  DossierChartFormat format = gtk_drop_down_get_selected (self->format);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pixels = NULL;
  int width, height, scale;

  if (!custom)
    {
      /* The preset's size shown, and the start of a custom one. */
      g_signal_handlers_block_by_func (self->width, update, self);
      g_signal_handlers_block_by_func (self->height, update, self);
      gtk_spin_button_set_value (self->width, sizes[size].width);
      gtk_spin_button_set_value (self->height, sizes[size].height);
      g_signal_handlers_unblock_by_func (self->width, update, self);
      g_signal_handlers_unblock_by_func (self->height, update, self);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->width), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale), format == DOSSIER_CHART_FORMAT_PNG);

  dossier_export_dialog_get_size (self, &width, &height, &scale);
  if (format == DOSSIER_CHART_FORMAT_PNG)
    /* Translators: under the preview: the PNG's pixels, 1 wide by 2 high */
    pixels = g_strdup_printf (_("A PNG image of %1$d × %2$d pixels"), width * scale, height * scale);
  else if (format == DOSSIER_CHART_FORMAT_SVG)
    /* Translators: under the preview: 1 wide by 2 high */
    pixels = g_strdup_printf (_("An SVG drawing of %1$d × %2$d pixels, sharp at any size"), width, height);
  else
    /* Translators: under the preview: 1 wide by 2 high */
    pixels = g_strdup_printf (_("A PDF document of %1$d × %2$d points, sharp at any size"), width, height);
  gtk_label_set_label (self->pixels, pixels);
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);

  if (dossier_chart_get_content (self->chart) == NULL || (gint64) width * height > PREVIEW_MAX_PIXELS)
    {
      gtk_picture_set_paintable (self->preview, NULL);
      return;
    }

  /* The preview is the PNG at scale 1: what every format draws. */
  png = dossier_chart_export_bytes (dossier_chart_get_view (self->chart), dossier_chart_get_content (self->chart),
                                    DOSSIER_CHART_FORMAT_PNG, width, height, 1, &error);
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, &error);
  if (texture == NULL)
    {
      gtk_label_set_label (self->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
    }
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
}

/**
 * dossier_export_dialog_dup_name:
 *
 * Returns: (transfer full): the file name offered, with the extension of
 *   the format chosen
 */
char *
dossier_export_dialog_dup_name (DossierExportDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), NULL);

  /* Translators: the file name an exported chart is offered under,
   * without its extension */
  return g_strdup_printf ("%s.%s", _("market-share"), formats[gtk_drop_down_get_selected (self->format)]);
}

static void
remember (DossierExportDialog *self,
          const char          *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int width, height, scale;

  if (self->settings == NULL)
    return;

  dossier_export_dialog_get_size (self, &width, &height, &scale);
  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "export-format", formats[gtk_drop_down_get_selected (self->format)]);
  g_settings_set_string (self->settings, "export-size", sizes[gtk_drop_down_get_selected (self->size)].key);
  g_settings_set_int (self->settings, "export-width", gtk_spin_button_get_value_as_int (self->width));
  g_settings_set_int (self->settings, "export-height", gtk_spin_button_get_value_as_int (self->height));
  g_settings_set_int (self->settings, "export-scale", gtk_drop_down_get_selected (self->scale) + 1);
  g_settings_set_string (self->settings, "export-folder", folder);
  g_settings_apply (self->settings);
}

/**
 * dossier_export_dialog_export_to:
 * @path: where to write; without an extension the chosen format's is
 *   added, with one of .png, .svg or .pdf that format is written
 *
 * Writes the chart with the options shown, remembers them and the folder,
 * and emits ::exported.
 *
 * Returns: whether the file was written
 */
gboolean
dossier_export_dialog_export_to (DossierExportDialog  *self,
                                 const char           *path,
                                 GError              **error)
{
  g_autofree char *target = NULL;
  DossierChartFormat format;
  int width, height, scale;

  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), FALSE);

  if (dossier_chart_get_content (self->chart) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The chart is empty"));
      return FALSE;
    }

  if (dossier_chart_format_from_path (path, &format))
    {
      target = g_strdup (path);
      gtk_drop_down_set_selected (self->format, format);
    }
  else
    target = g_strdup_printf ("%s.%s", path, formats[gtk_drop_down_get_selected (self->format)]);

  dossier_export_dialog_get_size (self, &width, &height, &scale);
  if (!dossier_chart_export_file_scaled (dossier_chart_get_view (self->chart), dossier_chart_get_content (self->chart),
                                         target, width, height, scale, error))
    return FALSE;

  remember (self, target);
  g_signal_emit (self, signals[EXPORTED], 0, target);
  return TRUE;
}

static void
on_chooser_response (DossierExportDialog  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  g_clear_object (&self->chooser);
  if (path == NULL)
    return;

  /* The chooser asked before replacing the name typed; with the
   * extension added, the file written is another, maybe there already. */
  {
    DossierChartFormat typed;
    g_autofree char *full = g_strdup_printf ("%s.%s", path, formats[gtk_drop_down_get_selected (self->format)]);

    if (!dossier_chart_format_from_path (path, &typed) && g_file_test (full, G_FILE_TEST_EXISTS))
      {
        g_autofree char *name = g_path_get_basename (full);
        /* Translators: %s is a file name, as in "chart.png" */
        g_autofree char *message = g_strdup_printf (_("“%s” is there already: export again and type its whole "
                                                      "name to replace it"), name);

        gtk_label_set_label (self->error, message);
        gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
        return;
      }
  }

  if (dossier_export_dialog_export_to (self, path, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* Said here, the options kept, to try again elsewhere. */
  gtk_label_set_label (self->error, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
}

static void
on_export_clicked (DossierExportDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* The options stay as they are while the chooser is open. */
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = dossier_export_dialog_dup_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  folder = self->settings ? g_settings_get_string (self->settings, "export-folder") : g_strdup ("");
  if (*folder == '\0' || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_free (folder);
      folder = g_strdup (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES));
    }
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), dir, NULL);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The options remembered from the last export. */
static void
restore (DossierExportDialog *self)
{
  g_autofree char *format = NULL;
  g_autofree char *size = NULL;

  if (self->settings == NULL)
    return;

  format = g_settings_get_string (self->settings, "export-format");
  size = g_settings_get_string (self->settings, "export-size");
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (format, formats[i]))
      gtk_drop_down_set_selected (self->format, i);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (g_str_equal (size, sizes[i].key))
      gtk_drop_down_set_selected (self->size, i);
  gtk_spin_button_set_value (self->width, g_settings_get_int (self->settings, "export-width"));
  gtk_spin_button_set_value (self->height, g_settings_get_int (self->settings, "export-height"));
  gtk_drop_down_set_selected (self->scale, CLAMP (g_settings_get_int (self->settings, "export-scale"), 1, 2) - 1);
}

static GtkDropDown *
drop_down (const char *const *items)
{
  GtkWidget *widget = gtk_drop_down_new_from_strings (items);

  gtk_widget_set_hexpand (widget, TRUE);
  return GTK_DROP_DOWN (widget);
}

static GtkSpinButton *
spin (int min)
{
  GtkWidget *widget = gtk_spin_button_new_with_range (min, CUSTOM_MAX, 10);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (widget), 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (widget), TRUE);
  return GTK_SPIN_BUTTON (widget);
}

/* A row of the grid: a mnemonic label and the widget it names. */
static void
attach_row (GtkGrid    *grid,
            int         row,
            const char *label_text,
            GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 1.f);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
}

static void
dossier_export_dialog_dispose (GObject *object)
{
  DossierExportDialog *self = (DossierExportDialog *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->chart);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_export_dialog_parent_class)->dispose (object);
}

static void
dossier_export_dialog_class_init (DossierExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_export_dialog_dispose;

  /**
   * DossierExportDialog::exported:
   * @path: the file written
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_export_dialog_init (DossierExportDialog *self)
{
  const char *format_names[] = { _("PNG Image"), _("SVG Drawing"), _("PDF Document"), NULL };
  const char *size_names[] = { _("Web Article (640 × 400)"), _("Social Card (1200 × 675)"), _("Custom"), NULL };
  const char *scale_names[] = { _("1× (Standard)"), _("2× (High Density)"), NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *dimensions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *by = gtk_label_new ("×");
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));

  gtk_window_set_title (GTK_WINDOW (self), _("Export Chart"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, -1);

  self->settings = dossier_settings_new ();
  self->format = drop_down (format_names);
  self->size = drop_down (size_names);
  self->scale = drop_down (scale_names);
  self->width = spin (DOSSIER_CHART_MIN_WIDTH);
  self->height = spin (DOSSIER_CHART_MIN_HEIGHT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->width), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Width"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->height), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Height"), -1);
  dossier_tooltip_set (GTK_WIDGET (self->width), _("Width, in pixels at 1× (points for a PDF)"));
  dossier_tooltip_set (GTK_WIDGET (self->height), _("Height, in pixels at 1× (points for a PDF)"));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  attach_row (GTK_GRID (grid), 0, _("_Format"), GTK_WIDGET (self->format));
  attach_row (GTK_GRID (grid), 1, _("_Size"), GTK_WIDGET (self->size));
  gtk_box_append (GTK_BOX (dimensions), GTK_WIDGET (self->width));
  gtk_box_append (GTK_BOX (dimensions), by);
  gtk_box_append (GTK_BOX (dimensions), GTK_WIDGET (self->height));
  gtk_grid_attach (GTK_GRID (grid), dimensions, 1, 2, 1, 1);
  attach_row (GTK_GRID (grid), 3, _("Sc_ale"), GTK_WIDGET (self->scale));

  /* The preview: the export itself, shrunk to fit. */
  self->preview = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->preview, TRUE);
  gtk_picture_set_content_fit (self->preview, GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (GTK_WIDGET (self->preview), 480, 300);
  gtk_picture_set_alternative_text (self->preview, _("Preview of the exported chart"));
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->preview));
  self->pixels = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->pixels), "dim-label");
  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_label_set_xalign (self->error, 0.f);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);

  /* As GNOME's dialogs: Cancel and the action in the header bar. */
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (export, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (on_export_clicked), self);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), export);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->pixels));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error));
  gtk_window_set_child (GTK_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), export);

  restore (self);
  g_signal_connect_swapped (self->format, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->size, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->scale, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->width, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->height, "value-changed", G_CALLBACK (update), self);
  gtk_widget_grab_focus (export);
}

/**
 * dossier_export_dialog_new:
 * @chart: the chart to export, as it is when Export is pressed
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
dossier_export_dialog_new (GtkWindow    *parent,
                           DossierChart *chart)
{
  DossierExportDialog *self;

  g_return_val_if_fail (DOSSIER_IS_CHART (chart), NULL);

  self = g_object_new (DOSSIER_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->chart = g_object_ref (chart);
  update (self);
  return GTK_WIDGET (self);
}

/**
 * dossier_export_dialog_get_preview:
 *
 * Returns: (transfer none) (nullable): what the preview shows
 */
GdkPaintable *
dossier_export_dialog_get_preview (DossierExportDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), NULL);
  return gtk_picture_get_paintable (self->preview);
}
