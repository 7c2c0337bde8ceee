/* test-utils.h: what several tests share, compiled once into
 * libdossier-test (as GNOME Console's kgx-test-utils.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-types.h"

G_BEGIN_DECLS

void   test_remove_tree       (const char *dir);
char  *test_make_tmp_dir      (const char *template_);
char  *test_data_path         (const char *name);
GBytes *test_load_data        (const char *name);

DossierStore *test_open_store      (const char         *path);
gint64        test_sql_int         (const char         *path,
                                    const char         *sql);
char         *test_sql_string      (const char         *path,
                                    const char         *sql);
void          test_sql_exec        (const char         *path,
                                    const char         *sql);
char         *test_count_rows      (DossierStore       *store);
DossierNode  *test_find_in_section (DossierStore       *store,
                                    gint64              case_id,
                                    DossierSectionKind  section,
                                    const char         *slug);
double        test_median          (double             *values,
                                    guint               n);
gint64        test_find_case       (DossierStore       *store,
                                    const char         *slug);
char         *test_dump_content    (const char         *path);
DossierStore *test_open_empty_store (const char        *path);
char         *test_file_state      (const char         *path);
gint64        test_import_events   (DossierStore       *store,
                                    const char         *slug,
                                    const char         *title,
                                    guint               n,
                                    guint               expected_every);
GHashTable   *test_fields          (const char         *first_key,
                                    ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
