/* dossier-types.h: forward declarations and enums shared by the model and the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DossierDb        DossierDb;
typedef struct _DossierNode      DossierNode;
typedef struct _DossierNodeList  DossierNodeList;
typedef struct _DossierSection   DossierSection;
typedef struct _DossierSelection DossierSelection;
typedef struct _DossierSeries    DossierSeries;
typedef struct _DossierShare     DossierShare;
typedef struct _DossierStore     DossierStore;

/**
 * DossierNodeKind:
 *
 * What a row of the `node` table stands for. The values are stored in the
 * database as text (see dossier_node_kind_to_string()), never as numbers.
 */
typedef enum
{
  DOSSIER_NODE_CASE,
  DOSSIER_NODE_ORGANIZATION,
  DOSSIER_NODE_PERSON,
  DOSSIER_NODE_EVENT,
  DOSSIER_NODE_SOURCE,
  DOSSIER_NODE_ROLE,
  DOSSIER_NODE_CLAIM,
} DossierNodeKind;

/**
 * DossierDatePrecision:
 *
 * How much of a date is known: "2019", "2019-10" or "2019-10-25".
 */
typedef enum
{
  DOSSIER_DATE_UNKNOWN,
  DOSSIER_DATE_YEAR,
  DOSSIER_DATE_MONTH,
  DOSSIER_DATE_DAY,
} DossierDatePrecision;

/**
 * DossierSectionKind:
 *
 * The sections a case file is shown in, in the order of the sidebar.
 */
typedef enum
{
  DOSSIER_SECTION_NONE,
  DOSSIER_SECTION_OVERVIEW,
  DOSSIER_SECTION_ORGANIZATIONS,
  DOSSIER_SECTION_PEOPLE,
  DOSSIER_SECTION_TIMELINE,
  DOSSIER_SECTION_CLAIMS,
  DOSSIER_SECTION_SOURCES,
} DossierSectionKind;

/**
 * DossierStance:
 *
 * How a source bears on a fact.
 */
typedef enum
{
  DOSSIER_STANCE_SUPPORTS,
  DOSSIER_STANCE_CONTRADICTS,
} DossierStance;

/**
 * DossierObjectKind:
 *
 * What a change of the store is about: a node of one of the
 * #DossierNodeKind (same values), a market series with its figures and
 * breaks, or a note of the user's.
 */
typedef enum
{
  DOSSIER_OBJECT_CASE = DOSSIER_NODE_CASE,
  DOSSIER_OBJECT_ORGANIZATION = DOSSIER_NODE_ORGANIZATION,
  DOSSIER_OBJECT_PERSON = DOSSIER_NODE_PERSON,
  DOSSIER_OBJECT_EVENT = DOSSIER_NODE_EVENT,
  DOSSIER_OBJECT_SOURCE = DOSSIER_NODE_SOURCE,
  DOSSIER_OBJECT_ROLE = DOSSIER_NODE_ROLE,
  DOSSIER_OBJECT_CLAIM = DOSSIER_NODE_CLAIM,
  DOSSIER_OBJECT_MARKET_SERIES,
  DOSSIER_OBJECT_NOTE,
} DossierObjectKind;

/**
 * DossierChangeType:
 * @DOSSIER_CHANGE_ADDED: the object is new
 * @DOSSIER_CHANGE_CHANGED: some of its fields changed, none that orders it
 *   in a list (its texts, its sources)
 * @DOSSIER_CHANGE_MOVED: a field that orders it changed (a date): it may
 *   stand elsewhere in the lists that show it
 * @DOSSIER_CHANGE_REMOVED: the object is gone
 *
 * What a committed change did to an object (see #DossierStore::changed).
 */
typedef enum
{
  DOSSIER_CHANGE_ADDED,
  DOSSIER_CHANGE_CHANGED,
  DOSSIER_CHANGE_MOVED,
  DOSSIER_CHANGE_REMOVED,
} DossierChangeType;

/**
 * DossierImportFlags:
 * @DOSSIER_IMPORT_DEFAULT: a case file the database has already is refused
 * @DOSSIER_IMPORT_AS_COPY: it is added again, as a copy
 */
typedef enum
{
  DOSSIER_IMPORT_DEFAULT = 0,
  DOSSIER_IMPORT_AS_COPY = 1 << 0,
} DossierImportFlags;

/**
 * DossierProblem:
 * @line: the line of the file it is on, from 1
 * @message: what is wrong, translated
 *
 * One mistake in a file to import, as a window lists them.
 */
typedef struct
{
  guint  line;
  char  *message;
} DossierProblem;

void dossier_problem_free (DossierProblem *problem);

/**
 * DossierMarketBreak:
 * @period: where the series' method changed ("2024-Q2")
 * @organization_id: the organization whose figure it concerns, or 0 for
 *   the whole series
 * @note: what changed, in the store's language
 *
 * A break in a market series' method, as charts mark it.
 */
typedef struct
{
  char   *period;
  gint64  organization_id;
  char   *note;
} DossierMarketBreak;

void dossier_market_break_free (DossierMarketBreak *market_break);

#define DOSSIER_STORE_ERROR (dossier_store_error_quark ())

/**
 * DossierStoreError:
 * @DOSSIER_STORE_ERROR_SQLITE: SQLite reported an error
 * @DOSSIER_STORE_ERROR_NEWER_SCHEMA: the file was written by a newer Dossier
 * @DOSSIER_STORE_ERROR_NOT_A_DOSSIER: the file is not a Dossier database
 * @DOSSIER_STORE_ERROR_BAD_CASE_FILE: a case file to import is malformed
 * @DOSSIER_STORE_ERROR_NOT_FOUND: no such row
 * @DOSSIER_STORE_ERROR_INVALID: a value the user gave cannot be written
 *   (the message names the field)
 * @DOSSIER_STORE_ERROR_CASE_EXISTS: a case file to import is in the database
 *   already (it can be imported as a copy)
 * @DOSSIER_STORE_ERROR_BAD_SHARES: a file of market shares to import is
 *   wrong (the message names its first mistake, "FILE:LINE: reason")
 * @DOSSIER_STORE_ERROR_DAMAGED: the database file is damaged (SQLite's
 *   checks fail); it was not changed
 * @DOSSIER_STORE_ERROR_READ_ONLY: the database was opened read-only (its
 *   file or folder cannot be written): nothing can be changed in it
 * @DOSSIER_STORE_ERROR_DISK: the disk failed a write (full, or an I/O
 *   error); the change was rolled back, and can be tried again
 * @DOSSIER_STORE_ERROR_BUSY: another connection (an import running) is
 *   writing: nothing was changed, and it can be tried again once it is done
 */
typedef enum
{
  DOSSIER_STORE_ERROR_SQLITE,
  DOSSIER_STORE_ERROR_NEWER_SCHEMA,
  DOSSIER_STORE_ERROR_NOT_A_DOSSIER,
  DOSSIER_STORE_ERROR_BAD_CASE_FILE,
  DOSSIER_STORE_ERROR_NOT_FOUND,
  DOSSIER_STORE_ERROR_INVALID,
  DOSSIER_STORE_ERROR_CASE_EXISTS,
  DOSSIER_STORE_ERROR_BAD_SHARES,
  DOSSIER_STORE_ERROR_DAMAGED,
  DOSSIER_STORE_ERROR_READ_ONLY,
  DOSSIER_STORE_ERROR_DISK,
  DOSSIER_STORE_ERROR_BUSY,
} DossierStoreError;

GQuark              dossier_store_error_quark       (void);
const char         *dossier_node_kind_to_string     (DossierNodeKind     kind);
gboolean            dossier_node_kind_from_string   (const char         *str,
                                                     DossierNodeKind    *kind);
DossierSectionKind  dossier_node_kind_get_section   (DossierNodeKind     kind);
const char         *dossier_stance_to_string        (DossierStance       stance);
gboolean            dossier_stance_from_string      (const char         *str,
                                                     DossierStance      *stance);

G_END_DECLS
