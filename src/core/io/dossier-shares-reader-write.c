/* dossier-shares-reader-write.c
 *
 * The second half of reading market shares (dossier-shares-reader.c checks
 * the rows first): writing them, in the caller's transaction. A provider
 * nobody has becomes an organization, a series nobody has is added under
 * its name, a source is found by its slug, headline or address or added
 * (the file itself for rows without one), and a row's note becomes the
 * note of a break in the series at that figure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-shares"

#include "config.h"

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

/* The source of a row: by slug, headline or address; or added. A row
 * without one is sourced to the file itself. */
static gboolean
source_of (Reader      *reader,
           Row         *row,
           GHashTable  *sources,
           gint64      *id,
           GError     **error)
{
  const char *title = *row->source ? row->source : reader->file_name;
  g_autofree char *key = g_strconcat (title, "\n", row->url, NULL);
  g_autoptr(DossierStmt) stmt = NULL;

  if ((*id = GPOINTER_TO_SIZE (g_hash_table_lookup (sources, key))) != 0)
    return TRUE;

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

  g_hash_table_insert (sources, g_steal_pointer (&key), GSIZE_TO_POINTER (*id));
  return TRUE;
}

static gboolean
series_of (Reader      *reader,
           Row         *row,
           gint64      *id,
           GError     **error)
{
  Series *series = row->series_ref;

  if (series->id == 0)
    {
      if (!dossier_db_run (reader->db,
                           "INSERT INTO market_series (slug, firm, yearly, complete) VALUES (?1, ?1, ?2, 0)",
                           error, "ti", row->series, (gint64) series->yearly))
        return FALSE;
      series->id = dossier_db_last_insert_id (reader->db);
      if (!dossier_db_run (reader->db,
                           "INSERT INTO market_series_text (series_id, lang, market) VALUES (?1, ?2, ?3)",
                           error, "itt", series->id, reader->language, row->series))
        return FALSE;
      dossier_db_note_change (reader->db, DOSSIER_OBJECT_MARKET_SERIES, DOSSIER_CHANGE_ADDED, series->id, 0);
    }
  else if (row->series_id != 0 && !row->same)
    dossier_db_note_change (reader->db, DOSSIER_OBJECT_MARKET_SERIES, DOSSIER_CHANGE_CHANGED, series->id, 0);

  *id = series->id;
  return TRUE;
}

/* A row's note: the note of a break in the series at this figure. */
static gboolean
write_note (Reader      *reader,
            Row         *row,
            gint64       series_id,
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
      !dossier_db_bind (reader->db, stmt, error, "itit", series_id, row->period, row->organization_id, row->note) ||
      !dossier_db_query_int (reader->db, stmt, &same, error))
    return FALSE;
  if (same > 0)
    return TRUE;

  return dossier_db_run (reader->db,
                         "INSERT INTO market_break (series_id, period, organization_id, source_id) "
                         "VALUES (?1, ?2, ?3, ?4)",
                         error, "itii", series_id, row->period, row->organization_id, source_id) &&
         dossier_db_run (reader->db, "INSERT INTO market_break_text (break_id, lang, note) VALUES (?1, ?2, ?3)",
                         error, "itt", dossier_db_last_insert_id (reader->db), reader->language, row->note);
}

gboolean
_dossier_shares_write_rows (Reader  *reader,
            GError **error)
{
  /* Keyed by the casefolded provider, interned: one text, one pointer. */
  g_autoptr(GHashTable) organizations = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *last_source = NULL, *last_url = NULL;
  gint64 last_source_id = 0;

  for (guint i = 0; i < reader->rows->len; i++)
    {
      Row *row = &g_array_index (reader->rows, Row, i);
      gint64 series_id = 0, source_id = 0;

      dossier_db_report_progress (reader->db, reader->rows->len + i, 2 * (guint64) reader->rows->len);
      if (row->organization_id == 0 &&
          (row->organization_id = GPOINTER_TO_SIZE (g_hash_table_lookup (organizations, row->provider_fold))) == 0)
        {
          if (!add_node (reader, "organization", row->provider, &row->organization_id, error))
            return FALSE;
          g_hash_table_insert (organizations, (gpointer) row->provider_fold, GSIZE_TO_POINTER (row->organization_id));
        }

      if (!series_of (reader, row, &series_id, error))
        return FALSE;
      /* Rows in a run mostly share their source (texts interned). */
      if (row->source == last_source && row->url == last_url && last_source_id != 0)
        source_id = last_source_id;
      else if (!source_of (reader, row, sources, &source_id, error))
        return FALSE;
      last_source = row->source, last_url = row->url, last_source_id = source_id;

      if (!row->same)
        {
          if (!dossier_db_run (reader->db,
                               "INSERT INTO market_share (series_id, period, organization_id, percent, source_id) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)",
                               error, "itidi", series_id, row->period, row->organization_id, row->share, source_id))
            return FALSE;
          reader->n_added++;
        }

      if (!write_note (reader, row, series_id, source_id, error))
        return FALSE;
    }

  return TRUE;
}

