/* dossier-store-write.c
 *
 * Creating, editing and deleting what a case file holds, from a table of
 * fields (dossier-fields.c says which, and checks them): case files,
 * organizations and people (with their standing and role in the case file),
 * roles, events, claims and sources. Each write is one transaction,
 * recorded in the history so that it can be undone, and announced so that
 * every view follows. A text the user did not change is not written again
 * in their language: an English text shown in a French window stays
 * English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-fields.h"
#include "dossier-history.h"
#include "dossier-store-private.h"

/* A node's title and summary as shown: in :lang, else in English, else its
 * name. */
#define SHOWN_TITLE "COALESCE (NULLIF (t.title, ''), NULLIF (d.title, ''), n.name)"
#define SHOWN_SUMMARY "COALESCE (NULLIF (t.summary, ''), d.summary, '')"
#define TEXT_JOINS \
  " LEFT JOIN node_text t ON t.node_id = n.id AND t.lang = :lang" \
  " LEFT JOIN node_text d ON d.node_id = n.id AND d.lang = 'en'"

/* What a form shows of a node, by kind; the columns are named as the
 * fields of dossier-fields.c. */
static const char *
read_sql (DossierNodeKind kind)
{
  switch (kind)
    {
    case DOSSIER_NODE_CASE:
      return "SELECT " SHOWN_TITLE " AS title, " SHOWN_SUMMARY " AS summary, c.docket AS docket,"
             "  c.court_id AS court, c.judge AS judge, c.status AS status, c.filed AS filed "
             "FROM node n JOIN case_file c ON c.node_id = n.id" TEXT_JOINS " WHERE n.id = :id";
    case DOSSIER_NODE_ORGANIZATION:
    case DOSSIER_NODE_PERSON:
      return "SELECT n.name AS name, n.short_name AS short_name, " SHOWN_SUMMARY " AS summary,"
             "  (SELECT parent_id FROM organization_parent WHERE node_id = n.id) AS parent,"
             "  p.standing AS standing,"
             "  COALESCE ((SELECT role FROM participant_text WHERE case_id = :case AND node_id = n.id AND lang = :lang),"
             "            (SELECT role FROM participant_text WHERE case_id = :case AND node_id = n.id AND lang = 'en'))"
             "    AS role "
             "FROM node n LEFT JOIN participant p ON p.case_id = :case AND p.node_id = n.id" TEXT_JOINS
             " WHERE n.id = :id";
    case DOSSIER_NODE_ROLE:
      return "SELECT " SHOWN_TITLE " AS title, " SHOWN_SUMMARY " AS summary, r.person_id AS person,"
             "  r.organization_id AS organization, r.started AS started, r.ended AS ended "
             "FROM node n JOIN role r ON r.node_id = n.id" TEXT_JOINS " WHERE n.id = :id";
    case DOSSIER_NODE_EVENT:
      return "SELECT " SHOWN_TITLE " AS title, " SHOWN_SUMMARY " AS summary, e.date AS date,"
             "  e.kind AS kind, e.status AS status "
             "FROM node n JOIN event e ON e.node_id = n.id" TEXT_JOINS " WHERE n.id = :id";
    case DOSSIER_NODE_CLAIM:
      return "SELECT " SHOWN_TITLE " AS title, " SHOWN_SUMMARY " AS summary, c.claimant_id AS claimant,"
             "  c.made AS made "
             "FROM node n JOIN claim c ON c.node_id = n.id" TEXT_JOINS " WHERE n.id = :id";
    case DOSSIER_NODE_SOURCE:
      return "SELECT " SHOWN_TITLE " AS title, " SHOWN_SUMMARY " AS summary, s.publisher AS publisher,"
             "  s.author AS author, s.published AS published, s.url AS url, s.lang AS lang "
             "FROM node n JOIN source s ON s.node_id = n.id" TEXT_JOINS " WHERE n.id = :id";
    default:
      return NULL;
    }
}

static gboolean
node_kind (DossierDb        *db,
           gint64            node_id,
           DossierNodeKind  *kind,
           GError          **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (db, "SELECT kind FROM node WHERE id = ?1", error);
  gboolean found;

  if (stmt == NULL || !dossier_db_bind (db, stmt, error, "i", node_id) ||
      !dossier_db_step_row (db, stmt, &found, error))
    return FALSE;

  if (!found || !dossier_node_kind_from_string (dossier_db_column_text (stmt, 0), kind))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, node_id);

      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("%s: no item with id %s"), dossier_db_get_path (db), id);
      return FALSE;
    }
  return TRUE;
}

static GHashTable *
read_fields (DossierDb        *db,
             const char       *language,
             gint64            case_id,
             gint64            node_id,
             DossierNodeKind  *kind,
             GError          **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean found;

  if (!node_kind (db, node_id, kind, error))
    return NULL;

  stmt = dossier_db_prepare (db, read_sql (*kind), error);
  if (stmt == NULL ||
      !dossier_db_bind_named (db, stmt, error, ":id", 'i', node_id, ":case", 'i', case_id,
                              ":lang", 't', language, NULL) ||
      !dossier_db_step_row (db, stmt, &found, error))
    return NULL;

  if (!found)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("%s: the item is incomplete"), dossier_db_get_path (db));
      return NULL;
    }

  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    g_hash_table_insert (values, g_strdup (sqlite3_column_name (stmt, i)),
                         g_strdup (dossier_db_column_text (stmt, i)));

  return g_steal_pointer (&values);
}

/**
 * dossier_store_read_fields:
 * @case_id: the case file the node is seen in (for a party's standing and
 *   role)
 * @kind: (out) (optional): the node's kind
 *
 * Returns: (transfer full) (element-type utf8 utf8): what a form shows of
 *   the node, by the keys of dossier_fields_get(); "" is unknown
 */
GHashTable *
dossier_store_read_fields (DossierStore     *self,
                           gint64            case_id,
                           gint64            node_id,
                           DossierNodeKind  *kind,
                           GError          **error)
{
  DossierNodeKind found;
  GHashTable *values;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  values = read_fields (self->db, self->language, case_id, node_id, &found, error);
  if (values != NULL && kind != NULL)
    *kind = found;
  return values;
}

typedef struct
{
  const char      *language;
  DossierNodeKind  kind;
  gint64           case_id;
  gint64           node_id;   /* 0 to create */
  GHashTable      *values;
} Save;

static const char *
value (Save       *save,
       const char *key)
{
  const char *text = g_hash_table_lookup (save->values, key);

  return text != NULL && *text != '\0' ? text : NULL;
}

static gint64
value_id (Save       *save,
          const char *key)
{
  const char *text = value (save, key);

  return text ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* Runs @sql with every field bound by name (":title"…, NULL when empty)
 * and :id, :case, :lang. */
static gboolean
run_bound (DossierDb   *db,
           Save        *save,
           const char  *sql,
           GError     **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (db, sql, error);
  guint n_fields;
  const DossierField *fields = dossier_fields_get (save->kind, &n_fields);

  if (stmt == NULL ||
      !dossier_db_bind_named (db, stmt, error, ":id", 'i', save->node_id, ":case", 'i', save->case_id,
                              ":lang", 't', save->language, NULL))
    return FALSE;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strconcat (":", fields[i].key, NULL);
      int index = sqlite3_bind_parameter_index (stmt, name);
      const char *text = value (save, fields[i].key);
      int rc;

      if (index == 0)
        continue;
      if (text == NULL)
        rc = sqlite3_bind_null (stmt, index);
      else if (fields[i].type == DOSSIER_FIELD_NODE)
        rc = sqlite3_bind_int64 (stmt, index, value_id (save, fields[i].key));
      else
        rc = sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      if (!dossier_db_check (db, rc, "bind", error))
        return FALSE;
    }

  return dossier_db_step_done (db, stmt, error);
}

/* Title and summary in the store's language, unless unchanged from what
 * was shown. */
static gboolean
write_texts (DossierDb   *db,
             Save        *save,
             GHashTable  *shown,
             GError     **error)
{
  static const char * const columns[] = { "title", "summary" };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *text = g_hash_table_lookup (save->values, columns[i]);
      g_autofree char *sql = NULL;

      if (text == NULL || (shown != NULL && g_strcmp0 (g_hash_table_lookup (shown, columns[i]), text) == 0))
        continue;
      /* A source's headline is its own, in no language of ours. */
      if (save->kind == DOSSIER_NODE_SOURCE && i == 0)
        {
          if (!dossier_db_run (db, "UPDATE node SET name = ?2 WHERE id = ?1", error, "it", save->node_id, text) ||
              !dossier_db_run (db, "UPDATE node_text SET title = '' WHERE node_id = ?1", error, "i", save->node_id))
            return FALSE;
          continue;
        }
      /* @columns[i] is one of two names of ours, never user text. */
      sql = g_strdup_printf ("INSERT INTO node_text (node_id, lang, %1$s) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT (node_id, lang) DO UPDATE SET %1$s = excluded.%1$s", columns[i]);
      if (!dossier_db_run (db, sql, error, "itt", save->node_id, save->language, text))
        return FALSE;
    }
  return TRUE;
}

/* The rows of the node's kind; a party's place in the case file. */
static gboolean
write_rows (DossierDb   *db,
            Save        *save,
            GError     **error)
{
  switch (save->kind)
    {
    case DOSSIER_NODE_CASE:
      return run_bound (db, save,
                        "INSERT INTO case_file (node_id, docket, court_id, judge, status, filed) "
                        "VALUES (:id, COALESCE (:docket, ''), :court, :judge, :status, :filed) "
                        "ON CONFLICT (node_id) DO UPDATE SET docket = excluded.docket, court_id = excluded.court_id,"
                        "  judge = excluded.judge, status = excluded.status, filed = excluded.filed", error);

    case DOSSIER_NODE_ORGANIZATION:
      if (value_id (save, "parent") == save->node_id)
        {
          g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                       _("An organization cannot be part of itself"));
          return FALSE;
        }
      if (!run_bound (db, save, "DELETE FROM organization_parent WHERE node_id = :id AND "
                                "parent_id IS NOT :parent", error) ||
          !run_bound (db, save, "INSERT OR IGNORE INTO organization_parent (node_id, parent_id) "
                                "SELECT :id, :parent WHERE :parent IS NOT NULL", error))
        return FALSE;
      G_GNUC_FALLTHROUGH;

    case DOSSIER_NODE_PERSON:
      return run_bound (db, save, "UPDATE node SET name = :name, short_name = COALESCE (:short_name, '') "
                                  "WHERE id = :id", error) &&
             (save->case_id == 0 ||
              (run_bound (db, save,
                          "INSERT INTO participant (case_id, node_id, position, standing) "
                          "VALUES (:case, :id, (SELECT COALESCE (max (position) + 1, 0) FROM participant"
                          "                     WHERE case_id = :case), :standing) "
                          "ON CONFLICT (case_id, node_id) DO UPDATE SET standing = excluded.standing", error) &&
               run_bound (db, save,
                          "DELETE FROM participant_text WHERE case_id = :case AND node_id = :id AND lang = :lang "
                          "  AND :role IS NULL", error) &&
               run_bound (db, save,
                          "INSERT INTO participant_text (case_id, node_id, lang, role) "
                          "SELECT :case, :id, :lang, :role WHERE :role IS NOT NULL "
                          "ON CONFLICT (case_id, node_id, lang) DO UPDATE SET role = excluded.role", error)));

    case DOSSIER_NODE_ROLE:
      return run_bound (db, save,
                        "INSERT INTO role (node_id, person_id, organization_id, started, ended) "
                        "VALUES (:id, :person, :organization, :started, :ended) "
                        "ON CONFLICT (node_id) DO UPDATE SET person_id = excluded.person_id,"
                        "  organization_id = excluded.organization_id, started = excluded.started,"
                        "  ended = excluded.ended", error);

    case DOSSIER_NODE_EVENT:
      return run_bound (db, save,
                        "INSERT INTO event (node_id, case_id, date, kind, status) "
                        "VALUES (:id, :case, :date, :kind, COALESCE (:status, 'happened')) "
                        "ON CONFLICT (node_id) DO UPDATE SET date = excluded.date, kind = excluded.kind,"
                        "  status = excluded.status", error);

    case DOSSIER_NODE_CLAIM:
      return run_bound (db, save,
                        "INSERT INTO claim (node_id, case_id, claimant_id, made) "
                        "VALUES (:id, :case, :claimant, :made) "
                        "ON CONFLICT (node_id) DO UPDATE SET claimant_id = excluded.claimant_id,"
                        "  made = excluded.made", error);

    case DOSSIER_NODE_SOURCE:
      return run_bound (db, save,
                        "INSERT INTO source (node_id, publisher, published, url, lang, author) "
                        "VALUES (:id, :publisher, :published, :url, :lang, :author) "
                        "ON CONFLICT (node_id) DO UPDATE SET publisher = excluded.publisher,"
                        "  published = excluded.published, url = excluded.url, lang = excluded.lang,"
                        "  author = excluded.author", error) &&
             (save->case_id == 0 ||
              run_bound (db, save, "INSERT OR IGNORE INTO case_source (case_id, source_id) VALUES (:case, :id)",
                         error));

    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
write_node (DossierDb  *db,
            gpointer    user_data,
            GError    **error)
{
  Save *save = user_data;
  g_autoptr(GHashTable) shown = NULL;
  gboolean created = save->node_id == 0;
  DossierChangeType type;

  if (created)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *slug = g_strconcat (dossier_node_kind_to_string (save->kind), "-", uuid, NULL);

      if (!dossier_db_run (db, "INSERT INTO node (kind, slug, name) VALUES (?1, ?2, ?3)", error, "ttt",
                           dossier_node_kind_to_string (save->kind), slug,
                           value (save, "name") ? value (save, "name") : ""))
        return FALSE;
      save->node_id = dossier_db_last_insert_id (db);
    }
  else
    {
      DossierNodeKind kind;

      shown = read_fields (db, save->language, save->case_id, save->node_id, &kind, error);
      if (shown == NULL)
        return FALSE;
      g_return_val_if_fail (kind == save->kind, FALSE);
    }

  if (!write_rows (db, save, error) || !write_texts (db, save, shown, error))
    return FALSE;

  /* An event or a claim may have moved in its list (its date). */
  type = created ? DOSSIER_CHANGE_ADDED
       : save->kind == DOSSIER_NODE_EVENT || save->kind == DOSSIER_NODE_CLAIM ? DOSSIER_CHANGE_MOVED
       : DOSSIER_CHANGE_CHANGED;
  if (!created && save->case_id != 0 &&
      (save->kind == DOSSIER_NODE_ORGANIZATION || save->kind == DOSSIER_NODE_PERSON ||
       save->kind == DOSSIER_NODE_SOURCE))
    type = DOSSIER_CHANGE_ADDED;   /* perhaps new to this case file: the lists find out */
  dossier_db_note_change (db, (DossierObjectKind) save->kind, type, save->node_id,
                          save->kind == DOSSIER_NODE_CASE ? save->node_id : save->case_id);
  return TRUE;
}

/**
 * dossier_store_save:
 * @kind: what is saved
 * @case_id: the case file it belongs to or is added to (an organization,
 *   a person or a source is shared, and joins this case file), or 0
 * @node_id: the node to edit, or 0 to create one
 * @values: (element-type utf8 utf8): by the keys of dossier_fields_get();
 *   a key it lacks is unknown
 * @saved_id: (out) (optional): the node written
 *
 * Checks @values, then writes them in one transaction that can be undone.
 */
gboolean
dossier_store_save (DossierStore     *self,
                    DossierNodeKind   kind,
                    gint64            case_id,
                    gint64            node_id,
                    GHashTable       *values,
                    gint64           *saved_id,
                    GError          **error)
{
  Save save = { self->language, kind, case_id, node_id, values };
  g_autofree char *action = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  if (kind == DOSSIER_NODE_CASE)
    save.case_id = node_id;
  if ((kind == DOSSIER_NODE_EVENT || kind == DOSSIER_NODE_CLAIM) && case_id == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("An event or a claim belongs to a case file"));
      return FALSE;
    }
  if (!dossier_fields_validate (kind, values, error))
    return FALSE;

  action = g_strconcat (node_id == 0 ? "create-" : "edit-", dossier_node_kind_to_string (kind), NULL);
  if (!dossier_history_record (self->db, action, write_node, &save, error))
    return FALSE;

  if (saved_id != NULL)
    *saved_id = save.node_id;
  return TRUE;
}

typedef struct
{
  gint64          case_id;
  gint64          node_id;
  DossierNodeKind kind;
} Delete;

/* Whether anything still refers to a shared node. */
static gboolean
still_used (DossierDb  *db,
            gint64      node_id,
            gboolean   *used,
            GError    **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (db,
    "SELECT EXISTS (SELECT 1 FROM participant WHERE node_id = ?1)"
    "    OR EXISTS (SELECT 1 FROM event_actor WHERE node_id = ?1)"
    "    OR EXISTS (SELECT 1 FROM market_share WHERE organization_id = ?1 OR source_id = ?1)"
    "    OR EXISTS (SELECT 1 FROM market_break WHERE organization_id = ?1 OR source_id = ?1)"
    "    OR EXISTS (SELECT 1 FROM case_file WHERE court_id = ?1)"
    "    OR EXISTS (SELECT 1 FROM case_source WHERE source_id = ?1)"
    "    OR EXISTS (SELECT 1 FROM citation WHERE source_id = ?1)"
    "    OR EXISTS (SELECT 1 FROM role WHERE person_id = ?1 OR organization_id = ?1)"
    "    OR EXISTS (SELECT 1 FROM claim WHERE claimant_id = ?1)"
    "    OR EXISTS (SELECT 1 FROM organization_parent WHERE parent_id = ?1)", error);
  gint64 found = 0;

  if (stmt == NULL || !dossier_db_bind (db, stmt, error, "i", node_id) ||
      !dossier_db_query_int (db, stmt, &found, error))
    return FALSE;
  *used = found != 0;
  return TRUE;
}

static gboolean
remove_node (DossierDb  *db,
             gpointer    user_data,
             GError    **error)
{
  Delete *del = user_data;
  gboolean used = FALSE;

  if (!node_kind (db, del->node_id, &del->kind, error))
    return FALSE;

  switch (del->kind)
    {
    case DOSSIER_NODE_CASE:
      /* Its events and claims are its own; what it shares stays. */
      if (!dossier_db_run (db, "DELETE FROM node WHERE id IN (SELECT node_id FROM event WHERE case_id = ?1"
                               "  UNION ALL SELECT node_id FROM claim WHERE case_id = ?1)", error, "i", del->node_id))
        return FALSE;
      del->case_id = del->node_id;
      break;

    case DOSSIER_NODE_ORGANIZATION:
    case DOSSIER_NODE_PERSON:
      /* Out of this case file; gone if nothing else names it. */
      if (!dossier_db_run (db, "DELETE FROM participant WHERE case_id = ?1 AND node_id = ?2", error, "ii",
                           del->case_id, del->node_id) ||
          !dossier_db_run (db, "DELETE FROM event_actor WHERE node_id = ?2 AND event_id IN"
                               "  (SELECT node_id FROM event WHERE case_id = ?1)", error, "ii",
                           del->case_id, del->node_id) ||
          !dossier_db_run (db, "UPDATE claim SET claimant_id = NULL WHERE case_id = ?1 AND claimant_id = ?2",
                           error, "ii", del->case_id, del->node_id) ||
          !still_used (db, del->node_id, &used, error))
        return FALSE;
      break;

    case DOSSIER_NODE_SOURCE:
      if (!dossier_db_run (db, "DELETE FROM case_source WHERE case_id = ?1 AND source_id = ?2", error, "ii",
                           del->case_id, del->node_id) ||
          !dossier_db_run (db, "DELETE FROM citation WHERE source_id = ?2 AND node_id IN"
                               "  (SELECT ?1 UNION ALL SELECT node_id FROM event WHERE case_id = ?1"
                               "   UNION ALL SELECT node_id FROM claim WHERE case_id = ?1)", error, "ii",
                           del->case_id, del->node_id) ||
          !still_used (db, del->node_id, &used, error))
        return FALSE;
      break;

    default:
      break;
    }

  if (!used && !dossier_db_run (db, "DELETE FROM node WHERE id = ?1", error, "i", del->node_id))
    return FALSE;

  dossier_db_note_change (db, (DossierObjectKind) del->kind, DOSSIER_CHANGE_REMOVED, del->node_id, del->case_id);
  return TRUE;
}

/**
 * dossier_store_delete:
 * @case_id: the case file it is deleted from
 * @kind: (out) (optional): what was deleted
 *
 * Deletes a node in one transaction that can be undone. An organization,
 * a person or a source leaves the case file, and the database once nothing
 * else names it; a case file takes its events and claims with it.
 */
gboolean
dossier_store_delete (DossierStore     *self,
                      gint64            case_id,
                      gint64            node_id,
                      DossierNodeKind  *kind,
                      GError          **error)
{
  Delete del = { case_id, node_id, 0 };
  DossierNodeKind found;
  g_autofree char *action = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  if (!node_kind (self->db, node_id, &found, error))
    return FALSE;

  action = g_strconcat ("delete-", dossier_node_kind_to_string (found), NULL);
  if (!dossier_history_record (self->db, action, remove_node, &del, error))
    return FALSE;

  if (kind != NULL)
    *kind = found;
  return TRUE;
}
