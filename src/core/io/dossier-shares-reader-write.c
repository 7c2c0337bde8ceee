/* dossier-shares-reader-write.c
 *
 * The second half of reading market shares (dossier-shares-reader.c reads
 * and checks each row alone): writing a row as soon as it is read, in the
 * caller's transaction, which rolls back whole when the file is refused;
 * nothing of the file is kept in memory. A provider nobody has becomes an
 * organization, a series nobody has is added under its name, a source is
 * found by its slug, headline or address or added (the file itself for
 * rows without one), and a row's note becomes the note of a break in the
 * series at that figure.
 *
 * What the rows say together is checked by the database: a figure is
 * written once (the primary key of market_share), so a row whose figure
 * is there is either the same as the series had (skipped), another one
 * (a contradiction), or a figure the file names twice; the figures a
 * series had are copied to temp.import_before to tell which. Shares over
 * 100 in a period are summed by SQL once the file is read. A file so
 * refused is read again (_dossier_shares_again_begin()) for the lines to
 * name: where a figure named twice was first, where a period passed 100.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-shares"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-shares-reader-private.h"

static gboolean
add_node (Reader      *reader,
          const char  *kind,
          const char  *name,
          gint64      *id,
          GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *slug = g_strconcat (kind, "-", uuid, NULL);

  if (!dossier_db_run (reader->db, "INSERT INTO node (kind, slug, name) VALUES (?1, ?2, ?3)", error, "ttt",
                       kind, slug, name))
    return FALSE;
  *id = dossier_db_last_insert_id (reader->db);
  return TRUE;
}

/* A provider nobody had: one organization for its every spelling. */
static gboolean
organization_of (Reader  *reader,
                 Row     *row,
                 GError **error)
{
  g_autofree char *fold = NULL;

  if (row->organization_id != 0)
    return TRUE;
  fold = g_utf8_casefold (row->provider, -1);
  if ((row->organization_id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (reader->added, fold))) == 0)
    {
      if (!add_node (reader, "organization", row->provider, &row->organization_id, error))
        return FALSE;
      g_hash_table_insert (reader->added, g_steal_pointer (&fold), GSIZE_TO_POINTER ((gsize) row->organization_id));
    }
  /* This spelling (interned) is known from now on. */
  g_hash_table_insert (reader->organizations, (gpointer) row->provider,
                       GSIZE_TO_POINTER ((gsize) row->organization_id));
  return TRUE;
}

/* A series added when first named; one the database has keeps a copy of
 * its figures, to tell them from the file's. */
static gboolean
series_of (Reader  *reader,
           Row     *row,
           GError **error)
{
  Series *series = row->series;

  if (series->touched)
    return TRUE;
  series->touched = TRUE;

  if (series->id == 0)
    {
      if (!dossier_db_run (reader->db,
                           "INSERT INTO market_series (slug, firm, yearly, complete) VALUES (?1, ?1, ?2, 0)",
                           error, "ti", series->name, (gint64) series->yearly))
        return FALSE;
      series->id = dossier_db_last_insert_id (reader->db);
      series->changed = TRUE;
      dossier_db_note_change (reader->db, DOSSIER_OBJECT_MARKET_SERIES, DOSSIER_CHANGE_ADDED, series->id, 0);
      return dossier_db_run (reader->db,
                             "INSERT INTO market_series_text (series_id, lang, market) VALUES (?1, ?2, ?3)",
                             error, "itt", series->id, reader->language, series->name);
    }

  if (!reader->before_table)
    {
      if (!dossier_db_run (reader->db,
                           "CREATE TEMP TABLE import_before (series_id INTEGER, period TEXT, "
                           "  organization_id INTEGER, percent REAL, named INTEGER NOT NULL DEFAULT 0, "
                           "  PRIMARY KEY (series_id, period, organization_id)) WITHOUT ROWID",
                           error, ""))
        return FALSE;
      reader->before_table = TRUE;
    }
  return dossier_db_run (reader->db,
                         "INSERT INTO temp.import_before (series_id, period, organization_id, percent) "
                         "SELECT series_id, period, organization_id, percent FROM market_share WHERE series_id = ?1",
                         error, "i", series->id);
}

/* The source of a row: by slug, headline or address; or added. A row
 * without one is sourced to the file itself. */
static gboolean
source_of (Reader      *reader,
           Row         *row,
           gint64      *id,
           GError     **error)
{
  const char *title = *row->source ? row->source : reader->file_name;
  g_autofree char *key = NULL;
  g_autoptr(DossierStmt) stmt = NULL;

  /* Rows in a run mostly share their source. */
  if (reader->last_source_id != 0 && g_str_equal (title, reader->last_title) && g_str_equal (row->url, reader->last_url))
    {
      *id = reader->last_source_id;
      return TRUE;
    }
  reader->last_source_id = 0;
  g_free (reader->last_title);
  g_free (reader->last_url);
  reader->last_title = g_strdup (title);
  reader->last_url = g_strdup (row->url);

  key = g_strconcat (title, "\n", row->url, NULL);
  if ((*id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (reader->sources, key))) != 0)
    {
      reader->last_source_id = *id;
      return TRUE;
    }

  stmt = dossier_db_prepare (reader->db,
                             "SELECT n.id FROM node n JOIN source s ON s.node_id = n.id "
                             "WHERE n.slug = ?1 OR n.name = ?1 COLLATE NOCASE OR (?2 <> '' AND s.url = ?2) "
                             "ORDER BY n.slug = ?1 DESC, n.name = ?1 COLLATE NOCASE DESC, n.id LIMIT 1",
                             error);
  if (stmt == NULL || !dossier_db_bind (reader->db, stmt, error, "tt", title, row->url) ||
      !dossier_db_query_int (reader->db, stmt, id, error))
    return FALSE;

  if (*id == 0 &&
      (!add_node (reader, "source", title, id, error) ||
       !dossier_db_run (reader->db, "INSERT INTO source (node_id, publisher, url) VALUES (?1, ?2, NULLIF (?3, ''))",
                        error, "itt", *id, title, row->url)))
    return FALSE;

  /* A file names a few sources; one that names a source a row is refused
   * before it would take much memory (the reader's cap on mistakes does
   * not hold here): the cache stops growing. */
  if (g_hash_table_size (reader->sources) < 10000)
    g_hash_table_insert (reader->sources, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize) *id));
  reader->last_source_id = *id;
  return TRUE;
}

static void
problem (Reader     *reader,
         guint       line,
         char       *message)
{
  DossierProblem *p;

  if (reader->problems->len > MAX_PROBLEMS)
    {
      g_free (message);
      return;
    }
  p = g_new0 (DossierProblem, 1);

  p->line = line;
  p->message = message;
  g_ptr_array_add (reader->problems, p);
}

/* A figure already there: the series' own (the same is skipped, another
 * is a contradiction), or one the file named before. */
static gboolean
already_there (Reader  *reader,
               Row     *row,
               GError **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean has_row = FALSE;
  double kept = 0;

  if (reader->before_table)
    {
      stmt = dossier_db_prepare (reader->db,
                                 "SELECT percent, named FROM temp.import_before WHERE series_id = ?1 AND period = ?2 "
                                 "AND organization_id = ?3",
                                 error);
      if (stmt == NULL ||
          !dossier_db_bind (reader->db, stmt, error, "iti", row->series->id, row->period, row->organization_id) ||
          !dossier_db_step_row (reader->db, stmt, &has_row, error))
        return FALSE;
      /* Named before by the file: a figure named twice. */
      if (has_row && sqlite3_column_int (stmt, 1) != 0)
        has_row = FALSE;
      if (has_row)
        kept = sqlite3_column_double (stmt, 0);
      g_clear_pointer (&stmt, dossier_db_release);
      if (has_row &&
          !dossier_db_run (reader->db,
                           "UPDATE temp.import_before SET named = 1 WHERE series_id = ?1 AND period = ?2 "
                           "AND organization_id = ?3",
                           error, "iti", row->series->id, row->period, row->organization_id))
        return FALSE;
    }

  if (!has_row)
    {
      Duplicate duplicate = { row->series, row->period, row->organization_id, row->line, row->provider };

      g_array_append_val (reader->duplicates, duplicate);
    }
  else if (kept != row->share)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (text, sizeof text, "%.6g", kept);
      problem (reader, row->line,
               g_strdup_printf (_("the series has %s for %s in %s already; change it in Dossier, not here"),
                                text, row->provider, row->period));
    }
  return TRUE;
}

/* A row's note: the note of a break in the series at this figure. */
static gboolean
write_note (Reader      *reader,
            Row         *row,
            gint64       source_id,
            GError     **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gint64 same = 0;

  if (*row->note == '\0')
    return TRUE;

  stmt = dossier_db_prepare (reader->db,
                             "SELECT count(*) FROM market_break b JOIN market_break_text t ON t.break_id = b.id "
                             "WHERE b.series_id = ?1 AND b.period = ?2 AND b.organization_id = ?3 AND t.note = ?4",
                             error);
  if (stmt == NULL ||
      !dossier_db_bind (reader->db, stmt, error, "itit", row->series->id, row->period, row->organization_id,
                        row->note) ||
      !dossier_db_query_int (reader->db, stmt, &same, error))
    return FALSE;
  if (same > 0)
    return TRUE;

  return dossier_db_run (reader->db,
                         "INSERT INTO market_break (series_id, period, organization_id, source_id) "
                         "VALUES (?1, ?2, ?3, ?4)",
                         error, "itii", row->series->id, row->period, row->organization_id, source_id) &&
         dossier_db_run (reader->db, "INSERT INTO market_break_text (break_id, lang, note) VALUES (?1, ?2, ?3)",
                         error, "itt", dossier_db_last_insert_id (reader->db), reader->language, row->note);
}

/* A row alone right, written. */
gboolean
_dossier_shares_write_row (Reader  *reader,
                           Row     *row,
                           GError **error)
{
  gint64 source_id = 0;

  if (!organization_of (reader, row, error) || !series_of (reader, row, error) ||
      !source_of (reader, row, &source_id, error))
    return FALSE;
  /* Held for the whole file: the statement of every row. */
  if (reader->insert == NULL &&
      (reader->insert = dossier_db_prepare (reader->db,
                                            "INSERT INTO market_share (series_id, period, organization_id, percent, "
                                            "source_id) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                                            error)) == NULL)
    return FALSE;
  if (!dossier_db_bind (reader->db, reader->insert, error, "itidi", row->series->id, row->period,
                        row->organization_id, row->share, source_id) ||
      !dossier_db_step_done (reader->db, reader->insert, error))
    return FALSE;

  if (sqlite3_changes (dossier_db_get_handle (reader->db)) == 0)
    {
      if (!already_there (reader, row, error))
        return FALSE;
    }
  else
    {
      reader->n_added++;
      if (!row->series->changed)
        {
          row->series->changed = TRUE;
          dossier_db_note_change (reader->db, DOSSIER_OBJECT_MARKET_SERIES, DOSSIER_CHANGE_CHANGED,
                                  row->series->id, 0);
        }
    }

  return write_note (reader, row, source_id, error);
}

/* The periods whose shares add up to over 100, in the series the file
 * wrote to. */
gboolean
_dossier_shares_over_100 (Reader  *reader,
                          GArray  *groups,
                          GError **error)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, reader->series);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Series *series = value;
      g_autoptr(DossierStmt) stmt = NULL;
      gboolean has_row;

      if (!series->touched)
        continue;
      stmt = dossier_db_prepare (reader->db,
                                 "SELECT period FROM market_share WHERE series_id = ?1 "
                                 "GROUP BY period HAVING sum (percent) > 100 + 1e-9",
                                 error);
      if (stmt == NULL || !dossier_db_bind (reader->db, stmt, error, "i", series->id))
        return FALSE;
      while (dossier_db_step_row (reader->db, stmt, &has_row, error) && has_row)
        {
          Group group = { series, g_string_chunk_insert_const (reader->strings, dossier_db_column_text (stmt, 0)),
                          0, NULL };

          g_array_append_val (groups, group);
        }
      if (error != NULL && *error != NULL)
        return FALSE;
    }
  return TRUE;
}

/* What a period of a series had for the providers the file does not
 * name: the sum the file's shares add to. */
static gboolean
shares_base (Reader      *reader,
             Series      *series,
             const char  *period,
             double      *sum,
             GError     **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean has_row;

  *sum = 0;
  if (!series->existed || !reader->before_table)
    return TRUE;
  stmt = dossier_db_prepare (reader->db,
                             "SELECT total (percent) FROM temp.import_before "
                             "WHERE series_id = ?1 AND period = ?2 AND named = 0",
                             error);
  if (stmt == NULL || !dossier_db_bind (reader->db, stmt, error, "it", series->id, period) ||
      !dossier_db_step_row (reader->db, stmt, &has_row, error))
    return FALSE;
  *sum = has_row ? sqlite3_column_double (stmt, 0) : 0;
  return TRUE;
}

/* The copy of the series' figures goes with the reading. */
gboolean
_dossier_shares_finish (Reader  *reader,
                        GError **error)
{
  if (!reader->before_table)
    return TRUE;
  reader->before_table = FALSE;
  return dossier_db_run (reader->db, "DROP TABLE temp.import_before", error, "");
}

/* A figure (series, period and provider), as a key. */
static guint
figure_hash (gconstpointer key)
{
  const Duplicate *figure = key;
  guint64 h = (guintptr) figure->series;

  h = h * 1000003u ^ (guintptr) figure->period;
  h = h * 1000003u ^ (guint64) figure->organization_id;
  return (guint) (h ^ (h >> 29));
}

static gboolean
figure_equal (gconstpointer a,
              gconstpointer b)
{
  const Duplicate *x = a, *y = b;

  return x->series == y->series && x->period == y->period && x->organization_id == y->organization_id;
}

/* A period of a series, as a key. */
static guint
period_hash (gconstpointer key)
{
  const Group *group = key;
  guint64 h = (guintptr) group->series * 1000003u ^ (guintptr) group->period;

  return (guint) (h ^ (h >> 29));
}

static gboolean
period_equal (gconstpointer a,
              gconstpointer b)
{
  const Group *x = a, *y = b;

  return x->series == y->series && x->period == y->period;
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_hash_table_unref (group->seen);
  g_free (group);
}

/* Before the second reading: the figures named twice, and the periods
 * over 100 with what the series had for the providers the file does not
 * name. */
gboolean
_dossier_shares_again_begin (Reader  *reader,
                             GArray  *groups,
                             Again   *again,
                             GError **error)
{
  again->firsts = g_hash_table_new_full (figure_hash, figure_equal, g_free, NULL);
  again->groups = g_hash_table_new_full (period_hash, period_equal, group_free, NULL);

  for (guint i = 0; i < reader->duplicates->len; i++)
    g_hash_table_insert (again->firsts,
                         g_memdup2 (&g_array_index (reader->duplicates, Duplicate, i), sizeof (Duplicate)), NULL);
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_memdup2 (&g_array_index (groups, Group, i), sizeof (Group));

      group->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_add (again->groups, group);
      if (!shares_base (reader, group->series, group->period, &group->sum, error))
        {
          _dossier_shares_again_end (reader, again, FALSE);
          return FALSE;
        }
    }
  return TRUE;
}

/* A row alone right, read again: where a figure named twice was first,
 * and where a period's shares pass 100 (a figure named twice counted
 * once). */
void
_dossier_shares_again_row (Reader *reader,
                           Again  *again,
                           Row    *row)
{
  Duplicate key = { row->series, row->period, row->organization_id };
  Group group_key = { row->series, row->period };
  gpointer first;
  Group *group;

  if (g_hash_table_lookup_extended (again->firsts, &key, NULL, &first) && first == NULL)
    g_hash_table_insert (again->firsts, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (row->line));

  group = g_hash_table_lookup (again->groups, &group_key);
  if (group == NULL || g_hash_table_contains (group->seen, &row->organization_id))
    return;
  g_hash_table_add (group->seen, g_memdup2 (&row->organization_id, sizeof row->organization_id));

  group->sum += row->share;
  if (group->sum > 100. + 1e-9 && group->sum - row->share <= 100. + 1e-9)
    {
      char total[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (total, sizeof total, "%.4g", group->sum);
      problem (reader, row->line,
               g_strdup_printf (_("the shares of %s in this series add up to %s, over 100"), row->period, total));
    }
}

/* After the second reading (@read: to its end): the figures named twice,
 * each with the line it was first named on. */
void
_dossier_shares_again_end (Reader   *reader,
                           Again    *again,
                           gboolean  read)
{
  for (guint i = 0; read && i < reader->duplicates->len; i++)
    {
      Duplicate *duplicate = &g_array_index (reader->duplicates, Duplicate, i);

      problem (reader, duplicate->line,
               g_strdup_printf (_("%s has a share for %s in this series on line %u already"),
                                duplicate->provider, duplicate->period,
                                GPOINTER_TO_UINT (g_hash_table_lookup (again->firsts, duplicate))));
    }
  g_clear_pointer (&again->firsts, g_hash_table_unref);
  g_clear_pointer (&again->groups, g_hash_table_unref);
}
