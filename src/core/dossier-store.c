/* dossier-store.c
 *
 * The database file is the document: every case file, its texts in each
 * language, the sources and the market figures. Nodes read from it are
 * snapshots in the store's language, falling back to English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dossier-data-resources.h"
#include "dossier-node.h"
#include "dossier-series.h"
#include "dossier-share.h"
#include "dossier-store-private.h"

/* 'DOSS': tells a Dossier database from any other SQLite file. */
#define DOSSIER_APPLICATION_ID 0x444f5353
#define BUNDLED_CASE "/io/github/dossier/Dossier/cases/jedi.json"

G_DEFINE_FINAL_TYPE (DossierStore, dossier_store, G_TYPE_OBJECT)

enum {
  NODE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char schema_sql[] =
  "CREATE TABLE node ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('case','organization','person','event','source')),"
  "  slug TEXT NOT NULL UNIQUE CHECK (length(slug) > 0),"
  "  name TEXT NOT NULL DEFAULT '',"
  "  short_name TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX node_kind ON node (kind);"
  /* Every human-written text, one row per language. */
  "CREATE TABLE node_text ("
  "  node_id INTEGER NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  lang TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 8),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (node_id, lang)) WITHOUT ROWID;"
  "CREATE TABLE market_series ("
  "  id INTEGER PRIMARY KEY,"
  "  slug TEXT NOT NULL UNIQUE,"
  "  firm TEXT NOT NULL,"
  "  yearly INTEGER NOT NULL DEFAULT 0 CHECK (yearly IN (0, 1)),"
  "  complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)));"
  "CREATE TABLE market_series_text ("
  "  series_id INTEGER NOT NULL REFERENCES market_series (id) ON DELETE CASCADE,"
  "  lang TEXT NOT NULL,"
  "  market TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (series_id, lang)) WITHOUT ROWID;"
  "CREATE TABLE case_file ("
  "  node_id INTEGER PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,"
  "  docket TEXT NOT NULL DEFAULT '',"
  "  court_id INTEGER REFERENCES node (id) ON DELETE SET NULL,"
  "  filed TEXT,"
  "  market_series_id INTEGER REFERENCES market_series (id) ON DELETE SET NULL,"
  "  market_period TEXT);"
  "CREATE TABLE participant ("
  "  case_id INTEGER NOT NULL REFERENCES case_file (node_id) ON DELETE CASCADE,"
  "  node_id INTEGER NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (case_id, node_id)) WITHOUT ROWID;"
  "CREATE INDEX participant_node ON participant (node_id);"
  "CREATE TABLE participant_text ("
  "  case_id INTEGER NOT NULL,"
  "  node_id INTEGER NOT NULL,"
  "  lang TEXT NOT NULL,"
  "  role TEXT NOT NULL,"
  "  PRIMARY KEY (case_id, node_id, lang),"
  "  FOREIGN KEY (case_id, node_id) REFERENCES participant (case_id, node_id) ON DELETE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE TABLE event ("
  "  node_id INTEGER PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,"
  "  case_id INTEGER NOT NULL REFERENCES case_file (node_id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'"
  "                         OR date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'));"
  "CREATE INDEX event_case_date ON event (case_id, date);"
  "CREATE TABLE event_actor ("
  "  event_id INTEGER NOT NULL REFERENCES event (node_id) ON DELETE CASCADE,"
  "  node_id INTEGER NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (event_id, node_id)) WITHOUT ROWID;"
  "CREATE INDEX event_actor_node ON event_actor (node_id);"
  "CREATE TABLE source ("
  "  node_id INTEGER PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,"
  "  publisher TEXT NOT NULL,"
  "  published TEXT,"
  "  url TEXT,"
  "  lang TEXT);"
  "CREATE TABLE case_source ("
  "  case_id INTEGER NOT NULL REFERENCES case_file (node_id) ON DELETE CASCADE,"
  "  source_id INTEGER NOT NULL REFERENCES source (node_id) ON DELETE CASCADE,"
  "  PRIMARY KEY (case_id, source_id)) WITHOUT ROWID;"
  /* Which sources support or contradict a fact (any node). */
  "CREATE TABLE citation ("
  "  node_id INTEGER NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  source_id INTEGER NOT NULL REFERENCES source (node_id) ON DELETE CASCADE,"
  "  stance TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts')),"
  "  PRIMARY KEY (node_id, source_id)) WITHOUT ROWID;"
  "CREATE INDEX citation_source ON citation (source_id);"
  "CREATE TABLE market_share ("
  "  series_id INTEGER NOT NULL REFERENCES market_series (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]'"
  "                           OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),"
  "  organization_id INTEGER NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  percent REAL NOT NULL CHECK (percent >= 0 AND percent <= 100),"
  "  source_id INTEGER NOT NULL REFERENCES source (node_id),"
  "  PRIMARY KEY (series_id, period, organization_id)) WITHOUT ROWID;";

/* A node's title and summary in ?1, else in English, else its name. */
#define NODE_TEXT_COLUMNS \
  "COALESCE (NULLIF (t.title, ''), NULLIF (d.title, ''), n.name), " \
  "COALESCE (NULLIF (t.summary, ''), d.summary, '') "
#define NODE_TEXT_JOINS \
  "LEFT JOIN node_text t ON t.node_id = n.id AND t.lang = ?1 " \
  "LEFT JOIN node_text d ON d.node_id = n.id AND d.lang = 'en' "

static void
dossier_store_finalize (GObject *object)
{
  DossierStore *self = (DossierStore *)object;

  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        g_critical ("Closing %s: %s (statements left unfinalized)",
                    self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }

  g_free (self->path);
  g_free (self->language);

  G_OBJECT_CLASS (dossier_store_parent_class)->finalize (object);
}

static void
dossier_store_class_init (DossierStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_store_finalize;

  /**
   * DossierStore::node-changed:
   * @node_id: the node whose texts changed
   *
   * Emitted after an edit was written to the database.
   */
  signals[NODE_CHANGED] = g_signal_new ("node-changed",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);
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

gboolean
_dossier_store_check (DossierStore  *self,
                      int            rc,
                      const char    *what,
                      GError       **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_SQLITE,
               /* Translators: 1: a database file, 2: what failed, 3: SQLite's message */
               _("%s: %s failed: %s"),
               self->path, what,
               self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  return FALSE;
}

sqlite3_stmt *
_dossier_store_prepare (DossierStore  *self,
                        const char    *sql,
                        GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (!_dossier_store_check (self, rc, "prepare", error))
    {
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

gboolean
_dossier_store_exec (DossierStore  *self,
                     const char    *sql,
                     GError       **error)
{
  return _dossier_store_check (self, sqlite3_exec (self->db, sql, NULL, NULL, NULL), "exec", error);
}

gboolean
_dossier_store_bind_text (DossierStore  *self,
                          sqlite3_stmt  *stmt,
                          int            index,
                          const char    *text,
                          GError       **error)
{
  int rc = text != NULL
    ? sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT)
    : sqlite3_bind_null (stmt, index);

  return _dossier_store_check (self, rc, "bind", error);
}

gboolean
_dossier_store_bind_int (DossierStore  *self,
                         sqlite3_stmt  *stmt,
                         int            index,
                         gint64         value,
                         GError       **error)
{
  return _dossier_store_check (self, sqlite3_bind_int64 (stmt, index, value), "bind", error);
}

gboolean
_dossier_store_step_done (DossierStore  *self,
                          sqlite3_stmt  *stmt,
                          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;

  return _dossier_store_check (self, rc, "write", error)
      && _dossier_store_check (self, sqlite3_reset (stmt), "reset", error);
}

static gboolean
query_int (DossierStore  *self,
           const char    *sql,
           gint64        *value,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = _dossier_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (!_dossier_store_check (self, rc, "read", error))
    return FALSE;

  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
load_bundled_case (DossierStore  *self,
                   GError       **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (dossier_data_get_resource (),
                                                    BUNDLED_CASE, 0, error);

  if (bytes == NULL)
    return FALSE;

  return _dossier_store_import_json (self, bytes, "jedi.json", error);
}

/* Reads what the file says it is; fails on anything but an empty file or a
 * Dossier database this version can read. */
static gboolean
check_header (DossierStore  *self,
              gint64        *version,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 app_id, tables;
  int rc;

  /* One statement, so that all three come from the same state of the file
   * even while another process creates it. A file that is not SQLite fails
   * here, on its first read. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT (SELECT application_id FROM pragma_application_id),"
                           "       (SELECT user_version FROM pragma_user_version),"
                           "       (SELECT count(*) FROM sqlite_schema)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER,
                     _("%s is not a Dossier database: %s"),
                     self->path, sqlite3_errmsg (self->db));
      else
        _dossier_store_check (self, rc == SQLITE_DONE ? SQLITE_ERROR : rc, _("reading"), error);
      return FALSE;
    }

  app_id = sqlite3_column_int64 (stmt, 0);
  *version = sqlite3_column_int64 (stmt, 1);
  tables = sqlite3_column_int64 (stmt, 2);

  if (tables > 0 && app_id != DOSSIER_APPLICATION_ID)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER,
                   _("%s is not a Dossier database: it holds other tables"),
                   self->path);
      return FALSE;
    }

  if (*version > DOSSIER_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NEWER_SCHEMA,
                   _("%s was written by a newer version of Dossier (format %d; this version reads up to %d)"),
                   self->path, (int) *version, DOSSIER_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* Creates the schema and loads the bundled case file, all or nothing. */
static gboolean
create_schema (DossierStore  *self,
               GError       **error)
{
  g_autofree char *pragmas =
    g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                     DOSSIER_APPLICATION_ID, DOSSIER_STORE_SCHEMA_VERSION);
  gint64 version = 0;

  /* Another process may be creating the same file right now: decide again
   * under the write lock, which it holds until its schema is complete. */
  if (!_dossier_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (check_header (self, &version, error) &&
      (version != 0 ||
       (_dossier_store_exec (self, schema_sql, error) &&
        load_bundled_case (self, error) &&
        _dossier_store_exec (self, pragmas, error))) &&
      _dossier_store_exec (self, "COMMIT", error))
    return TRUE;

  /* Nothing is left behind: a later open tries again on an empty file. */
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* WAL lets the window read while an export or an import writes. Switching
 * needs the file to itself, and SQLite does not wait for that on its own
 * (the busy handler is not called), so wait here a little. */
static gboolean
use_wal (DossierStore  *self,
         GError       **error)
{
  int rc = SQLITE_BUSY;

  for (guint attempt = 0; attempt < 250; attempt++)
    {
      rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
      if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
        break;
      g_usleep (20 * 1000);
    }

  return _dossier_store_check (self, rc, "PRAGMA journal_mode", error);
}

static gboolean
prepare_database (DossierStore  *self,
                  GError       **error)
{
  gint64 version = 0;

  if (!check_header (self, &version, error))
    return FALSE;

  if (version == 0 && !create_schema (self, error))
    return FALSE;

  return use_wal (self, error);
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

/**
 * dossier_store_open:
 * @path: a database file; created, with the bundled case file, if missing
 *
 * Opening a database that already holds data never changes it.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
DossierStore *
dossier_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(DossierStore) self = NULL;
  g_autofree char *dir = NULL;
  int rc;

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

  self = g_object_new (DOSSIER_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (!_dossier_store_check (self, rc, _("opening the database"), error))
    return NULL;

  if (!_dossier_store_check (self, sqlite3_extended_result_codes (self->db, 1), "configure", error) ||
      !_dossier_store_check (self, sqlite3_busy_timeout (self->db, 5000), "configure", error) ||
      !_dossier_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !prepare_database (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
dossier_store_get_path (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  return self->path;
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
 * dossier_store_import_case:
 * @json: a case file in Dossier's JSON format
 * @file_name: the name used in error messages
 *
 * Adds a case file, in one transaction: on error nothing is changed.
 */
gboolean
dossier_store_import_case (DossierStore  *self,
                           GBytes        *json,
                           const char    *file_name,
                           GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (!_dossier_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (_dossier_store_import_json (self, json, file_name, error) &&
      _dossier_store_exec (self, "COMMIT", error))
    return TRUE;

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text ? text : "";
}

/* Reads rows of (id, kind, slug, title, summary, subtitle, date) into nodes. */
static GListModel *
collect_nodes (DossierStore  *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GListStore) nodes = g_list_store_new (DOSSIER_TYPE_NODE);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(DossierNode) node = NULL;
      DossierNodeKind kind = DOSSIER_NODE_CASE;

      if (!dossier_node_kind_from_string (column_text (stmt, 1), &kind))
        continue;

      node = dossier_node_new (sqlite3_column_int64 (stmt, 0), kind,
                               column_text (stmt, 2),
                               column_text (stmt, 3),
                               column_text (stmt, 5),
                               column_text (stmt, 4),
                               column_text (stmt, 6));
      g_list_store_append (nodes, node);
    }

  if (!_dossier_store_check (self, rc, _("reading"), error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&nodes));
}

/* ?9 in a query is the format of a docket number, for SQLite's printf(). */
static gboolean
bind_docket_format (DossierStore  *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  if (sqlite3_bind_parameter_count (stmt) < 9)
    return TRUE;

  /* Translators: a case's docket number, as in "No. 19-1796C"; French: "n° %s" */
  return _dossier_store_bind_text (self, stmt, 9, _("No. %s"), error);
}

/* Binds ?1 to the store's language, then ?2, ?3 and ?4 where the query has them. */
static GListModel *
run_node_query (DossierStore  *self,
                const char    *sql,
                gint64         arg2,
                gint64         arg3,
                const char    *arg4,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = _dossier_store_prepare (self, sql, error);
  int n_params;

  if (stmt == NULL)
    return NULL;

  n_params = sqlite3_bind_parameter_count (stmt);
  if (!_dossier_store_bind_text (self, stmt, 1, self->language, error) ||
      (n_params >= 2 && !_dossier_store_bind_int (self, stmt, 2, arg2, error)) ||
      (n_params >= 3 && !_dossier_store_bind_int (self, stmt, 3, arg3, error)) ||
      (n_params >= 4 && !_dossier_store_bind_text (self, stmt, 4, arg4, error)) ||
      !bind_docket_format (self, stmt, error))
    return NULL;

  return collect_nodes (self, stmt, error);
}

/* "No. 19-1796C · U.S. Court of Federal Claims": the docket number in the
 * user's typography (?9, see bind_docket_format()), the court in ?1 if
 * translated. */
#define CASE_SUBTITLE \
  "(SELECT printf (?9, c.docket) || COALESCE (' · ' || COALESCE (NULLIF (ct.title, ''), NULLIF (cn.name, '')), '') " \
  " FROM case_file c LEFT JOIN node cn ON cn.id = c.court_id " \
  " LEFT JOIN node_text ct ON ct.node_id = cn.id AND ct.lang = ?1 " \
  " WHERE c.node_id = n.id)"

/**
 * dossier_store_list_case_files:
 *
 * Returns: (transfer full): a list of #DossierNode, one per case file
 */
GListModel *
dossier_store_list_case_files (DossierStore  *self,
                               GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return run_node_query (self,
                         "SELECT n.id, n.kind, n.slug, " NODE_TEXT_COLUMNS ", "
                         CASE_SUBTITLE ", c.filed "
                         "FROM case_file c JOIN node n ON n.id = c.node_id "
                         NODE_TEXT_JOINS
                         "ORDER BY c.filed, n.id",
                         0, 0, NULL, error);
}

#define ROLE_SUBTITLE \
  "COALESCE (pr.role, pd.role, '') "
#define ROLE_JOINS \
  "LEFT JOIN participant_text pr ON pr.case_id = p.case_id AND pr.node_id = p.node_id AND pr.lang = ?1 " \
  "LEFT JOIN participant_text pd ON pd.case_id = p.case_id AND pd.node_id = p.node_id AND pd.lang = 'en' "

/**
 * dossier_store_list_section:
 *
 * Returns: (transfer full): the #DossierNode of a section of a case file,
 *   in the order it is shown
 */
GListModel *
dossier_store_list_section (DossierStore        *self,
                            gint64               case_id,
                            DossierSectionKind   section,
                            GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  switch (section)
    {
    case DOSSIER_SECTION_ORGANIZATIONS:
    case DOSSIER_SECTION_PEOPLE:
      return run_node_query (self,
                             "SELECT n.id, n.kind, n.slug, " NODE_TEXT_COLUMNS ", "
                             ROLE_SUBTITLE ", NULL "
                             "FROM participant p JOIN node n ON n.id = p.node_id "
                             NODE_TEXT_JOINS ROLE_JOINS
                             "WHERE p.case_id = ?2 AND ?3 = ?3 AND n.kind = ?4 ORDER BY p.position",
                             case_id, 0,
                             section == DOSSIER_SECTION_PEOPLE ? "person" : "organization",
                             error);

    case DOSSIER_SECTION_TIMELINE:
      return run_node_query (self,
                             "SELECT n.id, n.kind, n.slug, " NODE_TEXT_COLUMNS ", '', e.date "
                             "FROM event e JOIN node n ON n.id = e.node_id "
                             NODE_TEXT_JOINS
                             "WHERE e.case_id = ?2 ORDER BY e.date, n.id",
                             case_id, 0, NULL, error);

    case DOSSIER_SECTION_SOURCES:
      return run_node_query (self,
                             "SELECT n.id, n.kind, n.slug, " NODE_TEXT_COLUMNS ", s.publisher, s.published "
                             "FROM case_source cs JOIN source s ON s.node_id = cs.source_id "
                             "JOIN node n ON n.id = s.node_id "
                             NODE_TEXT_JOINS
                             "WHERE cs.case_id = ?2 ORDER BY s.publisher COLLATE NOCASE, s.published, n.id",
                             case_id, 0, NULL, error);

    case DOSSIER_SECTION_OVERVIEW:
    case DOSSIER_SECTION_NONE:
    default:
      return G_LIST_MODEL (g_list_store_new (DOSSIER_TYPE_NODE));
    }
}

/**
 * dossier_store_get_node:
 * @case_id: the case file the node is seen in (for roles), or 0
 *
 * Returns: (transfer full): the node, or %NULL with @error set
 */
DossierNode *
dossier_store_get_node (DossierStore  *self,
                        gint64         case_id,
                        gint64         node_id,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListModel) nodes = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  stmt = _dossier_store_prepare (self,
                                 "SELECT n.id, n.kind, n.slug, " NODE_TEXT_COLUMNS ", "
                                 "CASE n.kind"
                                 "  WHEN 'case' THEN " CASE_SUBTITLE
                                 "  WHEN 'source' THEN (SELECT publisher FROM source WHERE node_id = n.id)"
                                 "  ELSE (SELECT COALESCE (pr.role, pd.role, '') FROM participant p "
                                 "        " ROLE_JOINS " WHERE p.case_id = ?3 AND p.node_id = n.id)"
                                 "  END, "
                                 "CASE n.kind"
                                 "  WHEN 'event' THEN (SELECT date FROM event WHERE node_id = n.id)"
                                 "  WHEN 'source' THEN (SELECT published FROM source WHERE node_id = n.id)"
                                 "  WHEN 'case' THEN (SELECT filed FROM case_file WHERE node_id = n.id)"
                                 "  END "
                                 "FROM node n " NODE_TEXT_JOINS
                                 "WHERE n.id = ?2",
                                 error);
  if (stmt == NULL ||
      !_dossier_store_bind_text (self, stmt, 1, self->language, error) ||
      !_dossier_store_bind_int (self, stmt, 2, node_id, error) ||
      !_dossier_store_bind_int (self, stmt, 3, case_id, error) ||
      !bind_docket_format (self, stmt, error))
    return NULL;

  nodes = collect_nodes (self, stmt, error);
  if (nodes == NULL)
    return NULL;

  if (g_list_model_get_n_items (nodes) == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, node_id);

      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("%s: no item with id %s"), self->path, id);
      return NULL;
    }

  return g_list_model_get_item (nodes, 0);
}

/**
 * dossier_store_list_citations:
 *
 * Returns: (transfer full): the sources that support (or contradict) a node
 */
GListModel *
dossier_store_list_citations (DossierStore   *self,
                              gint64          node_id,
                              DossierStance   stance,
                              GError        **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return run_node_query (self,
                         "SELECT n.id, n.kind, n.slug, " NODE_TEXT_COLUMNS ", s.publisher, s.published "
                         "FROM citation ci JOIN source s ON s.node_id = ci.source_id "
                         "JOIN node n ON n.id = s.node_id "
                         NODE_TEXT_JOINS
                         "WHERE ci.node_id = ?2 AND ?3 = ?3 AND ci.stance = ?4 "
                         "ORDER BY s.published, n.id",
                         node_id, 0, dossier_stance_to_string (stance), error);
}

/**
 * dossier_store_list_cited_by:
 *
 * Returns: (transfer full): the nodes of a case file that cite a source
 */
GListModel *
dossier_store_list_cited_by (DossierStore   *self,
                             gint64          case_id,
                             gint64          source_id,
                             DossierStance   stance,
                             GError        **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return run_node_query (self,
                         "SELECT n.id, n.kind, n.slug, " NODE_TEXT_COLUMNS ", '', e.date "
                         "FROM citation ci JOIN node n ON n.id = ci.node_id "
                         "LEFT JOIN event e ON e.node_id = n.id "
                         NODE_TEXT_JOINS
                         "WHERE ci.source_id = ?2 AND ci.stance = ?4 AND (n.id = ?3"
                         "  OR e.case_id = ?3"
                         "  OR n.id IN (SELECT node_id FROM participant WHERE case_id = ?3)) "
                         "ORDER BY e.date IS NULL, e.date, n.id",
                         source_id, case_id, dossier_stance_to_string (stance), error);
}

/**
 * dossier_store_list_related:
 * @case_id: the case file the nodes are seen in
 *
 * Returns: (transfer full): for an event, who took part in it; for an
 *   organization or a person, the events they took part in
 */
GListModel *
dossier_store_list_related (DossierStore  *self,
                            gint64         case_id,
                            gint64         node_id,
                            GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return run_node_query (self,
                         "SELECT n.id, n.kind, n.slug, " NODE_TEXT_COLUMNS ", "
                         ROLE_SUBTITLE ", e.date "
                         "FROM event_actor a "
                         "JOIN node n ON n.id = iif (a.event_id = ?2, a.node_id, a.event_id) "
                         "LEFT JOIN event e ON e.node_id = n.id "
                         "LEFT JOIN participant p ON p.case_id = ?3 AND p.node_id = n.id "
                         NODE_TEXT_JOINS ROLE_JOINS
                         "WHERE (a.event_id = ?2 OR a.node_id = ?2) "
                         "  AND (e.case_id IS NULL OR e.case_id = ?3) "
                         "ORDER BY e.date, p.position, n.id",
                         node_id, case_id, NULL, error);
}

/**
 * dossier_store_set_summary:
 * @language: the language of @summary
 *
 * Writes a node's summary in one language and emits
 * #DossierStore::node-changed.
 */
gboolean
dossier_store_set_summary (DossierStore  *self,
                           gint64         node_id,
                           const char    *language,
                           const char    *summary,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  stmt = _dossier_store_prepare (self,
                                 "INSERT INTO node_text (node_id, lang, summary) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT (node_id, lang) DO UPDATE SET summary = excluded.summary",
                                 error);
  if (stmt == NULL ||
      !_dossier_store_bind_int (self, stmt, 1, node_id, error) ||
      !_dossier_store_bind_text (self, stmt, 2, language, error) ||
      !_dossier_store_bind_text (self, stmt, 3, summary, error) ||
      !_dossier_store_step_done (self, stmt, error))
    return FALSE;

  g_signal_emit (self, signals[NODE_CHANGED], 0, node_id);
  return TRUE;
}

/**
 * dossier_store_list_series:
 *
 * Returns: (transfer full): every #DossierSeries, the case files' own first
 */
GListModel *
dossier_store_list_series (DossierStore  *self,
                           GError       **error)
{
  g_autoptr(GListStore) series = g_list_store_new (DOSSIER_TYPE_SERIES);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  stmt = _dossier_store_prepare (self,
                                 "SELECT s.id, s.slug, s.firm, COALESCE (t.market, d.market, ''), "
                                 "  COALESCE (NULLIF (t.note, ''), d.note, ''), s.yearly, s.complete, "
                                 "  (SELECT max (percent) FROM market_share m WHERE m.series_id = s.id) "
                                 "FROM market_series s "
                                 "LEFT JOIN market_series_text t ON t.series_id = s.id AND t.lang = ?1 "
                                 "LEFT JOIN market_series_text d ON d.series_id = s.id AND d.lang = 'en' "
                                 "ORDER BY s.id NOT IN (SELECT market_series_id FROM case_file "
                                 "                      WHERE market_series_id IS NOT NULL), s.id",
                                 error);
  if (stmt == NULL ||
      !_dossier_store_bind_text (self, stmt, 1, self->language, error))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(DossierSeries) item =
        dossier_series_new (sqlite3_column_int64 (stmt, 0),
                            column_text (stmt, 1),
                            column_text (stmt, 2),
                            column_text (stmt, 3),
                            column_text (stmt, 4),
                            sqlite3_column_int (stmt, 5),
                            sqlite3_column_int (stmt, 6),
                            sqlite3_column_double (stmt, 7));
      g_list_store_append (series, item);
    }

  if (!_dossier_store_check (self, rc, _("reading"), error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&series));
}

/**
 * dossier_store_get_series:
 *
 * Returns: (transfer full): the series @series_id, or %NULL with @error set
 */
DossierSeries *
dossier_store_get_series (DossierStore  *self,
                          gint64         series_id,
                          GError       **error)
{
  g_autoptr(GListModel) all = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (!(all = dossier_store_list_series (self, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(DossierSeries) series = g_list_model_get_item (all, i);

      if (dossier_series_get_id (series) == series_id)
        return g_steal_pointer (&series);
    }

  id = g_strdup_printf ("%" G_GINT64_FORMAT, series_id);
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
               _("%s: no market series with id %s"), self->path, id);
  return NULL;
}

/**
 * dossier_store_list_periods:
 *
 * Returns: (transfer full): the periods of a series that have figures,
 *   oldest first ("2019-Q3", "2018")
 */
char **
dossier_store_list_periods (DossierStore  *self,
                            gint64         series_id,
                            GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  stmt = _dossier_store_prepare (self,
                                 "SELECT DISTINCT period FROM market_share "
                                 "WHERE series_id = ?1 ORDER BY period",
                                 error);
  if (stmt == NULL || !_dossier_store_bind_int (self, stmt, 1, series_id, error))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));

  if (!_dossier_store_check (self, rc, _("reading"), error))
    return NULL;

  return g_strv_builder_end (builder);
}

/**
 * dossier_store_list_shares:
 *
 * Returns: (transfer full): the #DossierShare of one period of a series,
 *   largest first
 */
GListModel *
dossier_store_list_shares (DossierStore  *self,
                           gint64         series_id,
                           const char    *period,
                           GError       **error)
{
  g_autoptr(GListStore) shares = g_list_store_new (DOSSIER_TYPE_SHARE);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  stmt = _dossier_store_prepare (self,
                                 "SELECT o.id, o.name, o.short_name, m.percent, m.source_id, "
                                 "  COALESCE (NULLIF (t.title, ''), NULLIF (d.title, ''), sn.name), "
                                 "  s.publisher "
                                 "FROM market_share m "
                                 "JOIN node o ON o.id = m.organization_id "
                                 "JOIN source s ON s.node_id = m.source_id "
                                 "JOIN node sn ON sn.id = s.node_id "
                                 "LEFT JOIN node_text t ON t.node_id = sn.id AND t.lang = ?3 "
                                 "LEFT JOIN node_text d ON d.node_id = sn.id AND d.lang = 'en' "
                                 "WHERE m.series_id = ?1 AND m.period = ?2 "
                                 "ORDER BY m.percent DESC, o.name",
                                 error);
  if (stmt == NULL ||
      !_dossier_store_bind_int (self, stmt, 1, series_id, error) ||
      !_dossier_store_bind_text (self, stmt, 2, period, error) ||
      !_dossier_store_bind_text (self, stmt, 3, self->language, error))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(DossierShare) share =
        dossier_share_new (sqlite3_column_int64 (stmt, 0),
                           column_text (stmt, 1),
                           column_text (stmt, 2),
                           sqlite3_column_double (stmt, 3),
                           sqlite3_column_int64 (stmt, 4),
                           column_text (stmt, 6),
                           column_text (stmt, 5));
      g_list_store_append (shares, share);
    }

  if (!_dossier_store_check (self, rc, _("reading"), error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&shares));
}

/**
 * dossier_store_get_case_market:
 * @series_id: (out): the series a case file's chart opens on, or 0
 * @period: (out) (transfer full) (nullable): its period
 */
gboolean
dossier_store_get_case_market (DossierStore  *self,
                               gint64         case_id,
                               gint64        *series_id,
                               char         **period,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  *series_id = 0;
  *period = NULL;

  stmt = _dossier_store_prepare (self,
                                 "SELECT market_series_id, market_period FROM case_file "
                                 "WHERE node_id = ?1",
                                 error);
  if (stmt == NULL || !_dossier_store_bind_int (self, stmt, 1, case_id, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (!_dossier_store_check (self, rc, _("reading"), error))
    return FALSE;

  if (rc == SQLITE_ROW)
    {
      *series_id = sqlite3_column_int64 (stmt, 0);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        *period = g_strdup (column_text (stmt, 1));
    }

  return TRUE;
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
  gint64 count = -1;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), -1);
  g_return_val_if_fail (table != NULL, -1);

  for (const char *c = table; *c; c++)
    g_return_val_if_fail (g_ascii_isalnum (*c) || *c == '_', -1);

  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  if (!query_int (self, sql, &count, error))
    return -1;

  return count;
}
