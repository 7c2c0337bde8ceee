/* dossier-store.c
 *
 * The database file is the document: every case file, its texts in each
 * language, the sources and the market figures. The store opens it (through
 * the schema, which creates, seeds or migrates it), reads it in one language,
 * falling back to English, and announces every committed change with
 * ::changed, which the lists it hands out follow by themselves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "dossier-case-reader.h"
#include "dossier-data-resources.h"
#include "dossier-enums.h"
#include "dossier-history.h"
#include "dossier-schema.h"
#include "dossier-store-private.h"

#define BUNDLED_CASE "/io/github/dossier/Dossier/cases/jedi.json"

G_DEFINE_FINAL_TYPE (DossierStore, dossier_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DossierStore *self = DOSSIER_STORE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_store_finalize (GObject *object)
{
  DossierStore *self = (DossierStore *)object;

  g_clear_pointer (&self->db, dossier_db_close);
  g_free (self->language);

  G_OBJECT_CLASS (dossier_store_parent_class)->finalize (object);
}

static void
dossier_store_class_init (DossierStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_store_finalize;
  object_class->get_property = dossier_store_get_property;

  /**
   * DossierStore:busy:
   *
   * Whether a job (an import) is writing to the file on a worker thread:
   * until it is done, the store's own writes are refused at once with
   * %DOSSIER_STORE_ERROR_BUSY, and views offer none.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierStore::changed:
   * @kind: the #DossierObjectKind of what changed
   * @node_id: which one
   * @type: whether it was added, changed or removed
   * @case_id: the case file it changed in (a participant, an event), or 0
   *   for a change every case file sees (a shared organization's texts)
   *
   * Emitted once for every change of a committed transaction, after the
   * commit; never for a transaction rolled back.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 4,
                                   DOSSIER_TYPE_OBJECT_KIND,
                                   G_TYPE_INT64,
                                   DOSSIER_TYPE_CHANGE_TYPE,
                                   G_TYPE_INT64);

  /**
   * DossierStore::committed:
   *
   * Emitted after the ::changed signals of one committed transaction, so
   * that a listener may handle them as one (a list whose rows moved in
   * several places at once).
   */
  signals[COMMITTED] = g_signal_new ("committed",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 0);
}

static char *
pick_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "fr"))
        return g_strdup ("fr");
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        return g_strdup ("en");
    }

  return g_strdup ("en");
}

static void
dossier_store_init (DossierStore *self)
{
  self->language = pick_language ();
}

static void
announce_changes (const DossierDbChange *changes,
                  guint                  n_changes,
                  gpointer               user_data)
{
  _dossier_store_announce (user_data, changes, n_changes);
}

/* What a transaction committed, here or on a job's connection: the views
 * hear of it on the main thread. */
void
_dossier_store_announce (DossierStore          *self,
                         const DossierDbChange *changes,
                         guint                  n_changes)
{
  for (guint i = 0; i < n_changes; i++)
    g_signal_emit (self, signals[CHANGED], 0,
                   changes[i].kind, changes[i].id, changes[i].type, changes[i].case_id);
  g_signal_emit (self, signals[COMMITTED], 0);
}

static gboolean
load_bundled_case (DossierDb  *db,
                   gpointer    user_data,
                   GError    **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (dossier_data_get_resource (),
                                                    BUNDLED_CASE, 0, error);

  return bytes != NULL && dossier_case_reader_import (db, bytes, NULL, "jedi.json", DOSSIER_IMPORT_DEFAULT, NULL, error);
}

/**
 * dossier_store_read_environment:
 *
 * Reads the environment variables the store follows (DOSSIER_DEBUG) once,
 * for good. Call it before opening a store on another thread while GTK
 * starts: GTK changes the environment as it does.
 */
void
dossier_store_read_environment (void)
{
  dossier_db_get_debug ();
}

/**
 * dossier_store_dup_default_path:
 *
 * Returns: `$XDG_DATA_HOME/dossier/dossier.db`
 */
char *
dossier_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "dossier", "dossier.db", NULL);
}

/* Whether @path is a file that Dossier must not write to or beside: its
 * mode or its folder's has no write permission (root could write anyway,
 * but the user said "read-only"), the process cannot write either, or the
 * file system is mounted read-only. */
static gboolean
cannot_write (const char *path,
              const char *dir)
{
  GStatBuf file_st, dir_st;
  struct statvfs fs;

  if (g_stat (path, &file_st) != 0 || !S_ISREG (file_st.st_mode))
    return FALSE;

  return (file_st.st_mode & 0222) == 0 || g_access (path, W_OK) != 0 ||
         (g_stat (dir, &dir_st) == 0 && (dir_st.st_mode & 0222) == 0) || g_access (dir, W_OK) != 0 ||
         (statvfs (path, &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0);
}

/**
 * dossier_store_open:
 * @path: a database file; created, with the bundled case file, if missing
 *
 * A file that cannot be written (see cannot_write()) is opened read-only
 * (dossier_store_is_read_only()): nothing is written to it or beside it.
 *
 * Opening a database that already holds data never changes it, but for
 * migrating it to this version's schema.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
DossierStore *
dossier_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(DossierStore) self = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  /* An empty file is not a new database: something else made it. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER,
                   _("%s is an empty file, not a Dossier database; it was left as it is"), path);
      return NULL;
    }

  self = g_object_new (DOSSIER_TYPE_STORE, NULL);
  self->db = cannot_write (path, dir) ? dossier_db_open_read_only (path, error) : dossier_db_open (path, error);
  if (self->db == NULL ||
      !dossier_schema_prepare (self->db, load_bundled_case, NULL, error))
    return NULL;

  /* Set after preparing: creating the file announces nothing. */
  dossier_db_set_commit_func (self->db, announce_changes, self);
  return g_steal_pointer (&self);
}

void
_dossier_store_set_busy (DossierStore *self,
                         gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  /* Translators: why an edit was refused while an import runs */
  dossier_db_set_writer_elsewhere (self->db, busy ? _("An import is running") : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * dossier_store_get_busy:
 *
 * Returns: whether a job is writing (#DossierStore:busy)
 */
gboolean
dossier_store_get_busy (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  return self->busy;
}

/**
 * dossier_store_is_read_only:
 *
 * Returns: whether the database was opened read-only: every change fails
 *   with %DOSSIER_STORE_ERROR_READ_ONLY and the window offers none
 */
gboolean
dossier_store_is_read_only (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), TRUE);
  return dossier_db_is_read_only (self->db);
}

const char *
dossier_store_get_path (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  return dossier_db_get_path (self->db);
}

/**
 * dossier_store_get_language:
 *
 * Returns: the language of the texts read from the store ("en", "fr")
 */
const char *
dossier_store_get_language (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  return self->language;
}

/**
 * dossier_store_follow_locale:
 *
 * Reads texts in the language of the messages from now on (after the
 * user picked another in Preferences).
 */
void
dossier_store_follow_locale (DossierStore *self)
{
  g_return_if_fail (DOSSIER_IS_STORE (self));

  g_free (self->language);
  self->language = pick_language ();
}

/**
 * dossier_store_set_language:
 *
 * Lists handed out before keep the language they were made in.
 */
void
dossier_store_set_language (DossierStore *self,
                            const char   *language)
{
  g_return_if_fail (DOSSIER_IS_STORE (self));
  g_return_if_fail (language != NULL);

  g_free (self->language);
  self->language = g_strdup (language);
}

/**
 * dossier_store_count:
 * @table: a table of the schema
 *
 * Returns: how many rows @table holds, or -1 with @error set
 */
gint64
dossier_store_count (DossierStore  *self,
                     const char    *table,
                     GError       **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(DossierStmt) stmt = NULL;
  gint64 count = -1;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);
  g_return_val_if_fail (table != NULL, -1);

  for (const char *c = table; *c; c++)
    g_return_val_if_fail (g_ascii_isalnum (*c) || *c == '_', -1);

  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  if (!(stmt = dossier_db_prepare (self->db, sql, error)) ||
      !dossier_db_query_int (self->db, stmt, &count, error))
    return -1;

  return count;
}
