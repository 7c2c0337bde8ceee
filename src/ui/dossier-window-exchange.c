/* dossier-window-exchange.c
 *
 * The window's exchange actions, in the main menu: win.import-case
 * (Ctrl+O) and win.export-case (Dossier's JSON case files), and
 * win.import-shares and win.export-shares (market shares in CSV). Each asks
 * for a file (GtkFileChooserNative: GTK 4.8 has no GtkFileDialog), hands it
 * to the store as a job on a worker thread (dossier-window-jobs.c shows
 * its progress, with Cancel), and says what came of it: an import in the undo bar, with
 * the case file it brought opened; an export in the bar above the chart,
 * with a button to open the file. A case file already there asks whether to
 * import it as a copy; a CSV file with mistakes lists every one with its
 * line, and nothing is imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-a11y.h"
#include "dossier-format.h"
#include "dossier-node.h"
#include "dossier-selection.h"
#include "dossier-store.h"
#include "dossier-window-private.h"

/* The response of "Import as Copy" in the dialog asking it. */
#define RESPONSE_COPY 1

static void import_case (DossierWindow      *self,
                         const char         *path,
                         DossierImportFlags  flags);

static void
on_copy_response (GtkDialog *dialog,
                  int        response,
                  gpointer   user_data)
{
  /* A plain cast: this file calls nothing in dossier-window.c. */
  DossierWindow *self = (DossierWindow *) gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (dialog), "path"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == RESPONSE_COPY && self != NULL)
    import_case (self, path, DOSSIER_IMPORT_AS_COPY);
}

/* A case file that is here already: a copy, or nothing. */
static void
ask_for_copy (DossierWindow *self,
              const char    *path,
              const GError  *error)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                              _("This case file is in Dossier already"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("%s\n\nNothing was imported. Import it as a copy to keep both."),
                                            error->message);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("Import as _Copy"), RESPONSE_COPY);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gtk_window_set_title (GTK_WINDOW (dialog), _("This case file is in Dossier already"));
  dossier_a11y_name_mnemonic_buttons (dialog);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_copy_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A job running: the window it was started from, held weakly (closed,
 * the window cancels the job as it goes), and the file. */
typedef struct
{
  GWeakRef  window;
  char     *path;
  gint64    id;
} Pending;

static Pending *
pending_new (DossierWindow *self,
             const char    *path)
{
  Pending *pending = g_new0 (Pending, 1);

  g_weak_ref_init (&pending->window, self);
  pending->path = g_strdup (path);
  return pending;
}

static void
pending_free (Pending *pending)
{
  g_weak_ref_clear (&pending->window);
  g_free (pending->path);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

/* One job at a time; win.export-case needs a case file shown. */
static void
update_exchange_actions (DossierWindow *self)
{
  gboolean idle = self->store != NULL && self->job_cancellable == NULL;
  /* Another window's import counts too. */
  gboolean writable = idle && !dossier_store_is_read_only (self->store) && !dossier_store_get_busy (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-case", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-shares", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-shares", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-case",
                                 idle && self->selection != NULL &&
                                 dossier_selection_get_case_id (self->selection) != 0);
}

/* A job started (%NULL when another runs). */
static GCancellable *
job_begin (DossierWindow *self,
           gboolean       import,
           const char    *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = import
    /* Translators: %s is a file name, in the bar of a running import */
    ? g_strdup_printf (_("Importing %s…"), name)
    /* Translators: %s is a file name, in the bar of a running export */
    : g_strdup_printf (_("Exporting to %s…"), name);
  GCancellable *cancellable = _dossier_window_job_begin (self, message);

  update_exchange_actions (self);
  return cancellable;
}

/* What a job's end means to the window (%NULL once closed): %FALSE when
 * it is to be let go of in silence (closed, or the job cancelled). */
static gboolean
job_ended (DossierWindow *self,
           GError        *error)
{
  if (self == NULL)
    return FALSE;
  _dossier_window_job_end (self);
  if (self->store == NULL)
    return FALSE;
  update_exchange_actions (self);
  return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
on_case_imported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(Pending) pending = data;
  g_autoptr(DossierWindow) self = g_weak_ref_get (&pending->window);
  const char *path = pending->path;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierNode) node = NULL;
  g_autofree char *message = NULL;
  gint64 case_id = 0;
  gboolean ok = dossier_store_import_case_file_finish (DOSSIER_STORE (source), result, &case_id, &error);

  if (!job_ended (self, error))
    return;
  if (!ok)
    {
      if (g_error_matches (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CASE_EXISTS))
        ask_for_copy (self, path, error);
      else
        _dossier_window_show_error (self, _("The case file could not be imported"), error);
      return;
    }

  if (case_id == 0)
    {
      g_autofree char *name = g_path_get_basename (path);

      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Imported %s"), name);
    }
  else
    {
      node = dossier_store_get_node (self->store, case_id, case_id, NULL);
      /* Translators: %s is a case file's title */
      message = g_strdup_printf (_("Imported “%s”"), node ? dossier_node_get_title (node) : "");
      dossier_selection_select (self->selection, case_id, DOSSIER_SECTION_OVERVIEW, 0);
    }
  _dossier_window_show_undo_bar (self, message);
}


static void
import_case (DossierWindow      *self,
             const char         *path,
             DossierImportFlags  flags)
{
  GCancellable *cancellable = job_begin (self, TRUE, path);

  if (cancellable == NULL)
    return;
  dossier_store_import_case_file_async (self->store, path, flags, cancellable, _dossier_window_job_progress, self,
                                        on_case_imported, pending_new (self, path));
}

/* What dossier_window_import_case_from() does. */
void
_dossier_window_import_case (DossierWindow *self,
                             const char    *path)
{
  import_case (self, path, DOSSIER_IMPORT_DEFAULT);
}

/* Every mistake of a CSV file, one a line, in a dialog that scrolls. */
static void
show_problems (DossierWindow *self,
               const char    *path,
               GPtrArray     *problems)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GString) lines = g_string_new (NULL);
  GtkWidget *dialog, *scrolled, *label, *area;

  for (guint i = 0; i < problems->len; i++)
    {
      DossierProblem *problem = problems->pdata[i];

      if (i > 0)
        g_string_append_c (lines, '\n');
      /* Translators: 1 a line number, 2 what is wrong on it */
      g_string_append_printf (lines, _("Line %1$u: %2$s"), problem->line, problem->message);
    }

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   _("The market shares could not be imported"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            ngettext ("Nothing was imported. Fix this line of %s, then import it again.",
                                                         "Nothing was imported. Fix these lines of %s, then import it again.",
                                                         problems->len),
                                            name);

  label = gtk_label_new (lines->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.);
  gtk_label_set_yalign (GTK_LABEL (label), 0.);
  gtk_widget_add_css_class (label, "problems");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), MIN (problems->len, 8) * 24);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));
  gtk_box_append (GTK_BOX (area), scrolled);

  gtk_window_set_title (GTK_WINDOW (dialog), _("The market shares could not be imported"));
  dossier_a11y_name_mnemonic_buttons (dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_shares_imported (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(Pending) pending = data;
  g_autoptr(DossierWindow) self = g_weak_ref_get (&pending->window);
  g_autofree char *name = g_path_get_basename (pending->path);
  g_autofree char *message = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;
  gboolean ok = dossier_store_import_shares_file_finish (DOSSIER_STORE (source), result, &problems, &n_added, &error);

  if (!job_ended (self, error))
    return;
  if (!ok)
    {
      if (problems != NULL)
        show_problems (self, pending->path, problems);
      else
        _dossier_window_show_error (self, _("The market shares could not be imported"), error);
      return;
    }

  count = dossier_format_count (n_added);
  /* Translators: 1 a number of figures, its thousands grouped ("1,000,000"),
   * 2 a file name */
  message = g_strdup_printf (ngettext ("Imported %1$s figure from %2$s", "Imported %1$s figures from %2$s",
                                          n_added),
                             count, name);
  _dossier_window_show_undo_bar (self, message);
}

/* What dossier_window_import_shares_from() does. Rows that name no series
 * go to a series named after the file ("gartner-2024.csv": gartner-2024).
 * %FALSE when another job runs. */
gboolean
_dossier_window_import_shares (DossierWindow *self,
                               const char    *path)
{
  g_autofree char *series = g_path_get_basename (path);
  GCancellable *cancellable;
  char *dot;

  if ((dot = strrchr (series, '.')) != NULL && dot != series)
    *dot = '\0';
  if ((cancellable = job_begin (self, TRUE, path)) == NULL)
    return FALSE;
  dossier_store_import_shares_file_async (self->store, path, series, cancellable, _dossier_window_job_progress, self,
                                          on_shares_imported, pending_new (self, path));
  return TRUE;
}

/* An export written: said in the bar above the chart. */
static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(Pending) pending = data;
  g_autoptr(DossierWindow) self = g_weak_ref_get (&pending->window);
  g_autofree char *name = g_path_get_basename (pending->path);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = dossier_store_export_file_finish (DOSSIER_STORE (source), result, &error);

  if (!job_ended (self, error))
    return;
  if (!ok)
    {
      _dossier_window_show_error (self, pending->id != 0 ? _("The case file could not be exported")
                                                         : _("The market shares could not be exported"), error);
      return;
    }

  message = pending->id != 0
    /* Translators: %s is a file name */
    ? g_strdup_printf (_("Case file exported to %s"), name)
    /* Translators: %s is a file name */
    : g_strdup_printf (_("Market shares exported to %s"), name);
  _dossier_window_show_exported (self, pending->path, message);
}

/* What dossier_window_export_case_to() does, for the case file @case_id
 * (never 0, which would be the whole database): %FALSE when refused at
 * once (no case file, or another job runs). */
gboolean
_dossier_window_export_case (DossierWindow *self,
                             gint64         case_id,
                             const char    *path)
{
  GCancellable *cancellable;
  Pending *pending;

  if (case_id == 0)
    {
      g_autoptr(GError) error = g_error_new_literal (DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                                                     _("No case file is open: choose one in the sidebar first."));

      _dossier_window_show_error (self, _("The case file could not be exported"), error);
      return FALSE;
    }
  if ((cancellable = job_begin (self, FALSE, path)) == NULL)
    return FALSE;
  pending = pending_new (self, path);
  pending->id = case_id;
  dossier_store_export_case_file_async (self->store, case_id, path, cancellable, _dossier_window_job_progress, self,
                                        on_exported, pending);
  return TRUE;
}

static gboolean
export_shares (DossierWindow *self,
               const char    *path)
{
  GCancellable *cancellable = job_begin (self, FALSE, path);

  if (cancellable == NULL)
    return FALSE;
  dossier_store_export_shares_file_async (self->store, 0, path, cancellable, _dossier_window_job_progress, self,
                                          on_exported, pending_new (self, path));
  return TRUE;
}

typedef enum
{
  IMPORT_CASE,
  EXPORT_CASE,
  IMPORT_SHARES,
  EXPORT_SHARES,
} Exchange;

static void
on_chooser_response (GtkFileChooserNative *chooser,
                     int                   response,
                     DossierWindow        *self)
{
  Exchange what = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "exchange"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      switch (what)
        {
        case IMPORT_CASE: _dossier_window_import_case (self, path); break;
        case EXPORT_CASE:
          /* The case file shown when the chooser opened. */
          _dossier_window_export_case (self, *(gint64 *) g_object_get_data (G_OBJECT (chooser), "case-id"), path);
          break;
        case IMPORT_SHARES: _dossier_window_import_shares (self, path); break;
        case EXPORT_SHARES: export_shares (self, path); break;
        default: g_assert_not_reached ();
        }
    }

  g_clear_object (&self->exchange_chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, filter);
}

static void
choose_file (DossierWindow *self,
             Exchange       what)
{
  static const struct {
    const char *title;
    gboolean    save;
    const char *accept;
  } choosers[] = {
    [IMPORT_CASE] = { N_("Import Case File"), FALSE, N_("_Import") },
    [EXPORT_CASE] = { N_("Export Case File"), TRUE, N_("_Export") },
    [IMPORT_SHARES] = { N_("Import Market Shares"), FALSE, N_("_Import") },
    [EXPORT_SHARES] = { N_("Export Market Shares"), TRUE, N_("_Export") },
  };
  GtkFileChooser *chooser;

  if (self->exchange_chooser != NULL)
    return;

  self->exchange_chooser = gtk_file_chooser_native_new (_(choosers[what].title), GTK_WINDOW (self),
                                                        choosers[what].save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                                            : GTK_FILE_CHOOSER_ACTION_OPEN,
                                                        _(choosers[what].accept), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->exchange_chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->exchange_chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "exchange", GINT_TO_POINTER (what));
  g_object_set_data_full (G_OBJECT (chooser), "case-id",
                          g_memdup2 (&(gint64) { dossier_selection_get_case_id (self->selection) }, sizeof (gint64)),
                          g_free);

  if (what == IMPORT_CASE || what == EXPORT_CASE)
    add_filter (chooser, _("Dossier case files (JSON)"), "application/json", "*.json");
  else
    add_filter (chooser, _("Market shares (CSV)"), "text/csv", "*.csv");

  if (what == EXPORT_CASE)
    {
      g_autoptr(DossierNode) node = dossier_store_get_node (self->store, dossier_selection_get_case_id (self->selection),
                                                            dossier_selection_get_case_id (self->selection), NULL);
      g_autofree char *name = g_strdup_printf ("%s.json", node ? dossier_node_get_title (node) : _("case-file"));

      g_strdelimit (name, "/\\:", '-');
      gtk_file_chooser_set_current_name (chooser, name);
    }
  else if (what == EXPORT_SHARES)
    /* Translators: the file name exported market shares are offered under */
    gtk_file_chooser_set_current_name (chooser, _("market-shares.csv"));

  g_signal_connect_object (self->exchange_chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->exchange_chooser));
}

static void
exchange_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  /* Installed on the window's class: @widget is a window. */
  DossierWindow *self = (DossierWindow *) widget;

  if (g_str_equal (action_name, "win.import-case"))
    choose_file (self, IMPORT_CASE);
  else if (g_str_equal (action_name, "win.export-case"))
    choose_file (self, EXPORT_CASE);
  else if (g_str_equal (action_name, "win.import-shares"))
    choose_file (self, IMPORT_SHARES);
  else
    choose_file (self, EXPORT_SHARES);
}

void
_dossier_window_exchange_follow (DossierWindow *self)
{
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (update_exchange_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::busy", G_CALLBACK (update_exchange_actions), self,
                           G_CONNECT_SWAPPED);
  update_exchange_actions (self);
}

void
_dossier_window_class_exchange_init (DossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import-case", NULL, exchange_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import-case", NULL);
  gtk_widget_class_install_action (widget_class, "win.export-case", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.import-shares", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.export-shares", NULL, exchange_action);
}

void
_dossier_window_exchange_dispose (DossierWindow *self)
{
  if (self->exchange_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->exchange_chooser));
  g_clear_object (&self->exchange_chooser);
}
