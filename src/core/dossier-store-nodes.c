/* dossier-store-nodes.c
 *
 * Reading case files and what they hold. Every query returns the same raw
 * columns (NODE_COLUMNS), made into a #DossierNode by one function; the
 * wording ("No. 19-1796C · …") is left to dossier-format.c and the views.
 * A case file's sections are live, lazy #DossierNodeList models.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-node.h"
#include "dossier-node-list.h"
#include "dossier-store-private.h"

/* A node's texts in :lang, else in English, else its name; its date; its
 * role in the case file :case; a source's publisher; a case file's docket
 * number and court. */
#define NODE_COLUMNS \
  "n.id, n.kind, n.slug, " \
  "COALESCE (NULLIF (t.title, ''), NULLIF (d.title, ''), n.name), " \
  "COALESCE (NULLIF (t.summary, ''), d.summary, ''), " \
  "CASE n.kind" \
  "  WHEN 'event' THEN (SELECT date FROM event WHERE node_id = n.id)" \
  "  WHEN 'source' THEN (SELECT published FROM source WHERE node_id = n.id)" \
  "  WHEN 'role' THEN (SELECT started FROM role WHERE node_id = n.id)" \
  "  WHEN 'claim' THEN (SELECT made FROM claim WHERE node_id = n.id)" \
  "  WHEN 'case' THEN (SELECT filed FROM case_file WHERE node_id = n.id) END, " \
  "COALESCE ((SELECT role FROM participant_text WHERE case_id = :case AND node_id = n.id AND lang = :lang)," \
  "          (SELECT role FROM participant_text WHERE case_id = :case AND node_id = n.id AND lang = 'en')), " \
  "(SELECT publisher FROM source WHERE node_id = n.id), " \
  "(SELECT docket FROM case_file WHERE node_id = n.id), " \
  "(SELECT COALESCE (NULLIF (ct.title, ''), NULLIF (cn.name, '')) FROM case_file c " \
  "  JOIN node cn ON cn.id = c.court_id " \
  "  LEFT JOIN node_text ct ON ct.node_id = cn.id AND ct.lang = :lang WHERE c.node_id = n.id), " \
  NODE_V4_COLUMNS
#define NODE_N_COLUMNS 22

/* What version 4 of the schema added: statuses and kinds as terms of
 * dossier-vocabulary.c; a case file's judge; a source's author, address and
 * language; when a role ended; who holds a role or makes a claim, and at
 * which organization a role is held or what an organization's parent is,
 * by name and id. Only the rows of the node's kind are read. */
#define NODE_V4_COLUMNS \
  "CASE n.kind WHEN 'case' THEN (SELECT status FROM case_file WHERE node_id = n.id)" \
  "  WHEN 'event' THEN (SELECT status FROM event WHERE node_id = n.id) END, " \
  "CASE n.kind WHEN 'event' THEN (SELECT kind FROM event WHERE node_id = n.id) END, " \
  "CASE WHEN n.kind IN ('organization', 'person') THEN" \
  "  (SELECT standing FROM participant WHERE case_id = :case AND node_id = n.id) END, " \
  "CASE n.kind WHEN 'case' THEN (SELECT judge FROM case_file WHERE node_id = n.id) END, " \
  "CASE n.kind WHEN 'source' THEN (SELECT author FROM source WHERE node_id = n.id) END, " \
  "CASE n.kind WHEN 'source' THEN (SELECT url FROM source WHERE node_id = n.id) END, " \
  "CASE n.kind WHEN 'role' THEN (SELECT ended FROM role WHERE node_id = n.id) END, " \
  "CASE n.kind WHEN 'source' THEN (SELECT lang FROM source WHERE node_id = n.id) END, " \
  "(SELECT hn.name FROM node hn WHERE hn.id = CASE n.kind" \
  "   WHEN 'role' THEN (SELECT person_id FROM role WHERE node_id = n.id)" \
  "   WHEN 'claim' THEN (SELECT claimant_id FROM claim WHERE node_id = n.id) END), " \
  "CASE n.kind WHEN 'role' THEN (SELECT person_id FROM role WHERE node_id = n.id)" \
  "  WHEN 'claim' THEN (SELECT claimant_id FROM claim WHERE node_id = n.id) END, " \
  "(SELECT pn.name FROM node pn WHERE pn.id = CASE n.kind" \
  "   WHEN 'role' THEN (SELECT organization_id FROM role WHERE node_id = n.id)" \
  "   WHEN 'organization' THEN (SELECT parent_id FROM organization_parent WHERE node_id = n.id) END), " \
  "CASE n.kind WHEN 'role' THEN (SELECT organization_id FROM role WHERE node_id = n.id)" \
  "  WHEN 'organization' THEN (SELECT parent_id FROM organization_parent WHERE node_id = n.id) END"
#define NODE_TEXT_JOINS \
  " LEFT JOIN node_text t ON t.node_id = n.id AND t.lang = :lang" \
  " LEFT JOIN node_text d ON d.node_id = n.id AND d.lang = 'en'"

#define KIND(k) (1u << DOSSIER_OBJECT_##k)

/* Oldest filing first; an expression index (schema version 2) serves it. */
static const DossierNodeQuery case_files_query = {
  "case_file c", "1", "c.node_id",
  { { "COALESCE (c.filed, '')", NULL }, { "c.node_id", NULL } }, 2,
  NODE_COLUMNS, NODE_TEXT_JOINS, NODE_N_COLUMNS,
  KIND (CASE), KIND (ORGANIZATION),   /* a court's name */
};

/* In the order of the case file. */
static const DossierNodeQuery participants_query = {
  "participant pa JOIN node pn ON pn.id = pa.node_id",
  "pa.case_id = :case AND pn.kind = :kind", "pa.node_id",
  { { "pa.position", NULL }, { "pa.node_id", NULL } }, 2,
  NODE_COLUMNS, NODE_TEXT_JOINS, NODE_N_COLUMNS,
  KIND (ORGANIZATION) | KIND (PERSON), 0,
};

/* By date; the index event_case_date (case_id, date, node_id) serves it. */
static const DossierNodeQuery timeline_query = {
  "event e", "e.case_id = :case", "e.node_id",
  { { "e.date", NULL }, { "e.node_id", NULL } }, 2,
  NODE_COLUMNS, NODE_TEXT_JOINS, NODE_N_COLUMNS,
  KIND (EVENT), 0,
};

/* In the order they were made (unknown first), then as added. */
static const DossierNodeQuery claims_query = {
  "claim cl", "cl.case_id = :case", "cl.node_id",
  { { "COALESCE (cl.made, '')", NULL }, { "cl.node_id", NULL } }, 2,
  NODE_COLUMNS, NODE_TEXT_JOINS, NODE_N_COLUMNS,
  KIND (CLAIM), KIND (ORGANIZATION) | KIND (PERSON),   /* the claimant's name */
};

/* By publisher whatever their case, then by date. */
static const DossierNodeQuery sources_query = {
  "case_source cs JOIN source s ON s.node_id = cs.source_id", "cs.case_id = :case", "s.node_id",
  { { "s.publisher", "NOCASE" }, { "COALESCE (s.published, '')", NULL }, { "s.node_id", NULL } }, 3,
  NODE_COLUMNS, NODE_TEXT_JOINS, NODE_N_COLUMNS,
  KIND (SOURCE), 0,
};

/* The one row-to-node function. */
static gpointer
row_to_node (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  DossierNodeKind kind;

  if (!dossier_node_kind_from_string (dossier_db_column_text (stmt, 1), &kind))
    return NULL;

  return g_object_new (DOSSIER_TYPE_NODE,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "kind", kind,
                       "slug", dossier_db_column_text (stmt, 2),
                       "title", dossier_db_column_text (stmt, 3),
                       "summary", dossier_db_column_text (stmt, 4),
                       "date", dossier_db_column_text (stmt, 5),
                       "role", dossier_db_column_text (stmt, 6),
                       "publisher", dossier_db_column_text (stmt, 7),
                       "docket", dossier_db_column_text (stmt, 8),
                       "court", dossier_db_column_text (stmt, 9),
                       "status", dossier_db_column_text (stmt, 10),
                       "event-kind", dossier_db_column_text (stmt, 11),
                       "standing", dossier_db_column_text (stmt, 12),
                       "judge", dossier_db_column_text (stmt, 13),
                       "author", dossier_db_column_text (stmt, 14),
                       "url", dossier_db_column_text (stmt, 15),
                       "end-date", dossier_db_column_text (stmt, 16),
                       "language", dossier_db_column_text (stmt, 17),
                       "holder", dossier_db_column_text (stmt, 18),
                       "holder-id", dossier_db_column_text (stmt, 19),
                       "parent", dossier_db_column_text (stmt, 20),
                       "parent-id", dossier_db_column_text (stmt, 21),
                       NULL);
}

static GListModel *
make_list (DossierStore            *self,
           const DossierNodeQuery  *query,
           gint64                   case_id,
           const char              *kind,
           GError                 **error)
{
  DossierNodeScope scope = { self->language, case_id, kind };

  return G_LIST_MODEL (dossier_node_list_new (G_OBJECT (self), self->db, query, &scope,
                                              row_to_node, error));
}

static GListModel *
run_node_query (DossierStore  *self,
                const char    *sql,
                gint64         case_id,
                gint64         node_id,
                DossierStance  stance,
                GError       **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (self->db, sql, error);

  if (stmt == NULL ||
      !dossier_db_bind_named (self->db, stmt, error,
                              ":lang", 't', self->language,
                              ":stance", 't', dossier_stance_to_string (stance),
                              ":case", 'i', case_id,
                              ":id", 'i', node_id,
                              NULL))
    return NULL;

  return dossier_db_collect (self->db, stmt, DOSSIER_TYPE_NODE, row_to_node, NULL, error);
}

/**
 * dossier_store_list_case_files:
 *
 * Returns: (transfer full): a live list of #DossierNode, one per case file,
 *   oldest filing first
 */
GListModel *
dossier_store_list_case_files (DossierStore  *self,
                               GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return make_list (self, &case_files_query, 0, NULL, error);
}

/**
 * dossier_store_list_section:
 *
 * Returns: (transfer full): a live, lazy list of the #DossierNode of a
 *   section of a case file, in the order it is shown (empty for the
 *   overview)
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
      return make_list (self, &participants_query, case_id, "organization", error);
    case DOSSIER_SECTION_PEOPLE:
      return make_list (self, &participants_query, case_id, "person", error);
    case DOSSIER_SECTION_TIMELINE:
      return make_list (self, &timeline_query, case_id, NULL, error);
    case DOSSIER_SECTION_CLAIMS:
      return make_list (self, &claims_query, case_id, NULL, error);
    case DOSSIER_SECTION_SOURCES:
      return make_list (self, &sources_query, case_id, NULL, error);
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
  g_autoptr(GListModel) nodes = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  nodes = run_node_query (self, "SELECT " NODE_COLUMNS " FROM node n" NODE_TEXT_JOINS " WHERE n.id = :id",
                          case_id, node_id, DOSSIER_STANCE_SUPPORTS, error);
  if (nodes == NULL)
    return NULL;

  if (g_list_model_get_n_items (nodes) > 0)
    return g_list_model_get_item (nodes, 0);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, node_id);
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
               _("%s: no item with id %s"), dossier_db_get_path (self->db), id);
  return NULL;
}

/**
 * dossier_store_list_citations:
 *
 * Returns: (transfer full): the sources that support (or contradict) a
 *   node, oldest first
 */
GListModel *
dossier_store_list_citations (DossierStore   *self,
                              gint64          node_id,
                              DossierStance   stance,
                              GError        **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return run_node_query (self,
                         "SELECT " NODE_COLUMNS " FROM citation ci JOIN source s ON s.node_id = ci.source_id "
                         "JOIN node n ON n.id = s.node_id" NODE_TEXT_JOINS " "
                         "WHERE ci.node_id = :id AND ci.stance = :stance "
                         "ORDER BY s.published, n.id",
                         0, node_id, stance, error);
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
                         "SELECT " NODE_COLUMNS " FROM citation ci JOIN node n ON n.id = ci.node_id "
                         "LEFT JOIN event e ON e.node_id = n.id" NODE_TEXT_JOINS " "
                         "WHERE ci.source_id = :id AND ci.stance = :stance AND (n.id = :case"
                         "  OR e.case_id = :case"
                         "  OR n.id IN (SELECT node_id FROM claim WHERE case_id = :case)"
                         "  OR n.id IN (SELECT r.node_id FROM role r JOIN participant p ON p.node_id = r.person_id"
                         "              WHERE p.case_id = :case)"
                         "  OR n.id IN (SELECT node_id FROM participant WHERE case_id = :case)) "
                         "ORDER BY e.date IS NULL, e.date, n.id",
                         case_id, source_id, stance, error);
}

/**
 * dossier_store_list_all:
 * @kinds: 1 << #DossierNodeKind of the nodes wanted
 * @case_id: a case file whose own come first, or 0
 *
 * Returns: (transfer full): every node of those kinds in the database,
 *   whatever their case file, @case_id's first, then by title (for a
 *   form's choice of an organization or a person)
 */
GListModel *
dossier_store_list_all (DossierStore  *self,
                        guint          kinds,
                        gint64         case_id,
                        GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " NODE_COLUMNS " FROM node n" NODE_TEXT_JOINS " WHERE n.kind IN (");
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean first = TRUE;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  for (DossierNodeKind k = DOSSIER_NODE_CASE; k <= DOSSIER_NODE_CLAIM; k++)
    if (kinds & (1u << k))
      {
        /* The names are ours, never user text. */
        g_string_append_printf (sql, "%s'%s'", first ? "" : ", ", dossier_node_kind_to_string (k));
        first = FALSE;
      }
  g_string_append (sql, ") ORDER BY n.id NOT IN (SELECT node_id FROM participant WHERE case_id = :case),"
                       " 4 COLLATE NOCASE, n.id");
  if (first)
    return G_LIST_MODEL (g_list_store_new (DOSSIER_TYPE_NODE));

  stmt = dossier_db_prepare (self->db, sql->str, error);
  if (stmt == NULL ||
      !dossier_db_bind_named (self->db, stmt, error, ":lang", 't', self->language, ":case", 'i', case_id, NULL))
    return NULL;
  return dossier_db_collect (self->db, stmt, DOSSIER_TYPE_NODE, row_to_node, NULL, error);
}

/**
 * dossier_store_list_roles:
 *
 * Returns: (transfer full): the roles of a person, or the roles held at an
 *   organization, earliest first (unknown start first)
 */
GListModel *
dossier_store_list_roles (DossierStore  *self,
                          gint64         node_id,
                          GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return run_node_query (self,
                         "SELECT " NODE_COLUMNS " FROM role r JOIN node n ON n.id = r.node_id" NODE_TEXT_JOINS " "
                         "WHERE r.person_id = :id OR r.organization_id = :id "
                         "ORDER BY r.started IS NOT NULL, r.started, n.id",
                         0, node_id, DOSSIER_STANCE_SUPPORTS, error);
}

/**
 * dossier_store_list_settlement:
 *
 * Returns: (transfer full): for an expected event, the event that settled
 *   it; for an event, the expected events it settled
 */
GListModel *
dossier_store_list_settlement (DossierStore  *self,
                               gint64         case_id,
                               gint64         node_id,
                               GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return run_node_query (self,
                         "SELECT " NODE_COLUMNS " FROM event e JOIN node n ON n.id = e.node_id" NODE_TEXT_JOINS " "
                         "WHERE e.settled_by = :id"
                         "   OR e.node_id = (SELECT settled_by FROM event WHERE node_id = :id) "
                         "ORDER BY e.date, n.id",
                         case_id, node_id, DOSSIER_STANCE_SUPPORTS, error);
}

/**
 * dossier_store_get_next_expected:
 * @expected: (out) (transfer full) (optional): the event
 * @settler: (out) (transfer full) (optional): what settled it, or %NULL
 *
 * What a case file's page says is next: its first expected event (in the
 * timeline's order) that nothing has settled yet; when every one is
 * settled, the last one, with the event that settled it. Only the
 * expected events are read (an index holds them alone).
 *
 * Returns: %FALSE with @error set when the database cannot be read;
 *   %TRUE, with *@expected %NULL when the case file expects nothing
 */
gboolean
dossier_store_get_next_expected (DossierStore  *self,
                                 gint64         case_id,
                                 DossierNode  **expected,
                                 DossierNode  **settler,
                                 GError       **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gint64 expected_id = 0, settler_id = 0;
  gboolean has_row, ok;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  stmt = dossier_db_prepare (self->db,
                             "SELECT x.node_id,"
                             "  (SELECT s.node_id FROM event s"
                             "   WHERE (s.settled_by = x.node_id OR s.node_id = x.settled_by)"
                             "     AND s.status IS NOT 'expected'"
                             "   ORDER BY s.date, s.node_id LIMIT 1) "
                             "FROM event x WHERE x.case_id = ?1 AND x.status = 'expected' "
                             "ORDER BY x.date, x.node_id", error);
  if (stmt == NULL || !dossier_db_bind (self->db, stmt, error, "i", case_id))
    return FALSE;
  while ((ok = dossier_db_step_row (self->db, stmt, &has_row, error)) && has_row)
    {
      expected_id = sqlite3_column_int64 (stmt, 0);
      settler_id = sqlite3_column_int64 (stmt, 1);
      /* Pending: the next one. */
      if (settler_id == 0)
        break;
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&stmt, dossier_db_release);

  if (expected != NULL)
    *expected = expected_id ? dossier_store_get_node (self, case_id, expected_id, NULL) : NULL;
  if (settler != NULL)
    *settler = settler_id ? dossier_store_get_node (self, case_id, settler_id, NULL) : NULL;
  return TRUE;
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
                         "SELECT " NODE_COLUMNS " FROM event_actor a "
                         "JOIN node n ON n.id = iif (a.event_id = :id, a.node_id, a.event_id) "
                         "LEFT JOIN event e ON e.node_id = n.id "
                         "LEFT JOIN participant p ON p.case_id = :case AND p.node_id = n.id"
                         NODE_TEXT_JOINS " "
                         "WHERE (a.event_id = :id OR a.node_id = :id) "
                         "  AND (e.case_id IS NULL OR e.case_id = :case) "
                         "ORDER BY e.date, p.position, n.id",
                         case_id, node_id, DOSSIER_STANCE_SUPPORTS, error);
}

/**
 * dossier_store_list_cases_of:
 *
 * Returns: (transfer full): the case files an organization or a person
 *   takes part in, oldest first
 */
GListModel *
dossier_store_list_cases_of (DossierStore  *self,
                             gint64         node_id,
                             GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return run_node_query (self,
                         "SELECT " NODE_COLUMNS " FROM participant p JOIN node n ON n.id = p.case_id" NODE_TEXT_JOINS " "
                         "WHERE p.node_id = :id ORDER BY n.id",
                         0, node_id, DOSSIER_STANCE_SUPPORTS, error);
}

/**
 * dossier_store_list_claims_by:
 *
 * Returns: (transfer full): the claims an organization or a person makes
 *   in a case file, by date
 */
GListModel *
dossier_store_list_claims_by (DossierStore  *self,
                              gint64         case_id,
                              gint64         node_id,
                              GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  return run_node_query (self,
                         "SELECT " NODE_COLUMNS " FROM claim c JOIN node n ON n.id = c.node_id" NODE_TEXT_JOINS " "
                         "WHERE c.claimant_id = :id AND c.case_id = :case ORDER BY c.made, n.id",
                         case_id, node_id, DOSSIER_STANCE_SUPPORTS, error);
}
