/* test-node-list.c: the store's lists are lazy (counted, then read a page
 * at a time) and live (they follow every committed change by themselves)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-node.h"
#include "dossier-node-list.h"
#include "dossier-store.h"
#include "test-utils.h"

#define N_EVENTS 300

typedef struct
{
  char         *dir;
  char         *path;
  DossierStore *store;
  gint64        case_id;
} Fixture;

/* A case file with many events, several on each day, so that pages end in
 * the middle of a day and the order needs its second key. */
static GBytes *
many_events (guint n)
{
  GString *json = g_string_new ("{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [], \"entities\": [],"
                                " \"case\": {\"slug\": \"many\", \"text\": {\"en\": {\"title\": \"Many\"}},"
                                " \"participants\": [], \"events\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"slug\": \"e%u\", \"date\": \"20%02u-%02u-01\","
                            " \"text\": {\"en\": {\"title\": \"Event %u\"}}}",
                            i ? ", " : "", i, 10 + (i * 7) % 11, 1 + (i * 5) % 12, i);
  g_string_append (json, "]}}");

  return g_string_free_to_bytes (json);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) json = many_events (N_EVENTS);
  g_autoptr(GError) error = NULL;

  f->dir = test_make_tmp_dir ("dossier-list-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
  g_assert_true (dossier_store_import_case (f->store, json, "many.json", &error));
  g_assert_no_error (error);
  f->case_id = test_find_case (f->store, "many");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GListModel *
timeline (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = dossier_store_list_section (f->store, f->case_id, DOSSIER_SECTION_TIMELINE, &error);

  g_assert_no_error (error);
  g_assert_true (DOSSIER_IS_NODE_LIST (list));
  return list;
}

/* The ids of the timeline, in order, read with SQL of the test's own. */
static GArray *
expected_order (Fixture *f)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < N_EVENTS; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT node_id FROM event WHERE case_id = %" G_GINT64_FORMAT
                                              " ORDER BY date, node_id LIMIT 1 OFFSET %u", f->case_id, i);
      gint64 id = test_sql_int (f->path, sql);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListModel) list = timeline (f);
  g_autoptr(GArray) ids = expected_order (f);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_EVENTS);
  g_assert_null (g_list_model_get_item (list, N_EVENTS));

  /* From the end first (read by offset), then in order (read by key). */
  for (guint i = N_EVENTS; i-- > N_EVENTS - 10;)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (list, i);
      g_assert_cmpint (dossier_node_get_id (node), ==, g_array_index (ids, gint64, i));
    }
  for (guint i = 0; i < N_EVENTS; i++)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (list, i);
      g_assert_cmpint (dossier_node_get_id (node), ==, g_array_index (ids, gint64, i));
    }

  /* Found without reading the pages before it. */
  {
    g_autoptr(GListModel) fresh = timeline (f);
    gint64 id = g_array_index (ids, gint64, 257);

    g_assert_cmpuint (dossier_node_list_find (DOSSIER_NODE_LIST (fresh), id), ==, 257);
    g_assert_cmpuint (dossier_node_list_find (DOSSIER_NODE_LIST (fresh), -1), ==, G_MAXUINT);
  }
}

static void
test_identity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GListModel) list = timeline (f);
  g_autoptr(DossierNode) held = g_list_model_get_item (list, 3);

  /* Read every page, enough to push the first out of the cache: a node a
   * view holds comes back as the same object. */
  for (guint i = 0; i < N_EVENTS; i++)
    g_object_unref (g_list_model_get_item (list, N_EVENTS - 1 - i));
  for (guint round = 0; round < 5; round++)
    for (guint i = 64; i < N_EVENTS; i++)
      g_object_unref (g_list_model_get_item (list, i));

  {
    g_autoptr(DossierNode) again = g_list_model_get_item (list, 3);
    g_assert_true (again == held);
  }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  g_assert_cmpstr (pspec->name, ==, "title");
  (*count)++;
}

static void
count_items_changed (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GArray     *calls)
{
  guint call[3] = { position, removed, added };

  g_array_append_vals (calls, call, 3);
}

static void
test_edit_in_place (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GListModel) list = timeline (f);
  g_autoptr(DossierNode) node = g_list_model_get_item (list, 10);
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_signal_connect (node, "notify", G_CALLBACK (count_notify), &notified);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_items_changed), calls);

  g_assert_true (dossier_store_set_title (f->store, dossier_node_get_id (node), "en", "Renamed", &error));
  g_assert_no_error (error);

  /* The same object, renamed; nothing came or went. */
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (dossier_node_get_title (node), ==, "Renamed");
  g_assert_cmpuint (calls->len, ==, 0);

  /* An edit of a row nobody holds changes nothing that is shown. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT node_id FROM event WHERE case_id = %" G_GINT64_FORMAT
                                            " ORDER BY date DESC, node_id DESC LIMIT 1", f->case_id);

    g_assert_true (dossier_store_set_summary (f->store, test_sql_int (f->path, sql), "en", "x", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (calls->len, ==, 0);
  }
}

static void
test_case_added (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cases = dossier_store_list_case_files (f->store, &error);
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GBytes) second = test_load_data ("second-case.json");
  static const char broken_json[] =
    "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [], \"entities\": [],"
    " \"case\": {\"slug\": \"x\", \"text\": {\"en\": {}}, \"participants\": [],"
    " \"events\": [{\"slug\": \"y\", \"date\": \"bad\", \"text\": {\"en\": {}}}]}}";
  g_autoptr(GBytes) broken = g_bytes_new_static (broken_json, sizeof broken_json - 1);
  guint n = g_list_model_get_n_items (cases);

  g_signal_connect (cases, "items-changed", G_CALLBACK (count_items_changed), calls);

  /* A failed import announces nothing. */
  g_assert_false (dossier_store_import_case (f->store, broken, "broken.json", NULL));
  g_assert_cmpuint (calls->len, ==, 0);

  /* Filed in 2021, after JEDI (2019) and the undated "many" (first): last. */
  g_assert_true (dossier_store_import_case (f->store, second, "second-case.json", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, n + 1);
  g_assert_cmpuint (calls->len, ==, 3);
  g_assert_cmpuint (g_array_index (calls, guint, 0), ==, n);
  g_assert_cmpuint (g_array_index (calls, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (calls, guint, 2), ==, 1);
  {
    g_autoptr(DossierNode) last = g_list_model_get_item (cases, n);
    g_assert_cmpstr (dossier_node_get_slug (last), ==, "test-case");
  }
}

/* A copy of a list kept only from its ::items-changed signals, as a view
 * keeps one: it must end up equal to the list itself. */
static void
mirror_items_changed (GListModel *list,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (list, position + i));
  g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (list));
}

static void
assert_mirror (Fixture    *f,
               GListModel *list,
               GPtrArray  *mirror)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM event WHERE case_id = %" G_GINT64_FORMAT, f->case_id);
  guint n = test_sql_int (f->path, sql);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  g_assert_cmpuint (mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *nth = g_strdup_printf ("SELECT node_id FROM event WHERE case_id = %" G_GINT64_FORMAT
                                              " ORDER BY date, node_id LIMIT 1 OFFSET %u", f->case_id, i);
      g_autoptr(DossierNode) item = g_list_model_get_item (list, i);

      g_assert_cmpint (dossier_node_get_id (item), ==, test_sql_int (f->path, nth));
      g_assert_true (g_ptr_array_index (mirror, i) == (gpointer) item);
    }
}

static void
announce (Fixture           *f,
          gint64             node_id,
          DossierChangeType  type)
{
  g_signal_emit_by_name (f->store, "changed", DOSSIER_OBJECT_EVENT, node_id, type, f->case_id);
}

static void
test_moves (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListModel) list = timeline (f);
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DossierNode) first = NULL;
  g_autoptr(DossierNode) held = NULL;
  g_autofree char *sql = NULL;
  gint64 moved;

  /* A view that has read the first pages and holds the first row. */
  for (guint i = 0; i < N_EVENTS; i++)
    g_ptr_array_add (mirror, g_list_model_get_item (list, i));
  g_signal_connect (list, "items-changed", G_CALLBACK (mirror_items_changed), mirror);
  first = g_list_model_get_item (list, 0);
  moved = dossier_node_get_id (first);

  /* Its date changes (written by another connection: the store's edits of
   * dates come later), and the store says it moved: it is last now. */
  sql = g_strdup_printf ("UPDATE event SET date = '2099-01-01' WHERE node_id = %" G_GINT64_FORMAT, moved);
  test_sql_exec (f->path, sql);
  announce (f, moved, DOSSIER_CHANGE_MOVED);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_EVENTS);   /* nothing until the commit is whole */
  g_signal_emit_by_name (f->store, "committed");
  assert_mirror (f, list, mirror);
  held = g_list_model_get_item (list, N_EVENTS - 1);
  g_assert_true (held == first);

  /* Two rows added and one removed in one commit, none where a view had
   * read: the list says everything changed, and is right again. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO node (id, kind, slug) VALUES (900001, 'event', 'x1'), (900002, 'event', 'x2');"
                         "INSERT INTO event (node_id, case_id, date) VALUES (900001, %1$" G_GINT64_FORMAT ", '1999-01-01'),"
                         " (900002, %1$" G_GINT64_FORMAT ", '2050-01-01');"
                         "DELETE FROM event WHERE node_id = %2$" G_GINT64_FORMAT ";"
                         "DELETE FROM node WHERE id = %2$" G_GINT64_FORMAT ";",
                         f->case_id, moved);
  test_sql_exec (f->path, sql);
  announce (f, 900001, DOSSIER_CHANGE_ADDED);
  announce (f, 900002, DOSSIER_CHANGE_ADDED);
  announce (f, moved, DOSSIER_CHANGE_REMOVED);
  g_signal_emit_by_name (f->store, "committed");
  assert_mirror (f, list, mirror);

  /* One row moved, one removed and one added in one commit, a view reading
   * the list as soon as it hears of a change: still right. */
  {
    g_autoptr(DossierNode) fifth = g_list_model_get_item (list, 5);
    g_autoptr(DossierNode) thirtieth = g_list_model_get_item (list, 30);
    g_autofree char *batch = g_strdup_printf ("UPDATE event SET date = (SELECT date FROM event WHERE node_id = %1$" G_GINT64_FORMAT ")"
                                              " WHERE node_id = %2$" G_GINT64_FORMAT ";"
                                              "INSERT INTO node (id, kind, slug) VALUES (900003, 'event', 'x3');"
                                              "INSERT INTO event (node_id, case_id, date) VALUES (900003, %4$" G_GINT64_FORMAT ","
                                              " (SELECT date FROM event WHERE node_id = %1$" G_GINT64_FORMAT "));"
                                              "DELETE FROM event WHERE node_id = %3$" G_GINT64_FORMAT ";"
                                              "DELETE FROM node WHERE id = %3$" G_GINT64_FORMAT ";",
                                              dossier_node_get_id (thirtieth), dossier_node_get_id (fifth),
                                              dossier_node_get_id (thirtieth), f->case_id);

    test_sql_exec (f->path, batch);
    announce (f, dossier_node_get_id (fifth), DOSSIER_CHANGE_MOVED);
    announce (f, dossier_node_get_id (thirtieth), DOSSIER_CHANGE_REMOVED);
    announce (f, 900003, DOSSIER_CHANGE_ADDED);
    g_signal_emit_by_name (f->store, "committed");
    assert_mirror (f, list, mirror);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/node-list/order", test_order);
  ADD ("/node-list/identity", test_identity);
  ADD ("/node-list/edit-in-place", test_edit_in_place);
  ADD ("/node-list/case-added", test_case_added);
  ADD ("/node-list/moves", test_moves);

  return g_test_run ();
}
