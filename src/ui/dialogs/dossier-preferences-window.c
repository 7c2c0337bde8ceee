/* dossier-preferences-window.c
 *
 * Preferences (Ctrl+comma): the interface language, to follow the system
 * or to be English or French whatever the system says. The choice is the
 * "interface-language" setting; the application applies it at once, to
 * the interface and the case files' texts, reopening its windows where
 * the user was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-a11y.h"
#include "dossier-preferences-window.h"
#include "dossier-settings.h"

struct _DossierPreferencesWindow
{
  GtkWindow    parent_instance;

  GSettings   *settings;
  GtkDropDown *language;
};

G_DEFINE_FINAL_TYPE (DossierPreferencesWindow, dossier_preferences_window, GTK_TYPE_WINDOW)

/* The picker's order, and the setting's values. */
static const char * const languages[] = { "", "en", "fr" };

static void
on_language_picked (DossierPreferencesWindow *self)
{
  guint picked = gtk_drop_down_get_selected (self->language);

  if (self->settings != NULL && picked < G_N_ELEMENTS (languages))
    g_settings_set_string (self->settings, "interface-language", languages[picked]);
}

static void
dossier_preferences_window_dispose (GObject *object)
{
  DossierPreferencesWindow *self = (DossierPreferencesWindow *) object;

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (dossier_preferences_window_parent_class)->dispose (object);
}

static void
dossier_preferences_window_class_init (DossierPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_preferences_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_preferences_window_init (DossierPreferencesWindow *self)
{
  /* Each language named in itself, as GNOME's region settings do. */
  const char *names[] = { _("Follow the System"), "English", "Français", NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Interface _language"));
  GtkWidget *note = gtk_label_new (_("The menus, the pages and the case files' texts. Dossier reopens "
                                     "its window in the language chosen, where you were."));
  g_autofree char *current = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (self), 440, -1);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);

  self->settings = dossier_settings_new ();
  self->language = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (names));
  dossier_a11y_fix_drop_down (self->language, _("Interface language"));
  if (self->settings != NULL)
    {
      current = g_settings_get_string (self->settings, "interface-language");
      for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
        if (g_str_equal (current, languages[i]))
          gtk_drop_down_set_selected (self->language, i);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->language), FALSE);
  g_signal_connect_swapped (self->language, "notify::selected", G_CALLBACK (on_language_picked), self);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->language));
  gtk_label_set_xalign (GTK_LABEL (label), 0.f);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->language));

  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 50);
  gtk_label_set_xalign (GTK_LABEL (note), 0.f);
  gtk_widget_add_css_class (note, "dim-label");

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), note);
  gtk_window_set_child (GTK_WINDOW (self), box);
}

/**
 * dossier_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 */
GtkWidget *
dossier_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (DOSSIER_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
}
