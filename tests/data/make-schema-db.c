/* make-schema-db.c: how tests/data/dossier-schema-N.db were made
 *
 * Each file is a database written by the Dossier of the last commit whose
 * schema was version N, through that version's own store, with the user's
 * work its API allowed then: an edit (version 2), a case file of the
 * user's with two summary edits in the undo history (3), and a note on it
 * (4, 5). test-migrations.c opens each with this version and checks that the
 * user's work is all there and still undoes.
 *
 *   git worktree add /tmp/old4 dc95773      # version 5: 25fce51, 4: dc95773, 3: d802d14, 2: afbe15a
 *   cd /tmp/old4 && meson setup build && ninja -C build src/dossier
 *   cc -DSCHEMA=4 -o make tests/data/make-schema-db.c -I/tmp/old4/src/core -I/tmp/old4/build \
 *      -I/tmp/old4/build/src/core /tmp/old4/build/src/core/libdossier-core.a \
 *      $(pkg-config --cflags --libs gio-2.0 sqlite3 json-glib-1.0) -lm
 *   ./make tests/data/dossier-schema-4.db
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "dossier-store.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  gint64 id = 0;

  if (argc != 2 || !(store = dossier_store_open (argv[1], &error)))
    g_error ("usage: make-schema-db NEW.db (%s)", error ? error->message : "");

#if SCHEMA >= 3
  if (!dossier_store_create_case (store, "My own case", "en", &id, &error) ||
      !dossier_store_set_summary (store, id, "en", "First summary.", &error) ||
      !dossier_store_set_summary (store, id, "en", "Second summary, the last edit.", &error))
    g_error ("%s", error->message);
#else
  /* Version 2 could only edit the bundled case file. */
  id = 1;
  while (!dossier_store_set_summary (store, id, "en", "Edited with schema 2.", NULL) && id < 1000)
    id++;
#endif
#if SCHEMA >= 4
  if (!dossier_store_add_note (store, id, "My note, written with schema 4.", NULL, &error))
    g_error ("%s", error->message);
#endif

  return 0;
}
