/* test-failing-vfs.c
 *
 * SQLite's own tests inject I/O errors with a VFS that fails on demand;
 * this is the same, for Dossier's tests: a VFS over the default one, made
 * the default itself, whose writes and syncs fail with the result code set
 * by test_failing_vfs_fail() (SQLITE_FULL for a full disk,
 * SQLITE_IOERR_WRITE for a failing one), until it is set back to
 * SQLITE_OK. Reads always work, as they do on a full disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "test-failing-vfs.h"

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;   /* allocated right after this struct */
} FailingFile;

static sqlite3_vfs failing_vfs;
static sqlite3_vfs *real_vfs;
static int fail_with = SQLITE_OK;
static guint failures;

#define REAL(file) (((FailingFile *) (file))->real)

static int
failing_close (sqlite3_file *file)
{
  int rc = REAL (file)->pMethods != NULL ? REAL (file)->pMethods->xClose (REAL (file)) : SQLITE_OK;

  file->pMethods = NULL;
  return rc;
}

static int
failing_read (sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
failing_write (sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
  if (fail_with != SQLITE_OK)
    {
      failures++;
      return fail_with;
    }
  return REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
failing_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  if (fail_with != SQLITE_OK)
    {
      failures++;
      return SQLITE_IOERR_TRUNCATE;
    }
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
failing_sync (sqlite3_file *file, int flags)
{
  if (fail_with != SQLITE_OK)
    {
      failures++;
      return SQLITE_IOERR_FSYNC;
    }
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
failing_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
failing_lock (sqlite3_file *file, int lock)
{
  return REAL (file)->pMethods->xLock (REAL (file), lock);
}

static int
failing_unlock (sqlite3_file *file, int lock)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), lock);
}

static int
failing_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
failing_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
failing_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
failing_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
failing_shm_map (sqlite3_file *file, int page, int size, int extend, void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, size, extend, out);
}

static int
failing_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
failing_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
failing_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
failing_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  /* No memory-mapped reads: every page goes through xRead. */
  *out = NULL;
  return SQLITE_OK;
}

static int
failing_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *page)
{
  return SQLITE_OK;
}

static const sqlite3_io_methods failing_io = {
  3,
  failing_close, failing_read, failing_write, failing_truncate, failing_sync, failing_file_size,
  failing_lock, failing_unlock, failing_check_reserved_lock, failing_file_control,
  failing_sector_size, failing_device_characteristics,
  failing_shm_map, failing_shm_lock, failing_shm_barrier, failing_shm_unmap,
  failing_fetch, failing_unfetch,
};

static int
failing_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FailingFile *self = (FailingFile *) file;
  int rc;

  self->real = (sqlite3_file *) (self + 1);
  memset (self->real, 0, real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);
  /* SQLite calls xClose even when xOpen fails, if pMethods is set. */
  file->pMethods = self->real->pMethods != NULL ? &failing_io : NULL;
  return rc;
}

static int
failing_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
failing_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
failing_full_pathname (sqlite3_vfs *vfs, const char *name, int size, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static int
failing_randomness (sqlite3_vfs *vfs, int size, char *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
failing_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
failing_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static int
failing_get_last_error (sqlite3_vfs *vfs, int size, char *out)
{
  return real_vfs->xGetLastError != NULL ? real_vfs->xGetLastError (real_vfs, size, out) : 0;
}

/**
 * test_failing_vfs_install:
 *
 * Makes the failing VFS SQLite's default, for every connection opened
 * from then on (call it before opening the store). It does not fail
 * until told to.
 */
void
test_failing_vfs_install (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  failing_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (FailingFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "dossier-test-failing",
    .xOpen = failing_open,
    .xDelete = failing_delete,
    .xAccess = failing_access,
    .xFullPathname = failing_full_pathname,
    .xDlOpen = NULL,
    .xRandomness = failing_randomness,
    .xSleep = failing_sleep,
    .xCurrentTime = NULL,
    .xGetLastError = failing_get_last_error,
    .xCurrentTimeInt64 = failing_current_time_int64,
  };
  g_assert_cmpint (sqlite3_vfs_register (&failing_vfs, 1), ==, SQLITE_OK);
}

/**
 * test_failing_vfs_fail:
 * @rc: what every write returns from now on (SQLITE_FULL,
 *   SQLITE_IOERR_WRITE…), or SQLITE_OK for a disk that works again
 */
void
test_failing_vfs_fail (int rc)
{
  g_assert_nonnull (real_vfs);
  fail_with = rc;
}

/**
 * test_failing_vfs_get_failures:
 *
 * Returns: how many writes failed so far: a test that expects a failure
 *   checks that the disk was written to at all
 */
guint
test_failing_vfs_get_failures (void)
{
  return failures;
}
