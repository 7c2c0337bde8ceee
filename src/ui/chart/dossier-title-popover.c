/* dossier-title-popover.c
 *
 * A chart's title, as the user writes it ("AWS leads cloud
 * infrastructure, Q3 2019"): an entry holding the title shown, with the
 * default as its placeholder. Enter or Apply emits ::title-chosen with the
 * text; Use Default Title emits it with %NULL; Escape closes without a
 * change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-title-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-title-popover.h"

struct _DossierTitlePopover
{
  GtkPopover  parent_instance;

  GtkWidget  *entry;
  GtkWidget  *reset;
  char       *default_title;
};

G_DEFINE_FINAL_TYPE (DossierTitlePopover, dossier_title_popover, GTK_TYPE_POPOVER)

enum {
  TITLE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choose (DossierTitlePopover *self,
        const char          *title)
{
  g_signal_emit (self, signals[TITLE_CHOSEN], 0, title);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_apply (DossierTitlePopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  /* An empty title, or the default one, is the default: it follows the
   * period when the user picks another. */
  choose (self, *stripped == '\0' || g_strcmp0 (stripped, self->default_title) == 0 ? NULL : stripped);
}

static void
on_reset (DossierTitlePopover *self)
{
  choose (self, NULL);
}

static void
on_show (DossierTitlePopover *self)
{
  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

static void
dossier_title_popover_finalize (GObject *object)
{
  DossierTitlePopover *self = (DossierTitlePopover *) object;

  g_free (self->default_title);

  G_OBJECT_CLASS (dossier_title_popover_parent_class)->finalize (object);
}

static void
dossier_title_popover_class_init (DossierTitlePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_title_popover_finalize;

  /**
   * DossierTitlePopover::title-chosen:
   * @title: (nullable): the title written, or %NULL for the default one
   */
  signals[TITLE_CHOSEN] =
    g_signal_new ("title-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
dossier_title_popover_init (DossierTitlePopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Chart _Title"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Apply"));

  gtk_label_set_xalign (GTK_LABEL (label), 0.f);
  gtk_widget_add_css_class (label, "heading");

  self->entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (self->entry), 200);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 40);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->entry);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_apply), self, G_CONNECT_SWAPPED);

  self->reset = gtk_button_new_with_mnemonic (_("Use _Default Title"));
  g_signal_connect_object (self->reset, "clicked", G_CALLBACK (on_reset), self, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_widget_set_hexpand (apply, TRUE);
  gtk_widget_set_halign (apply, GTK_ALIGN_END);
  g_signal_connect_object (apply, "clicked", G_CALLBACK (on_apply), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (buttons), self->reset);
  gtk_box_append (GTK_BOX (buttons), apply);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->entry);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_popover_set_child (GTK_POPOVER (self), box);

  g_signal_connect (self, "show", G_CALLBACK (on_show), NULL);
}

GtkWidget *
dossier_title_popover_new (void)
{
  return g_object_new (DOSSIER_TYPE_TITLE_POPOVER, NULL);
}

/**
 * dossier_title_popover_set_title:
 * @title: the title shown
 * @default_title: the chart's own, shown when the entry is empty
 */
void
dossier_title_popover_set_title (DossierTitlePopover *self,
                                 const char          *title,
                                 const char          *default_title)
{
  g_return_if_fail (DOSSIER_IS_TITLE_POPOVER (self));

  g_free (self->default_title);
  self->default_title = g_strdup (default_title);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), title ? title : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), default_title);
  gtk_widget_set_sensitive (self->reset, g_strcmp0 (title, default_title) != 0);
  /* Typing replaces the title, as renaming does. */
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

GtkWidget *
dossier_title_popover_get_entry (DossierTitlePopover *self)
{
  g_return_val_if_fail (DOSSIER_IS_TITLE_POPOVER (self), NULL);
  return self->entry;
}
