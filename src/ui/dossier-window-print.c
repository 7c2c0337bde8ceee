/* dossier-window-print.c
 *
 * Ctrl+P prints the brief of the case file shown (win.print-brief):
 * GtkPrintOperation's dialog, where "Print to File" writes a PDF, with
 * the pages laid out by dossier-brief.c, the code `dossier --export-brief`
 * uses without a display. The brief is read from the store when printing
 * begins, so it says what the window shows at that moment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-brief.h"
#include "dossier-selection.h"
#include "dossier-window-private.h"

typedef struct
{
  DossierBrief *brief;
  PangoContext *context;
} Printing;

static void
printing_free (gpointer data)
{
  Printing *printing = data;

  g_clear_pointer (&printing->brief, dossier_brief_free);
  g_clear_object (&printing->context);
  g_free (printing);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Printing          *printing)
{
  guint pages;

  g_clear_object (&printing->context);
  printing->context = gtk_print_context_create_pango_context (context);
  pages = dossier_brief_paginate (printing->brief, printing->context,
                                  gtk_print_context_get_width (context),
                                  gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) pages);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Printing          *printing)
{
  dossier_brief_draw_page (printing->brief, gtk_print_context_get_cairo_context (context),
                           printing->context, (guint) page);
}

static void
show_error (DossierWindow *self,
            const GError  *error)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              _("The brief could not be printed"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         DossierWindow           *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (self, error);
    }
}

/* The operation on the brief of the case file shown, in points on A4
 * unless the dialog says otherwise. */
static GtkPrintOperation *
new_operation (DossierWindow  *self,
               GError        **error)
{
  gint64 case_id = dossier_selection_get_case_id (self->selection);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *name = NULL;
  Printing *printing;
  DossierBrief *brief;

  if (case_id <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Select a case file to print its brief"));
      return NULL;
    }
  if (!(brief = dossier_brief_new (self->store, case_id, error)))
    return NULL;

  printing = g_new0 (Printing, 1);
  printing->brief = brief;
  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "dossier-printing", printing, printing_free);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The brief has its own margins. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Translators: the default name of a printed brief's file; %s is the case file's title */
  name = g_strdup_printf (_("%s — brief"), dossier_brief_get_title (brief));
  gtk_print_operation_set_job_name (operation, name);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), printing);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), printing);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_done), self, 0);
  return g_steal_pointer (&operation);
}

static void
print_brief_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;  /* installed on the window's class */
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (!(operation = new_operation (self, &error)))
    {
      show_error (self, error);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error);
}

/**
 * dossier_window_print_brief_to:
 * @path: a PDF to write
 *
 * Prints the brief of the case file shown into @path, as "Print to File"
 * does, without a dialog.
 *
 * Returns: whether it was written
 */
gboolean
dossier_window_print_brief_to (DossierWindow  *self,
                               const char     *path,
                               GError        **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(operation = new_operation (self, error)))
    return FALSE;
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (self), error) == GTK_PRINT_OPERATION_RESULT_APPLY;
}

void
_dossier_window_class_print_init (DossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.print-brief", NULL, print_brief_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-brief", NULL);
}
