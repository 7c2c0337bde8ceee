/* dossier-schema.c
 *
 * A Dossier database says what it is in its header: application_id 'DOSS'
 * and user_version, the number of migrations applied to it. A new file is
 * created by running every migration from 0, then seeded; an older one is
 * brought up to date, each step all or nothing; a file of another
 * application or of a newer Dossier is refused and left untouched.
 *
 * To change the schema, append a migration and raise DOSSIER_SCHEMA_VERSION;
 * never edit a migration that has shipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-schema.h"
#include "dossier-schema-check.h"

/* Only for the header check, which must see SQLite's own result codes. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* 'DOSS': tells a Dossier database from any other SQLite file. */
#define DOSSIER_APPLICATION_ID 0x444f5353

/* Version 1: the foundation. */
static const char migration_1[] =
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

/* Version 2: indexes for lists read a page at a time, in their order. */
static const char migration_2[] =
  "CREATE INDEX participant_position ON participant (case_id, position, node_id);"
  "CREATE INDEX case_file_filed ON case_file (COALESCE (filed, ''), node_id);";

/* Version 3: the undo history (dossier-history.c): what each edit did, as
 * a changeset of SQLite's session extension. */
static const char migration_3[] =
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  action TEXT NOT NULL,"
  "  changeset BLOB NOT NULL,"
  "  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),"
  "  made TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')));"
  "CREATE INDEX history_undone ON history (undone, id);";

/* Version 4: the complete model. Roles and claims are nodes (they have
 * texts in each language and sources); organizations may have a parent;
 * parties have a standing; events a kind, a status (happened or expected)
 * and the event that settled an expected one, and dates may be known to the
 * year only; sources an author; market series breaks in method; and the
 * user's notes, kept apart from every source text. NULL is unknown.
 *
 * dossier_schema_widen_checks() first lets node.kind take 'role' and 'claim' and
 * event.date a year alone, in place (SQLite's documented procedure for
 * loosening a CHECK constraint: nothing stored changes). */
static const char migration_4[] =
  "ALTER TABLE case_file ADD COLUMN judge TEXT;"
  "ALTER TABLE case_file ADD COLUMN status TEXT"
  "  CHECK (status IN ('open','decided','dismissed','withdrawn','settled','closed'));"
  "CREATE TABLE organization_parent ("
  "  node_id INTEGER PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,"
  "  parent_id INTEGER NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  CHECK (parent_id <> node_id));"
  "CREATE INDEX organization_parent_parent ON organization_parent (parent_id);"
  "CREATE TABLE role ("
  "  node_id INTEGER PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  organization_id INTEGER NOT NULL REFERENCES node (id) ON DELETE CASCADE,"
  "  started TEXT CHECK (started GLOB '[0-9][0-9][0-9][0-9]*'),"
  "  ended TEXT CHECK (ended GLOB '[0-9][0-9][0-9][0-9]*'));"
  "CREATE INDEX role_person ON role (person_id, started);"
  "CREATE INDEX role_organization ON role (organization_id, started);"
  "ALTER TABLE participant ADD COLUMN standing TEXT"
  "  CHECK (standing IN ('protester','awardee','agency','intervenor','defendant',"
  "                      'earlier-protester','bidder','court','judge','other'));"
  "ALTER TABLE event ADD COLUMN kind TEXT"
  "  CHECK (kind IN ('filing','motion','hearing','report','ruling','appeal','award',"
  "                  'announcement','deadline','investigation','other'));"
  "ALTER TABLE event ADD COLUMN status TEXT NOT NULL DEFAULT 'happened'"
  "  CHECK (status IN ('happened','expected'));"
  "ALTER TABLE event ADD COLUMN settled_by INTEGER REFERENCES event (node_id) ON DELETE SET NULL;"
  "CREATE TABLE claim ("
  "  node_id INTEGER PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,"
  "  case_id INTEGER NOT NULL REFERENCES case_file (node_id) ON DELETE CASCADE,"
  "  claimant_id INTEGER REFERENCES node (id) ON DELETE SET NULL,"
  "  made TEXT CHECK (made GLOB '[0-9][0-9][0-9][0-9]*'));"
  "CREATE INDEX claim_case ON claim (case_id, node_id);"
  "CREATE INDEX claim_claimant ON claim (claimant_id);"
  "ALTER TABLE source ADD COLUMN author TEXT;"
  "CREATE TABLE note ("
  "  id INTEGER PRIMARY KEY,"
  "  node_id INTEGER REFERENCES node (id) ON DELETE CASCADE,"
  "  series_id INTEGER REFERENCES market_series (id) ON DELETE CASCADE,"
  "  body TEXT NOT NULL CHECK (length (trim (body)) > 0),"
  "  created TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  modified TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  CHECK ((node_id IS NULL) <> (series_id IS NULL)));"
  "CREATE INDEX note_node ON note (node_id, id);"
  "CREATE INDEX note_series ON note (series_id, id);"
  "CREATE TABLE market_break ("
  "  id INTEGER PRIMARY KEY,"
  "  series_id INTEGER NOT NULL REFERENCES market_series (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]'"
  "                           OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),"
  "  organization_id INTEGER REFERENCES node (id) ON DELETE CASCADE,"
  "  source_id INTEGER REFERENCES source (node_id) ON DELETE SET NULL);"
  "CREATE INDEX market_break_series ON market_break (series_id, period);"
  "CREATE TABLE market_break_text ("
  "  break_id INTEGER NOT NULL REFERENCES market_break (id) ON DELETE CASCADE,"
  "  lang TEXT NOT NULL,"
  "  note TEXT NOT NULL,"
  "  PRIMARY KEY (break_id, lang)) WITHOUT ROWID;"
  /* An unknown date was written as '' by release 0.1.0's reader. */
  "UPDATE source SET published = NULL WHERE published = '';";

/* Version 5: full-text search (dossier-store-search.c). One FTS5 row per
 * node and language (its title and summary), one per node for what is not
 * in a language (its name, short name, a source's publisher and author),
 * and one per note; search_key gives each its FTS rowid. Case and accents
 * are folded (unicode61, remove_diacritics 2); prefixes of 2 to 4
 * characters are indexed for search as you type. Triggers keep it in step
 * in the same transaction as every write, an undo's included; the history
 * records neither table (dossier-history.c), as they follow the others.
 * No trigger says INSERT OR IGNORE: an upsert that fires it would make it
 * abort (the outer statement's conflict clause wins). */
#define SEARCH_NAME_ROW(node) \
  "INSERT INTO search_key (node_id, lang) SELECT " node ", '' WHERE NOT EXISTS (" \
  "    SELECT 1 FROM search_key WHERE node_id = " node " AND lang = '');" \
  "DELETE FROM search WHERE rowid = (SELECT id FROM search_key WHERE node_id = " node " AND lang = '');" \
  "INSERT INTO search (rowid, title, body) SELECT k.id, n.name," \
  "  trim (n.short_name || ' ' || COALESCE (s.publisher, '') || ' ' || COALESCE (s.author, ''))" \
  "  FROM node n JOIN search_key k ON k.node_id = n.id AND k.lang = ''" \
  "  LEFT JOIN source s ON s.node_id = n.id WHERE n.id = " node ";"
static const char migration_5[] =
  "CREATE TABLE search_key ("
  "  id INTEGER PRIMARY KEY,"
  "  node_id INTEGER NOT NULL,"
  "  lang TEXT NOT NULL,"          /* '', a language, or 'note:ID' */
  "  UNIQUE (node_id, lang));"
  "CREATE VIRTUAL TABLE search USING fts5 (title, body,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');"
  /* Texts in a language. */
  "CREATE TRIGGER search_text_insert AFTER INSERT ON node_text BEGIN"
  "  INSERT INTO search_key (node_id, lang) SELECT new.node_id, new.lang WHERE NOT EXISTS ("
  "    SELECT 1 FROM search_key WHERE node_id = new.node_id AND lang = new.lang);"
  "  INSERT INTO search (rowid, title, body) VALUES"
  "    ((SELECT id FROM search_key WHERE node_id = new.node_id AND lang = new.lang), new.title, new.summary);"
  "END;"
  "CREATE TRIGGER search_text_update AFTER UPDATE ON node_text BEGIN"
  "  DELETE FROM search WHERE rowid = (SELECT id FROM search_key WHERE node_id = old.node_id AND lang = old.lang);"
  "  INSERT INTO search_key (node_id, lang) SELECT new.node_id, new.lang WHERE NOT EXISTS ("
  "    SELECT 1 FROM search_key WHERE node_id = new.node_id AND lang = new.lang);"
  "  INSERT INTO search (rowid, title, body) VALUES"
  "    ((SELECT id FROM search_key WHERE node_id = new.node_id AND lang = new.lang), new.title, new.summary);"
  "END;"
  "CREATE TRIGGER search_text_delete AFTER DELETE ON node_text BEGIN"
  "  DELETE FROM search WHERE rowid = (SELECT id FROM search_key WHERE node_id = old.node_id AND lang = old.lang);"
  "  DELETE FROM search_key WHERE node_id = old.node_id AND lang = old.lang;"
  "END;"
  /* Names, publishers and authors. */
  "CREATE TRIGGER search_node_insert AFTER INSERT ON node BEGIN " SEARCH_NAME_ROW ("new.id") " END;"
  "CREATE TRIGGER search_node_update AFTER UPDATE OF name, short_name ON node BEGIN " SEARCH_NAME_ROW ("new.id") " END;"
  "CREATE TRIGGER search_node_delete AFTER DELETE ON node BEGIN"
  "  DELETE FROM search WHERE rowid IN (SELECT id FROM search_key WHERE node_id = old.id);"
  "  DELETE FROM search_key WHERE node_id = old.id;"
  "END;"
  "CREATE TRIGGER search_source_insert AFTER INSERT ON source BEGIN " SEARCH_NAME_ROW ("new.node_id") " END;"
  "CREATE TRIGGER search_source_update AFTER UPDATE ON source BEGIN " SEARCH_NAME_ROW ("new.node_id") " END;"
  /* The user's notes. */
  "CREATE TRIGGER search_note_insert AFTER INSERT ON note WHEN new.node_id IS NOT NULL BEGIN"
  "  INSERT INTO search_key (node_id, lang) SELECT new.node_id, 'note:' || new.id WHERE NOT EXISTS ("
  "    SELECT 1 FROM search_key WHERE node_id = new.node_id AND lang = 'note:' || new.id);"
  "  INSERT INTO search (rowid, title, body) VALUES"
  "    ((SELECT id FROM search_key WHERE node_id = new.node_id AND lang = 'note:' || new.id), '', new.body);"
  "END;"
  "CREATE TRIGGER search_note_update AFTER UPDATE OF body ON note WHEN new.node_id IS NOT NULL BEGIN"
  "  DELETE FROM search WHERE rowid = (SELECT id FROM search_key WHERE node_id = old.node_id AND lang = 'note:' || old.id);"
  "  INSERT INTO search (rowid, title, body) VALUES"
  "    ((SELECT id FROM search_key WHERE node_id = new.node_id AND lang = 'note:' || new.id), '', new.body);"
  "END;"
  "CREATE TRIGGER search_note_delete AFTER DELETE ON note WHEN old.node_id IS NOT NULL BEGIN"
  "  DELETE FROM search WHERE rowid = (SELECT id FROM search_key WHERE node_id = old.node_id AND lang = 'note:' || old.id);"
  "  DELETE FROM search_key WHERE node_id = old.node_id AND lang = 'note:' || old.id;"
  "END;"
  /* What the file holds already. */
  "INSERT INTO search_key (node_id, lang) SELECT node_id, lang FROM node_text;"
  "INSERT INTO search (rowid, title, body) SELECT k.id, t.title, t.summary FROM node_text t"
  "  JOIN search_key k ON k.node_id = t.node_id AND k.lang = t.lang;"
  "INSERT INTO search_key (node_id, lang) SELECT id, '' FROM node;"
  "INSERT INTO search (rowid, title, body) SELECT k.id, n.name,"
  "  trim (n.short_name || ' ' || COALESCE (s.publisher, '') || ' ' || COALESCE (s.author, ''))"
  "  FROM node n JOIN search_key k ON k.node_id = n.id AND k.lang = '' LEFT JOIN source s ON s.node_id = n.id;"
  "INSERT INTO search_key (node_id, lang) SELECT node_id, 'note:' || id FROM note WHERE node_id IS NOT NULL;"
  "INSERT INTO search (rowid, title, body) SELECT k.id, '', n.body FROM note n"
  "  JOIN search_key k ON k.node_id = n.node_id AND k.lang = 'note:' || n.id;";

/* Version 6: an index on every column that refers to another row, so that
 * no path a user takes reads a whole table: deleting a node (an undo, a
 * case file deleted) has SQLite look for the rows that refer to it, and a
 * node's home case file, an expected event's settlement and the sources
 * of a case file are found from the other side. Found by running the
 * tests with DOSSIER_DEBUG=plans. */
static const char migration_6[] =
  "CREATE INDEX case_source_source ON case_source (source_id);"
  "CREATE INDEX case_file_court ON case_file (court_id);"
  "CREATE INDEX case_file_series ON case_file (market_series_id);"
  "CREATE INDEX event_settled_by ON event (settled_by);"
  "CREATE INDEX market_share_organization ON market_share (organization_id);"
  "CREATE INDEX market_share_source ON market_share (source_id);"
  "CREATE INDEX market_break_organization ON market_break (organization_id);"
  "CREATE INDEX market_break_source ON market_break (source_id);";

/* Version 7: an edit too long to keep its record in memory (an import of
 * a million rows) writes it in parts as it goes (dossier-history.c): the
 * history row holds the last part, history_part the ones before it. */
static const char migration_7[] =
  "CREATE TABLE history_part ("
  "  history_id INTEGER NOT NULL REFERENCES history (id) ON DELETE CASCADE,"
  "  part INTEGER NOT NULL,"
  "  changeset BLOB NOT NULL,"
  "  PRIMARY KEY (history_id, part)) WITHOUT ROWID;";

/* Version 8: a case file's expected events, found without reading its
 * others (its page says which is next: a case file of a million events
 * with none expected read all of them, for seconds). */
static const char migration_8[] =
  "CREATE INDEX event_expected ON event (case_id, date, node_id) WHERE status = 'expected';";

/* migrations[i] takes a database from version i to i + 1, after
 * before_migration[i] if there is one. */
static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
};

static gboolean (* const before_migration[]) (DossierDb *, GError **) = {
  NULL,
  NULL,
  NULL,
  dossier_schema_widen_checks,
  NULL,
  NULL,
  NULL,
  NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (before_migration) == DOSSIER_SCHEMA_VERSION);

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == DOSSIER_SCHEMA_VERSION);

/* Reads what the file says it is; fails on anything but an empty file or a
 * Dossier database this version can read. */
static gboolean
check_header (DossierDb  *db,
              gint64     *version,
              GError    **error)
{
  sqlite3 *handle = dossier_db_get_handle (db);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 app_id, tables;
  int rc;

  /* One statement, so that all three come from the same state of the file
   * even while another process creates it. A file that is not SQLite fails
   * here, on its first read. */
  rc = sqlite3_prepare_v2 (handle,
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
                     dossier_db_get_path (db), sqlite3_errmsg (handle));
      else if ((rc & 0xff) == SQLITE_CORRUPT)
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_DAMAGED,
                     /* Translators: 1 a file, 2 what SQLite found wrong in it */
                     _("%1$s is damaged (%2$s); Dossier left it as it is"),
                     dossier_db_get_path (db), sqlite3_errmsg (handle));
      else
        dossier_db_check (db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, _("reading"), error);
      return FALSE;
    }

  app_id = sqlite3_column_int64 (stmt, 0);
  *version = sqlite3_column_int64 (stmt, 1);
  tables = sqlite3_column_int64 (stmt, 2);

  if (tables > 0 && app_id != DOSSIER_APPLICATION_ID)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER,
                   _("%s is not a Dossier database: it holds other tables"),
                   dossier_db_get_path (db));
      return FALSE;
    }

  if (*version > DOSSIER_SCHEMA_VERSION)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NEWER_SCHEMA,
                   _("%s was written by a newer version of Dossier (format %d; this version reads up to %d)"),
                   dossier_db_get_path (db), (int) *version, DOSSIER_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  DossierSchemaSeedFunc seed;
  gpointer              seed_data;
} Upgrade;

/* Under the write lock: another process may be creating or upgrading the
 * same file right now, so decide again what is to be done. */
static gboolean
upgrade (DossierDb  *db,
         gpointer    user_data,
         GError    **error)
{
  Upgrade *upgrade = user_data;
  g_autofree char *pragmas = NULL;
  gint64 version = 0;

  if (!check_header (db, &version, error))
    return FALSE;

  if (version == DOSSIER_SCHEMA_VERSION)
    return TRUE;

  for (gint64 v = version; v < DOSSIER_SCHEMA_VERSION; v++)
    if ((before_migration[v] != NULL && !before_migration[v] (db, error)) ||
        !dossier_db_exec (db, migrations[v], error))
      return FALSE;

  /* A new file gets the bundled case file in the same transaction; a file
   * of version 1 to 3 that still has the first bundled case file gets the
   * corrected one in its place. */
  if (version > 0 && version < 4 && upgrade->seed != NULL)
    {
      g_autoptr(DossierStmt) stmt = dossier_db_prepare (db, "SELECT count(*) FROM node WHERE kind = 'case' "
                                                            "AND slug = 'jedi-protest'", error);
      gint64 bundled = 0;

      if (stmt == NULL || !dossier_db_query_int (db, stmt, &bundled, error))
        return FALSE;
      g_clear_pointer (&stmt, dossier_db_release);
      if (bundled > 0 && (!dossier_schema_retire_bundled_1 (db, error) ||
                          !upgrade->seed (db, upgrade->seed_data, error)))
        return FALSE;
    }
  else if (version == 0 && upgrade->seed != NULL && !upgrade->seed (db, upgrade->seed_data, error))
    return FALSE;

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             DOSSIER_APPLICATION_ID, DOSSIER_SCHEMA_VERSION);
  return dossier_db_exec (db, pragmas, error);
}

/* WAL lets the window read while an export or an import writes. Switching
 * needs the file to itself, and SQLite does not wait for that on its own
 * (the busy handler is not called), so wait here a little. */
static gboolean
use_wal (DossierDb  *db,
         GError    **error)
{
  int rc = SQLITE_BUSY;

  for (guint attempt = 0; attempt < 250; attempt++)
    {
      rc = sqlite3_exec (dossier_db_get_handle (db), "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
      if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
        break;
      g_usleep (20 * 1000);
    }

  return dossier_db_check (db, rc, "PRAGMA journal_mode", error);
}

typedef struct
{
  gint64 version;
} Create;

static gboolean
create_version (DossierDb  *db,
                gpointer    user_data,
                GError    **error)
{
  Create *create = user_data;
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                              DOSSIER_APPLICATION_ID, (int) create->version);

  for (gint64 v = 0; v < create->version; v++)
    if ((before_migration[v] != NULL && !before_migration[v] (db, error)) ||
        !dossier_db_exec (db, migrations[v], error))
      return FALSE;
  return dossier_db_exec (db, pragmas, error);
}

/**
 * dossier_schema_create_version:
 * @db: an empty database
 * @version: 1 to %DOSSIER_SCHEMA_VERSION
 *
 * Makes @db an empty Dossier database of schema @version, as that version
 * made it, in one transaction: recovery copies an older file into it as it
 * is, and dossier_schema_prepare() brings it up to date afterwards, as it
 * would the file itself.
 */
gboolean
dossier_schema_create_version (DossierDb  *db,
                               gint64      version,
                               GError    **error)
{
  Create create = { version };

  g_return_val_if_fail (version >= 1 && version <= DOSSIER_SCHEMA_VERSION, FALSE);

  return dossier_schema_trust (db, error) && dossier_db_transaction (db, create_version, &create, error);
}

/**
 * dossier_schema_prepare:
 * @seed: (nullable): fills a newly created database
 *
 * Makes @db a Dossier database of this version: creates it (and seeds it)
 * if empty, migrates it if older. Nothing is left half-done: a failure
 * rolls back, and a later open tries again.
 */
gboolean
dossier_schema_prepare (DossierDb              *db,
                        DossierSchemaSeedFunc   seed,
                        gpointer                user_data,
                        GError                **error)
{
  Upgrade data = { seed, user_data };
  gint64 version = 0;

  if (!check_header (db, &version, error))
    return FALSE;

  /* A file that holds data is checked before anything is read from it. */
  if (version > 0 && !dossier_schema_check_pages (db, error))
    return FALSE;

  /* A file that cannot be written can only be read as it is. */
  if (dossier_db_is_read_only (db) && version < DOSSIER_SCHEMA_VERSION)
    {
      if (version == 0)
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER,
                     _("%s is not a Dossier database, and it is read-only"),
                     dossier_db_get_path (db));
      else
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_READ_ONLY,
                     _("%s was written by an older version of Dossier and is read-only, so it cannot be "
                       "brought up to date; copy it to a folder you can write to"),
                     dossier_db_get_path (db));
      return FALSE;
    }

  /* Before anything runs on it: its schema is the one its version made
   * (none at all for version 0: a file that claims to be new but holds
   * tables is refused here, before anything is written), and only then
   * trusted. */
  if (!dossier_schema_check_shape (db, migrations, version, error) ||
      !dossier_schema_trust (db, error))
    return FALSE;

  if (version < DOSSIER_SCHEMA_VERSION && !dossier_db_transaction (db, upgrade, &data, error))
    return FALSE;

  if (!dossier_schema_check_shape (db, migrations, G_N_ELEMENTS (migrations), error) ||
      !(dossier_db_is_read_only (db) || use_wal (db, error)) ||
      !dossier_schema_harden (db, error))
    return FALSE;

  /* Accepted: from now on, closing it folds its log in (a copy of the one
   * file then holds everything). */
  dossier_db_set_checkpoint_on_close (db, TRUE);
  return TRUE;
}

/**
 * dossier_schema_join:
 *
 * A second connection to a file a first one has prepared (a job on a
 * worker thread): the file must still be of this version and shape, then
 * it is trusted and hardened as the first. Never upgrades, never checks
 * pages again, and leaves the checkpoint on close to the first.
 */
gboolean
dossier_schema_join (DossierDb  *db,
                     GError    **error)
{
  gint64 version = 0;

  if (!check_header (db, &version, error))
    return FALSE;
  if (version != DOSSIER_SCHEMA_VERSION)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER,
                   _("%s changed while Dossier had it open"), dossier_db_get_path (db));
      return FALSE;
    }
  return dossier_schema_check_shape (db, migrations, G_N_ELEMENTS (migrations), error) &&
         dossier_schema_trust (db, error) &&
         dossier_schema_harden (db, error);
}
