/* dossier-window-jobs.c
 *
 * The bar that follows a long import or export while the window goes on
 * (the work is on a worker thread: dossier-store-jobs.c): what is being
 * done, a progress bar (pulsing while no figure is known), and Cancel,
 * which rolls an import back whole and leaves an export unwritten. It
 * shows only once a job has run for a moment, so that a small file does
 * not make it flash. One job at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-a11y.h"
#include "dossier-window-private.h"

/* How long a job runs before the bar shows, and how often it pulses. */
#define REVEAL_MS 250
#define PULSE_MS 100

static void
set_revealed (DossierWindow *self,
              gboolean       revealed)
{
  gtk_info_bar_set_revealed (self->job_bar, revealed);
  dossier_a11y_set_shown (GTK_WIDGET (self->job_bar), revealed);
}

static gboolean
pulse (gpointer data)
{
  DossierWindow *self = data;

  gtk_progress_bar_pulse (self->job_progress);
  return G_SOURCE_CONTINUE;
}

static gboolean
reveal (gpointer data)
{
  DossierWindow *self = data;

  self->job_reveal = 0;
  set_revealed (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_job_bar_response (DossierWindow *self,
                     int            response)
{
  if (response != GTK_RESPONSE_CANCEL || self->job_cancellable == NULL ||
      g_cancellable_is_cancelled (self->job_cancellable))
    return;
  g_cancellable_cancel (self->job_cancellable);
  /* The button stays sensitive (a second press does nothing): made
   * insensitive, it would drop the keyboard focus of whoever pressed it. */
  /* Translators: in the bar of an import or export, once Cancel is pressed */
  gtk_label_set_label (self->job_label, _("Cancelling…"));
}

/**
 * _dossier_window_job_begin:
 * @message: what is being done ("Importing jedi.json…")
 *
 * Returns: (transfer none): the job's cancellable, %NULL when another job
 *   runs (nothing is to be started)
 */
GCancellable *
_dossier_window_job_begin (DossierWindow *self,
                           const char    *message)
{
  if (self->job_cancellable != NULL)
    return NULL;

  self->job_cancellable = g_cancellable_new ();
  gtk_label_set_label (self->job_label, message);
  gtk_progress_bar_set_fraction (self->job_progress, 0.);
  gtk_info_bar_set_response_sensitive (self->job_bar, GTK_RESPONSE_CANCEL, TRUE);
  self->job_pulse = g_timeout_add (PULSE_MS, pulse, self);
  self->job_reveal = g_timeout_add (REVEAL_MS, reveal, self);
  return self->job_cancellable;
}

/* A #DossierStoreProgressFunc: @target is the window. */
void
_dossier_window_job_progress (double   fraction,
                              gpointer target)
{
  DossierWindow *self = target;

  if (self->job_cancellable == NULL || self->job_bar == NULL ||
      g_cancellable_is_cancelled (self->job_cancellable))
    return;
  g_clear_handle_id (&self->job_pulse, g_source_remove);
  gtk_progress_bar_set_fraction (self->job_progress, CLAMP (fraction, 0., 1.));
}

/* Done, failed or cancelled: the bar goes. */
void
_dossier_window_job_end (DossierWindow *self)
{
  g_clear_handle_id (&self->job_pulse, g_source_remove);
  g_clear_handle_id (&self->job_reveal, g_source_remove);
  g_clear_object (&self->job_cancellable);
  if (self->job_bar != NULL)
    set_revealed (self, FALSE);
}

/* Hidden from screen readers until it shows (GTK 4.8 keeps an unrevealed
 * bar in the tree), its Cancel read without its underline. */
void
_dossier_window_jobs_init (DossierWindow *self)
{
  set_revealed (self, FALSE);
  dossier_a11y_name_mnemonic_buttons (GTK_WIDGET (self->job_bar));
}

void
_dossier_window_class_jobs_init (DossierWindowClass *klass)
{
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), on_job_bar_response);
}

/* The window closes: a job still running is cancelled (nothing of it is
 * kept), and will not find the window. */
void
_dossier_window_jobs_dispose (DossierWindow *self)
{
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
  _dossier_window_job_end (self);
}
