/* dossier-search-rank.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

int dossier_search_rank_register (sqlite3 *handle);
