/* dossier-store-names.c
 *
 * The names by which a case file's organizations and people appear in its
 * texts (its name, its short name such as "AWS", and its title in the
 * user's language), longest first: what the pages turn into links inside
 * a summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include "dossier-db.h"
#include "dossier-store.h"
#include "dossier-store-private.h"

static void
clear_name (gpointer data)
{
  g_free (((DossierName *) data)->text);
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  const DossierName *x = a, *y = b;
  glong lx = g_utf8_strlen (x->text, -1), ly = g_utf8_strlen (y->text, -1);

  if (lx != ly)
    return lx > ly ? -1 : 1;
  return g_strcmp0 (x->text, y->text);
}

/**
 * dossier_store_list_names:
 * @case_id: the case file whose organizations and people to name
 *
 * Returns: (transfer full): a #DossierName for each way each organization
 *   or person of the case file is named, longest first, or %NULL with
 *   @error set
 */
GArray *
dossier_store_list_names (DossierStore  *self,
                          gint64         case_id,
                          GError       **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  g_autoptr(GArray) names = g_array_new (FALSE, TRUE, sizeof (DossierName));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  g_array_set_clear_func (names, clear_name);
  stmt = dossier_db_prepare (self->db,
                             "SELECT n.id, n.kind = 'person', n.name, n.short_name, COALESCE (t.title, '') "
                             "FROM participant p JOIN node n ON n.id = p.node_id "
                             "LEFT JOIN node_text t ON t.node_id = n.id AND t.lang = ?2 "
                             "WHERE p.case_id = ?1 AND n.kind IN ('organization', 'person')",
                             error);
  if (stmt == NULL || !dossier_db_bind (self->db, stmt, error, "it", case_id, self->language))
    return NULL;

  for (;;)
    {
      gboolean has_row;

      if (!dossier_db_step_row (self->db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      for (int column = 2; column <= 4; column++)
        {
          const char *text = dossier_db_column_text (stmt, column);
          DossierName name = { 0 };

          /* Two letters are too few to be sure it is the name ("US"). */
          if (g_utf8_strlen (text, -1) < 3 || g_hash_table_contains (seen, text))
            continue;
          name.text = g_strdup (text);
          name.id = sqlite3_column_int64 (stmt, 0);
          name.section = sqlite3_column_int (stmt, 1) ? DOSSIER_SECTION_PEOPLE : DOSSIER_SECTION_ORGANIZATIONS;
          g_array_append_val (names, name);
          g_hash_table_add (seen, g_array_index (names, DossierName, names->len - 1).text);
        }
    }

  g_array_sort (names, longest_first);
  return g_steal_pointer (&names);
}
