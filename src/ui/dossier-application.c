/* dossier-application.c
 *
 * Owns the store; windows are views of it. Options that need no window
 * (--version, --export-chart) go to dossier-cli.c before GTK is
 * initialized, so they run without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-application"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-a11y.h"
#include "dossier-format.h"
#include "dossier-application.h"
#include "dossier-cli.h"
#include "dossier-language.h"
#include "dossier-preferences-window.h"
#include "dossier-settings.h"
#include "dossier-store.h"
#include "dossier-window.h"

struct _DossierApplication
{
  GtkApplication  parent_instance;
  DossierStore   *store;
  char           *db_path;
  GSettings      *settings;
  GtkWidget      *preferences;   /* weak */
  GThread        *opening;       /* the database opening, as GTK starts */
};

/* The database opened on a thread of its own: what came of it. */
typedef struct
{
  char         *path;
  DossierStore *store;
  GError       *error;
} Opening;

static gpointer
open_in_thread (gpointer data)
{
  Opening *opening = data;

  opening->store = dossier_store_open (opening->path, &opening->error);
  /* What the window shows first, read here, is found ready there. */
  if (opening->store != NULL)
    dossier_store_warm_up (opening->store);
  return opening;
}

/* The store the thread opened, once it is done, if it is of @path; a
 * store of another file (one opened from the file manager since) is let
 * go of. */
static DossierStore *
join_opening (DossierApplication  *self,
              const char          *path,
              GError             **error)
{
  Opening *opening = g_thread_join (g_steal_pointer (&self->opening));
  DossierStore *store = NULL;

  if (g_strcmp0 (opening->path, path) == 0)
    {
      store = g_steal_pointer (&opening->store);
      if (store == NULL)
        g_propagate_error (error, g_steal_pointer (&opening->error));
    }
  g_clear_object (&opening->store);
  g_clear_error (&opening->error);
  g_free (opening->path);
  g_free (opening);
  return store;
}

G_DEFINE_FINAL_TYPE (DossierApplication, dossier_application, GTK_TYPE_APPLICATION)


static char *
dup_path (DossierApplication *self)
{
  return self->db_path ? g_strdup (self->db_path) : dossier_store_dup_default_path ();
}

static DossierStore *
ensure_store (DossierApplication  *self,
              GError             **error)
{
  if (self->store == NULL)
    {
      g_autofree char *path = dup_path (self);
      g_autoptr(GError) local_error = NULL;

      if (self->opening != NULL &&
          (self->store = join_opening (self, path, &local_error)) == NULL && local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (self->store == NULL)
        self->store = dossier_store_open (path, error);
    }

  return self->store;
}

static int
dossier_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  int status;

  g_clear_pointer (&self->db_path, g_free);
  if ((status = dossier_cli_read_db (options, &self->db_path)) >= 0)
    return status;
  /* A running Dossier shows its own database: this one gets a process of
   * its own rather than being silently ignored. */
  if (self->db_path != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  /* --version and --export-chart need no display. */
  return dossier_cli_handle_options (options, self->db_path);
}

/* What the window offers when the database cannot be opened: the
 * responses of the dialog below. */
enum
{
  RESPONSE_RECOVER = 1,
  RESPONSE_START_NEW,
  RESPONSE_OPEN_OTHER,
};

static void show_open_problem (DossierApplication *self,
                               const GError       *error);

/* Tells, over the new window, what became of the old file. */
static void
show_outcome (DossierApplication *self,
              GtkWindow          *window,
              const char         *title,
              const char         *details)
{
  GtkWidget *dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE, "%s", title);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", details);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_other_file_chosen (DossierApplication   *self,
                      int                   response,
                      GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
      g_application_activate (G_APPLICATION (self));
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
  g_application_release (G_APPLICATION (self));
}

static void
choose_other_file (DossierApplication *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Open a Dossier Database"), NULL,
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Dossier databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  /* No window while the chooser is up: keep running. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_other_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Start a New Database or Recover: the old file set aside as it is, a new
 * one in its place, the window opened on it, and what happened said. */
static void
replace_damaged (DossierApplication *self,
                 gboolean            recover)
{
  g_autofree char *path = dup_path (self);
  g_autofree char *aside = NULL;
  g_autofree char *aside_name = NULL;
  g_autofree char *details = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  guint n_rows = 0, n_damaged = 0;

  if (!dossier_store_replace_damaged (path, recover, &aside, &n_rows, &n_damaged, &error) ||
      !(self->store = dossier_store_open (path, &error)))
    {
      g_printerr ("dossier: %s\n", error->message);
      show_open_problem (self, error);
      return;
    }

  window = GTK_WINDOW (dossier_window_new (GTK_APPLICATION (self), self->store));
  gtk_window_present (window);

  aside_name = g_path_get_basename (aside);
  if (recover)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *count = dossier_format_count (n_rows);

      /* Translators: %s is a number, its thousands grouped ("1,000,000") */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s row was recovered.",
                                                 "%s rows were recovered.", n_rows), count);
      if (n_damaged > 0)
        g_string_append_printf (text, " %s",
                                g_dngettext (GETTEXT_PACKAGE, "One table had parts that could not be read.",
                                             "Several tables had parts that could not be read.", n_damaged));
      g_string_append_printf (text, " %s ", _("The undo history starts anew."));
      /* Translators: %s is a file name */
      g_string_append_printf (text, _("The damaged file is kept, unchanged, as %s."), aside_name);
      details = g_string_free (g_steal_pointer (&text), FALSE);
      show_outcome (self, window, _("What could be read was recovered"), details);
    }
  else
    {
      /* Translators: %s is a file name */
      details = g_strdup_printf (_("The damaged file is kept, unchanged, as %s."), aside_name);
      show_outcome (self, window, _("A new database was started"), details);
    }
}

static void
on_open_problem_response (GtkDialog          *dialog,
                          int                 response,
                          DossierApplication *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == RESPONSE_RECOVER || response == RESPONSE_START_NEW)
    replace_damaged (self, response == RESPONSE_RECOVER);
  else if (response == RESPONSE_OPEN_OTHER)
    choose_other_file (self);

  g_application_release (G_APPLICATION (self));
}

static void
add_button (GtkWidget  *dialog,
            const char *mnemonic_label,
            int         response)
{
  dossier_a11y_name_mnemonic_button (gtk_dialog_add_button (GTK_DIALOG (dialog), mnemonic_label, response));
}

/* The database cannot be opened: say why, and offer what can be done with
 * it. Nothing is done to the file unless the user picks it; whatever is
 * picked, the file is kept byte for byte (renamed, at most). */
static void
show_open_problem (DossierApplication *self,
                   const GError       *error)
{
  gboolean damaged = g_error_matches (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_DAMAGED);
  gboolean foreign = g_error_matches (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER);
  g_autoptr(GString) text = g_string_new (error->message);
  GtkWidget *dialog = gtk_message_dialog_new (NULL, GTK_DIALOG_MODAL, GTK_MESSAGE_ERROR, GTK_BUTTONS_NONE,
                                              "%s", _("Dossier cannot open its database"));

  if (damaged)
    g_string_append_printf (text, "\n\n%s",
                            _("Recover copies what can still be read into a new database in its place; "
                              "Start a New Database begins again with the bundled case file. Either way the "
                              "damaged file is kept beside it, renamed with the date and time, exactly as it is."));
  else if (foreign)
    g_string_append_printf (text, "\n\n%s",
                            _("Start a New Database begins again with the bundled case file; the file is kept "
                              "beside it, renamed with the date and time, exactly as it is."));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", text->str);
  add_button (dialog, _("_Quit"), GTK_RESPONSE_CLOSE);
  add_button (dialog, _("_Open Another File…"), RESPONSE_OPEN_OTHER);
  if (damaged || foreign)
    add_button (dialog, _("_Start a New Database"), RESPONSE_START_NEW);
  if (damaged)
    {
      add_button (dialog, _("_Recover"), RESPONSE_RECOVER);
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_RECOVER);
    }

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_problem_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* DOSSIER_DEBUG=first-frame (for tests/bench/bench-start.py): says
 * "first-frame" on standard output once the window's first frame is
 * painted, and quits. */
static gboolean
quit_after_first_frame (gpointer app)
{
  /* As Ctrl+Q does: the windows go first, then the store. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_first_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, window);
  g_print ("first-frame\n");
  fflush (stdout);
  /* Out of the frame: the window is let go once it is painted. */
  g_idle_add_full (G_PRIORITY_DEFAULT, quit_after_first_frame,
                   g_object_ref (gtk_window_get_application (window)), g_object_unref);
}

static void
on_realize_for_first_frame (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_paint), window, 0);
}

static void
dossier_application_activate (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      if (ensure_store (self, &error) == NULL)
        {
          g_printerr ("dossier: %s\n", error->message);
          show_open_problem (self, error);
          return;
        }

      window = GTK_WINDOW (dossier_window_new (GTK_APPLICATION (self), self->store));
      if (g_strcmp0 (g_getenv ("DOSSIER_DEBUG"), "first-frame") == 0)
        g_signal_connect (window, "realize", G_CALLBACK (on_realize_for_first_frame), NULL);
    }

  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *authors[] = { _("The Dossier developers"), NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _("Dossier"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Explore a business dispute next to the market it is fought over"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Ctrl+Q: each window goes first, as if closed, so that it writes down
 * where the user was (dossier-window-state.c). */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows;

  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  g_application_quit (G_APPLICATION (app));
}

/* Ctrl+comma: the interface language. */
static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  DossierApplication *self = user_data;

  if (self->preferences == NULL)
    {
      self->preferences = dossier_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)));
      /* Ctrl+Q and the other application shortcuts work there too. */
      gtk_window_set_application (GTK_WINDOW (self->preferences), GTK_APPLICATION (self));
      g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
    }
  gtk_window_present (GTK_WINDOW (self->preferences));
}

/* Another interface language: applied, then each window reopened in it
 * where the user was (it writes down its place as it closes and reads it
 * as it opens), with Preferences over it if they were open. */
static gboolean
apply_language (gpointer data)
{
  DossierApplication *self = data;
  g_autofree char *language = g_settings_get_string (self->settings, "interface-language");
  GList *windows = NULL;
  gboolean preferences = self->preferences != NULL;
  guint n = 0;

  /* The windows are made again in the new language: not while one of
   * them imports or exports (closing it would cancel that). */
  if (self->store != NULL && dossier_store_has_jobs (self->store))
    {
      g_timeout_add_full (G_PRIORITY_DEFAULT, 500, apply_language, g_object_ref (self), g_object_unref);
      return G_SOURCE_REMOVE;
    }

  dossier_language_apply (language);
  if (self->store == NULL)
    return G_SOURCE_REMOVE;
  dossier_store_follow_locale (self->store);

  g_application_hold (G_APPLICATION (self));
  if (self->preferences != NULL)
    gtk_window_destroy (GTK_WINDOW (self->preferences));
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)), (GCopyFunc) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    if (DOSSIER_IS_WINDOW (l->data))
      {
        gtk_window_destroy (GTK_WINDOW (l->data));
        n++;
      }
  /* Gone before the new ones open: each writes down, as it goes, where
   * its user was, and the new ones read it. */
  g_list_free_full (windows, g_object_unref);
  for (guint i = 0; i < MAX (n, 1); i++)
    gtk_window_present (GTK_WINDOW (dossier_window_new (GTK_APPLICATION (self), self->store)));
  if (preferences)
    preferences_action (NULL, NULL, self);
  g_application_release (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

/* The setting changes from inside the Preferences' picker: the windows,
 * that one included, are replaced once it has returned. */
static void
on_language_changed (DossierApplication *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_language, g_object_ref (self), g_object_unref);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
dossier_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  DossierApplication *self = DOSSIER_APPLICATION (app);
  g_autoptr(GtkCssProvider) provider = NULL;
  Opening *opening = g_new0 (Opening, 1);

  /* The database is opened and checked (its schema, and its pages, for up
   * to 25 ms on a large file) on a thread while GTK starts: the display,
   * the theme, the fonts. The window waits for it (ensure_store()). */
  opening->path = dup_path (self);
  dossier_store_read_environment ();
  self->opening = g_thread_new ("dossier-open", open_in_thread, opening);

  G_APPLICATION_CLASS (dossier_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  /* The window builds its shortcuts window when asked; the accelerator is
   * the application's, so that the menu shows it. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);

  /* The language picked in Preferences, which main() applied at start. */
  self->settings = dossier_settings_new ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::interface-language",
                             G_CALLBACK (on_language_changed), self, G_CONNECT_SWAPPED);

  /* A summary reached with Tab should be read, not shown all selected. */
  g_object_set (gtk_settings_get_default (), "gtk-label-select-on-focus", FALSE, NULL);

  /* GtkApplication loads menus from the resources by itself (the window
   * builds its shortcuts window when asked), but not style.css (libadwaita
   * does; GTK 4.8 does not). */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/dossier/Dossier/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The last window closed, or Quit: the windows go, then the store, which
 * closes the database (its log checkpointed into the file and removed), so
 * that a copy of dossier.db made afterwards holds all the work. */
static void
dossier_application_shutdown (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);
  /* What the windows left to do at once (a page's refresh, a list's
   * filtering) lets go of its rows, and of the store with them. */
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  /* A job the windows cancelled as they closed: it stops at its next
   * statement (its transaction rolled back), and is waited for. */
  while (self->store != NULL && dossier_store_has_jobs (self->store))
    g_main_context_iteration (NULL, TRUE);

  /* Started, never shown (the file manager opened another file). */
  if (self->opening != NULL)
    (void) join_opening (self, NULL, NULL);

  if (self->store != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (self->store), (gpointer *) &self->store);
      g_object_unref (self->store);
      if (self->store != NULL)
        {
          g_warning ("The database is still in use at exit; SQLite will close it");
          g_object_remove_weak_pointer (G_OBJECT (self->store), (gpointer *) &self->store);
          self->store = NULL;
        }
    }

  G_APPLICATION_CLASS (dossier_application_parent_class)->shutdown (app);
}

static void
dossier_application_finalize (GObject *object)
{
  DossierApplication *self = (DossierApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->db_path);

  G_OBJECT_CLASS (dossier_application_parent_class)->finalize (object);
}

static void
dossier_application_class_init (DossierApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = dossier_application_finalize;
  app_class->handle_local_options = dossier_application_handle_local_options;
  app_class->startup = dossier_application_startup;
  app_class->shutdown = dossier_application_shutdown;
  app_class->activate = dossier_application_activate;
}

static void
dossier_application_init (DossierApplication *self)
{
  dossier_cli_add_options (G_APPLICATION (self));
}

DossierApplication *
dossier_application_new (void)
{
  return g_object_new (DOSSIER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/dossier/Dossier",
                       NULL);
}

/**
 * dossier_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open store
 */
DossierStore *
dossier_application_get_store (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);
  return self->store;
}
