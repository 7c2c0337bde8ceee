/* test-failing-vfs.h: a disk that fails on demand, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

void test_failing_vfs_install (void);
void test_failing_vfs_fail    (int rc);
guint test_failing_vfs_get_failures (void);
