/* test-utils.h: what several tests share, compiled once into
 * libdossier-test (as GNOME Console's kgx-test-utils.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   test_remove_tree       (const char *dir);
char  *test_make_tmp_dir      (const char *template_);
char  *test_data_path         (const char *name);
GBytes *test_load_data        (const char *name);

G_END_DECLS
