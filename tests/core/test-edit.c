/* test-edit.c: every kind of edit the window makes, on a real database:
 * created, read back, edited, deleted, checked, and undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-fields.h"
#include <string.h>

#include "dossier-node.h"
#include "dossier-period.h"
#include "dossier-note.h"
#include "dossier-store.h"
#include "test-utils.h"

typedef struct
{
  char         *dir;
  char         *path;
  DossierStore *store;
  gint64        case_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-edit-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
  f->case_id = test_find_case (f->store, "jedi-protest");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
find_in (GListModel *items,
         gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (items, i);

      if (dossier_node_get_id (node) == id)
        return i;
    }
  return -1;
}

static void
assert_invalid (DossierStore    *store,
                DossierNodeKind  kind,
                gint64           case_id,
                GHashTable      *values,
                const char      *expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (dossier_store_save (store, kind, case_id, 0, values, NULL, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

/* An event is added to a case file's timeline, at its place by date, read
 * back as the form shows it, moved, deleted, and undone. */
static void
test_event (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) timeline = dossier_store_list_section (f->store, f->case_id, DOSSIER_SECTION_TIMELINE, NULL);
  g_autoptr(GHashTable) values = test_fields ("title", "Hearing on the motions", "date", "2020-01-31",
                                         "kind", "hearing", "status", "expected", "summary", "Set by the court.",
                                         NULL);
  g_autoptr(GHashTable) read = NULL;
  guint before = g_list_model_get_n_items (timeline);
  DossierNodeKind kind;
  gint64 id = 0;

  g_assert_true (dossier_store_save (f->store, DOSSIER_NODE_EVENT, f->case_id, 0, values, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, before + 1);
  {
    gint64 at = find_in (timeline, id);
    g_autoptr(DossierNode) previous = g_list_model_get_item (timeline, at - 1);
    g_autoptr(DossierNode) node = g_list_model_get_item (timeline, at);

    g_assert_cmpstr (dossier_node_get_date (previous), <=, "2020-01-31");
    g_assert_cmpstr (dossier_node_get_title (node), ==, "Hearing on the motions");
    g_assert_cmpstr (dossier_node_get_event_kind (node), ==, "hearing");
    g_assert_cmpstr (dossier_node_get_status (node), ==, "expected");
  }

  read = dossier_store_read_fields (f->store, f->case_id, id, &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, DOSSIER_NODE_EVENT);
  g_assert_cmpstr (g_hash_table_lookup (read, "date"), ==, "2020-01-31");
  g_assert_cmpstr (g_hash_table_lookup (read, "summary"), ==, "Set by the court.");

  /* To the year only, and happened: it moves to the top of 2020. */
  g_hash_table_replace (values, g_strdup ("date"), g_strdup ("2020"));
  g_hash_table_replace (values, g_strdup ("status"), g_strdup ("happened"));
  g_assert_true (dossier_store_save (f->store, DOSSIER_NODE_EVENT, f->case_id, id, values, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DossierNode) node = g_list_model_get_item (timeline, find_in (timeline, id));

    g_assert_cmpstr (dossier_node_get_date (node), ==, "2020");
    g_assert_cmpint (dossier_date_get_precision (dossier_node_get_date (node)), ==, DOSSIER_DATE_YEAR);
  }
  {
    g_autofree char *action = dossier_store_dup_history_action (f->store, FALSE);
    g_assert_cmpstr (action, ==, "edit-event");
  }

  g_assert_true (dossier_store_delete (f->store, f->case_id, id, &kind, &error));
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, before);
  {
    g_autofree char *action = dossier_store_dup_history_action (f->store, FALSE);
    g_assert_cmpstr (action, ==, "delete-event");
  }
  g_assert_true (dossier_store_undo (f->store, &error));
  g_assert_cmpint (find_in (timeline, id), >=, 0);
  g_assert_true (dossier_store_undo (f->store, &error));
  g_assert_true (dossier_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (find_in (timeline, id), ==, -1);
}

/* What the form says before saving, the store says too. */
static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *counts = test_count_rows (f->store);
  g_autofree char *after = NULL;
  g_autofree char *message = NULL;
  guint n;
  const DossierField *event = dossier_fields_get (DOSSIER_NODE_EVENT, &n);
  double percent = 0;

  {
    g_autoptr(GHashTable) v = test_fields ("title", "A", "date", "2019-02-29", "status", "happened", NULL);
    assert_invalid (f->store, DOSSIER_NODE_EVENT, f->case_id, v, "“2019-02-29” is not a date");
  }
  {
    g_autoptr(GHashTable) v = test_fields ("title", "  ", "date", "2019-02-28", "status", "happened", NULL);
    assert_invalid (f->store, DOSSIER_NODE_EVENT, f->case_id, v, "Title: This cannot be left empty");
  }
  {
    g_autoptr(GHashTable) v = test_fields ("title", "A", "date", "2019-02-28", "status", "maybe", NULL);
    assert_invalid (f->store, DOSSIER_NODE_EVENT, f->case_id, v, "Status");
  }
  {
    g_autoptr(GHashTable) v = test_fields ("title", "A", "date", "2019-02-28", "status", "happened", NULL);
    assert_invalid (f->store, DOSSIER_NODE_EVENT, 0, v, "belongs to a case file");
  }
  {
    g_autoptr(GHashTable) v = test_fields ("publisher", "P", "title", "H", "url", "www.example.com", NULL);
    assert_invalid (f->store, DOSSIER_NODE_SOURCE, f->case_id, v, "https://");
  }
  {
    g_autoptr(GHashTable) v = test_fields ("person", "1", "organization", "2", "title", "T", "started", "2020",
                                      "ended", "2019-05", NULL);
    assert_invalid (f->store, DOSSIER_NODE_ROLE, 0, v, "cannot end");
  }
  after = test_count_rows (f->store);
  g_assert_cmpstr (counts, ==, after);

  /* The checks one by one, as the form runs them while typing. */
  g_assert_cmpstr (event[1].key, ==, "date");
  g_assert_true (dossier_field_validate (&event[1], "2019-10", NULL));
  g_assert_false (dossier_field_validate (&event[1], "", &message));
  g_assert_nonnull (message);

  g_assert_true (dossier_percent_parse ("31,5", &percent, NULL));
  g_assert_cmpfloat (percent, ==, 31.5);
  g_assert_true (dossier_percent_parse ("31.5\u202f%", &percent, NULL));
  g_assert_true (dossier_percent_parse ("0", &percent, NULL));
  g_assert_false (dossier_percent_parse ("100.5", NULL, NULL));
  g_assert_false (dossier_percent_parse ("-1", NULL, NULL));
  g_assert_false (dossier_percent_parse ("", NULL, NULL));
  g_assert_false (dossier_percent_parse ("about 40", NULL, NULL));
}

/* An organization joins a case file with its standing and role, under a
 * parent; leaving the case file removes it from the database only when
 * nothing else names it. */
static void
test_organization (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) organizations = dossier_store_list_section (f->store, f->case_id,
                                                                    DOSSIER_SECTION_ORGANIZATIONS, NULL);
  gint64 amazon = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'amazon'");
  gint64 aws = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'aws'");
  g_autofree char *parent = g_strdup_printf ("%" G_GINT64_FORMAT, amazon);
  g_autoptr(GHashTable) values = test_fields ("name", "Amazon Logistics", "parent", parent, "standing", "other",
                                         "role", "Named in the complaint", NULL);
  guint before = g_list_model_get_n_items (organizations);
  gint64 id = 0, my_case = 0;

  g_assert_true (dossier_store_save (f->store, DOSSIER_NODE_ORGANIZATION, f->case_id, 0, values, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (organizations), ==, before + 1);
  {
    g_autoptr(DossierNode) node = dossier_store_get_node (f->store, f->case_id, id, NULL);

    g_assert_cmpstr (dossier_node_get_title (node), ==, "Amazon Logistics");
    g_assert_cmpstr (dossier_node_get_parent (node), ==, "Amazon");
    g_assert_cmpstr (dossier_node_get_standing (node), ==, "other");
    g_assert_cmpstr (dossier_node_get_role (node), ==, "Named in the complaint");
  }

  /* Its own parent: refused. */
  {
    g_autofree char *self_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    g_hash_table_replace (values, g_strdup ("parent"), g_strdup (self_id));
    g_assert_false (dossier_store_save (f->store, DOSSIER_NODE_ORGANIZATION, f->case_id, id, values, NULL, &error));
    g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_true (dossier_store_delete (f->store, f->case_id, id, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (organizations), ==, before);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE name = 'Amazon Logistics'"), ==, 0);

  /* AWS, named in a case file of the user's too, leaves only that one. */
  g_assert_true (dossier_store_create_case (f->store, "Mine", "en", &my_case, &error));
  {
    g_autoptr(GHashTable) aws_fields = dossier_store_read_fields (f->store, my_case, aws, NULL, &error);
    g_autoptr(GListModel) mine = dossier_store_list_section (f->store, my_case, DOSSIER_SECTION_ORGANIZATIONS, NULL);

    g_assert_no_error (error);
    g_assert_cmpstr (g_hash_table_lookup (aws_fields, "name"), ==, "Amazon Web Services");
    g_assert_true (dossier_store_save (f->store, DOSSIER_NODE_ORGANIZATION, my_case, aws, aws_fields, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 1);
    /* A form's choice of organizations: the case file's own first, then
     * every other by name. */
    {
      g_autoptr(GListModel) all = dossier_store_list_all (f->store, 1u << DOSSIER_NODE_ORGANIZATION, my_case, NULL);
      g_autoptr(DossierNode) first = g_list_model_get_item (all, 0);
      g_autoptr(DossierNode) second = g_list_model_get_item (all, 1);
      g_autoptr(DossierNode) third = g_list_model_get_item (all, 2);

      g_assert_cmpuint (g_list_model_get_n_items (all), ==,
                        test_sql_int (f->path, "SELECT count(*) FROM node WHERE kind = 'organization'"));
      g_assert_cmpint (dossier_node_get_id (first), ==, aws);
      g_assert_cmpint (g_ascii_strcasecmp (dossier_node_get_title (second), dossier_node_get_title (third)), <=, 0);
    }
    g_assert_true (dossier_store_delete (f->store, my_case, aws, NULL, &error));
    g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 0);
  }
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE slug = 'aws'"), ==, 1);
  g_assert_cmpint (find_in (organizations, aws), >=, 0);
}

/* A role between a person and an organization, with a source for and one
 * against it. */
static void
test_role_and_citations (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 person = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'jeff-bezos'");
  gint64 org = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'aws'");
  gint64 seed = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'seed-article'");
  gint64 law360 = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'law360-2021-10-04'");
  g_autofree char *p = g_strdup_printf ("%" G_GINT64_FORMAT, person);
  g_autofree char *o = g_strdup_printf ("%" G_GINT64_FORMAT, org);
  g_autoptr(GHashTable) values = test_fields ("person", p, "organization", o, "title", "Founder", "started", "2006",
                                         NULL);
  gint64 id = 0;

  g_assert_true (dossier_store_save (f->store, DOSSIER_NODE_ROLE, 0, 0, values, &id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) roles = dossier_store_list_roles (f->store, person, NULL);

    g_assert_cmpint (find_in (roles, id), >=, 0);
  }
  g_assert_true (dossier_store_cite (f->store, id, seed, DOSSIER_STANCE_SUPPORTS, &error));
  g_assert_true (dossier_store_cite (f->store, id, law360, DOSSIER_STANCE_CONTRADICTS, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) against = dossier_store_list_citations (f->store, id, DOSSIER_STANCE_CONTRADICTS, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (against), ==, 1);
  }
  g_assert_true (dossier_store_uncite (f->store, id, law360, &error));
  {
    g_autoptr(GListModel) against = dossier_store_list_citations (f->store, id, DOSSIER_STANCE_CONTRADICTS, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (against), ==, 0);
  }
  /* A source cites only as a source. */
  g_assert_false (dossier_store_cite (f->store, id, person, DOSSIER_STANCE_SUPPORTS, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
}

/* A claim in the Claims section, a source in the Sources section. */
static void
test_claim_and_source (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) claims = dossier_store_list_section (f->store, f->case_id, DOSSIER_SECTION_CLAIMS, NULL);
  g_autoptr(GListModel) sources = dossier_store_list_section (f->store, f->case_id, DOSSIER_SECTION_SOURCES, NULL);
  gint64 oracle = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'oracle'");
  g_autofree char *o = g_strdup_printf ("%" G_GINT64_FORMAT, oracle);
  g_autoptr(GHashTable) claim = test_fields ("title", "The single award broke the law", "claimant", o, "made", "2018-08",
                                        NULL);
  g_autoptr(GHashTable) source = test_fields ("publisher", "Example Times", "title", "A headline as published",
                                         "author", "A. Writer", "published", "2020-02-14",
                                         "url", "https://example.com/a", "lang", "en", NULL);
  guint n_claims = g_list_model_get_n_items (claims), n_sources = g_list_model_get_n_items (sources);
  gint64 claim_id = 0, source_id = 0;

  g_assert_true (dossier_store_save (f->store, DOSSIER_NODE_CLAIM, f->case_id, 0, claim, &claim_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, n_claims + 1);
  {
    g_autoptr(DossierNode) node = dossier_store_get_node (f->store, f->case_id, claim_id, NULL);

    g_assert_cmpstr (dossier_node_get_holder (node), ==, "Oracle");
    g_assert_cmpint (dossier_node_get_holder_id (node), ==, oracle);
  }

  g_assert_true (dossier_store_save (f->store, DOSSIER_NODE_SOURCE, f->case_id, 0, source, &source_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n_sources + 1);
  {
    g_autoptr(DossierNode) node = dossier_store_get_node (f->store, f->case_id, source_id, NULL);

    g_assert_cmpstr (dossier_node_get_title (node), ==, "A headline as published");
    g_assert_cmpstr (dossier_node_get_author (node), ==, "A. Writer");
    g_assert_cmpstr (dossier_node_get_url (node), ==, "https://example.com/a");
  }
  g_assert_true (dossier_store_cite (f->store, claim_id, source_id, DOSSIER_STANCE_SUPPORTS, &error));

  /* Deleting the source from the case file takes its citations there. */
  g_assert_true (dossier_store_delete (f->store, f->case_id, source_id, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n_sources);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE name = 'A headline as published'"), ==, 0);
  g_assert_true (dossier_store_undo (f->store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n_sources + 1);
}

/* A text shown in English in a French window is not copied into French
 * when the form is saved unchanged; a changed one is written in French. */
static void
test_languages (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = test_fields ("title", "Only in English", "date", "2021-05-05", "status", "happened",
                                         "summary", "An English summary.", NULL);
  g_autoptr(GHashTable) read = NULL;
  gint64 id = 0;

  g_assert_true (dossier_store_save (f->store, DOSSIER_NODE_EVENT, f->case_id, 0, values, &id, &error));
  dossier_store_set_language (f->store, "fr");
  read = dossier_store_read_fields (f->store, f->case_id, id, NULL, &error);
  g_assert_cmpstr (g_hash_table_lookup (read, "title"), ==, "Only in English");
  g_hash_table_replace (read, g_strdup ("summary"), g_strdup ("Un résumé en français."));
  g_assert_true (dossier_store_save (f->store, DOSSIER_NODE_EVENT, f->case_id, id, read, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT title || '|' || summary FROM node_text "
                                            "WHERE node_id = %" G_GINT64_FORMAT " AND lang = 'fr'", id);
    g_autofree char *fr = test_sql_string (f->path, sql);

    g_assert_cmpstr (fr, ==, "|Un résumé en français.");
  }
}

/* The user's notes: on any node, apart from source texts, with undo. */
static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) notes = NULL;
  gint64 event = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'joint-status-report'");
  gint64 id = 0;

  g_assert_true (dossier_store_add_note (f->store, event, "Check the docket for the exact hour.", &id, &error));
  g_assert_no_error (error);
  notes = dossier_store_list_notes (f->store, event, &error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  {
    g_autoptr(DossierNote) note = g_list_model_get_item (notes, 0);

    g_assert_cmpstr (dossier_note_get_body (note), ==, "Check the docket for the exact hour.");
  }
  g_assert_true (dossier_store_set_note (f->store, id, "Hour: 10 a.m.", &error));
  g_assert_false (dossier_store_set_note (f->store, id, "   ", &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (dossier_store_delete_note (f->store, id, &error));
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM note"), ==, 0);
  g_assert_true (dossier_store_undo (f->store, &error));
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM note WHERE body = 'Hour: 10 a.m.'"), ==, 1);
  /* Source texts are untouched by any of it. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node_text WHERE summary LIKE '%docket for%'"), ==, 0);
}

/* A market series typed line by line: bad lines named by number, nothing
 * written; good ones written with their breaks, the case file showing it. */
static void
test_series (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'crn-2020-10'"));
  g_autoptr(GHashTable) values = test_fields ("firm", "Example Research", "market", "Cloud, worldwide",
                                         "period_kind", "quarter", "source", source,
                                         "figures", "2020-Q3 AWS 33\n2020-Q3 Microsoft 18,5 %\n\n2020-Q4 aws 32",
                                         "breaks", "2020-Q4 Microsoft: restated", NULL);
  gint64 series_id = 0, my_case = 0, shown = 0;
  g_autofree char *before = test_count_rows (f->store);
  g_autofree char *problem = NULL;

  {
    g_autoptr(GHashTable) bad = test_fields ("firm", "F", "market", "M", "period_kind", "quarter", "source", source,
                                        "figures", "2020-Q3 AWS 33\n2020 Microsoft 18", NULL);
    g_autofree char *after = NULL;

    g_assert_false (dossier_store_create_series (f->store, 0, bad, NULL, &error));
    g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Line 2"));
    g_clear_error (&error);
    after = test_count_rows (f->store);
    g_assert_cmpstr (before, ==, after);
  }
  problem = dossier_store_check_series_lines (f->store, "figures", "2020-Q1 Amazn 30", FALSE);
  g_assert_nonnull (strstr (problem, "“Amazn”"));
  g_clear_pointer (&problem, g_free);
  problem = dossier_store_check_series_lines (f->store, "figures", "2020-Q1 AWS 130", FALSE);
  g_assert_nonnull (problem);
  g_clear_pointer (&problem, g_free);
  problem = dossier_store_check_series_lines (f->store, "figures", "2020-Q1 AWS 30\n2020-Q1 AWS 31", FALSE);
  g_assert_nonnull (strstr (problem, "Line 2"));

  g_assert_true (dossier_store_create_case (f->store, "Mine", "en", &my_case, &error));
  g_assert_true (dossier_store_create_series (f->store, my_case, values, &series_id, &error));
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM market_share WHERE series_id = %" G_GINT64_FORMAT,
                                            series_id);
    g_autofree char *breaks = g_strdup_printf ("SELECT count(*) FROM market_break b JOIN market_break_text t "
                                               "ON t.break_id = b.id WHERE b.series_id = %" G_GINT64_FORMAT
                                               " AND t.note = 'restated'", series_id);
    g_autofree char *percent = g_strdup_printf ("SELECT percent * 10 FROM market_share WHERE series_id = %"
                                                G_GINT64_FORMAT " AND period = '2020-Q3' AND organization_id = "
                                                "(SELECT id FROM node WHERE slug = 'microsoft')", series_id);

    g_assert_cmpint (test_sql_int (f->path, sql), ==, 3);
    g_assert_cmpint (test_sql_int (f->path, breaks), ==, 1);
    g_assert_cmpint (test_sql_int (f->path, percent), ==, 185);
  }
  {
    g_autofree char *period = NULL;
    g_assert_true (dossier_store_get_case_market (f->store, my_case, &shown, &period, &error));
  }
  g_assert_cmpint (shown, ==, series_id);
  {
    g_autofree char *action = dossier_store_dup_history_action (f->store, FALSE);
    g_assert_cmpstr (action, ==, "create-series");
  }
  if (!dossier_store_undo (f->store, &error))
    g_error ("%s", error->message);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM market_series WHERE firm = 'Example Research'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/edit/event", test_event);
  ADD ("/edit/validation", test_validation);
  ADD ("/edit/organization", test_organization);
  ADD ("/edit/role-and-citations", test_role_and_citations);
  ADD ("/edit/claim-and-source", test_claim_and_source);
  ADD ("/edit/languages", test_languages);
  ADD ("/edit/notes", test_notes);
  ADD ("/edit/series", test_series);
#undef ADD

  return g_test_run ();
}
