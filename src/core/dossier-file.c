/* dossier-file.c
 *
 * Every file Dossier writes (charts, case files, market shares) goes
 * through dossier_file_replace(): the bytes, complete and checked, are
 * written to a temporary file beside the target, flushed, then renamed over
 * it, so that a failed write (no space, no permission) leaves the old file
 * as it was and no partial file. What cannot be replaced that way is
 * refused, in words: a folder, a device, a folder that does not exist.
 * A file imported is read as a stream (dossier_file_open_read()), never
 * whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-file"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "dossier-file.h"

/**
 * dossier_file_replace:
 * @path: where to write; a file there is replaced whole, or not at all
 *
 * Returns: whether @bytes are in @path
 */
gboolean
dossier_file_replace (const char  *path,
                      GBytes      *bytes,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: 1 a file, 2 its folder */
                   _("Cannot write %1$s: the folder %2$s does not exist"), path, dir);
      return FALSE;
    }

  if (g_stat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Cannot write %s: it is a folder"), path);
      return FALSE;
    }
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Cannot write %s: it is not a file (a device or a pipe)"), path);
      return FALSE;
    }

  if (!g_file_set_contents_full (path, data, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      /* GLib says "Failed to write file “x.JB3SZ2”: write() failed: No
       * space left on device": the reason, not the temporary file, is
       * what the user can act on. */
      const char *reason = g_strrstr (local_error->message, ": ");

      g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                   /* Translators: 1 a file, 2 why it cannot be written */
                   _("Cannot write %1$s: %2$s"), path, reason ? reason + 2 : local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * dossier_file_same:
 *
 * Returns: whether @a and @b name one file that exists (a link, another
 *   spelling of its path)
 */
gboolean
dossier_file_same (const char *a,
                   const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/**
 * dossier_file_open_fd:
 * @size: (out): the file's size in bytes
 *
 * Opens @path to be read; an error names the file ("Cannot read PATH:
 * reason"), a folder included.
 *
 * Returns: the descriptor, or -1 with @error set
 */
int
dossier_file_open_fd (const char  *path,
                      goffset     *size,
                      GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0), errsv = errno;
  GStatBuf st;

  if (fd >= 0 && fstat (fd, &st) != 0)
    errsv = errno;
  else if (fd >= 0 && S_ISDIR (st.st_mode))
    errsv = EISDIR;
  else if (fd >= 0)
    {
      *size = st.st_size;
      return fd;
    }

  if (fd >= 0)
    g_close (fd, NULL);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               /* Translators: 1 a file, 2 why it cannot be read */
               _("Cannot read %1$s: %2$s"), path, g_strerror (errsv));
  return -1;
}

/**
 * dossier_file_open_read:
 * @size: (out): the file's size in bytes, for progress
 *
 * dossier_file_open_fd() as a stream, to be read a piece at a time.
 *
 * Returns: (transfer full): the stream, or %NULL with @error set
 */
GInputStream *
dossier_file_open_read (const char  *path,
                        goffset     *size,
                        GError     **error)
{
  int fd = dossier_file_open_fd (path, size, error);

  return fd >= 0 ? g_unix_input_stream_new (fd, TRUE) : NULL;
}

/**
 * dossier_file_piece_size:
 *
 * How much of a file an import reads at a time: a megabyte. Tests set
 * DOSSIER_READ_PIECE_BYTES to read a small file in many pieces.
 */
gsize
dossier_file_piece_size (void)
{
  static gsize size;

  if (g_once_init_enter (&size))
    {
      const char *set = g_getenv ("DOSSIER_READ_PIECE_BYTES");
      gint64 parsed = set ? g_ascii_strtoll (set, NULL, 10) : 0;

      g_once_init_leave (&size, parsed >= 16 ? (gsize) parsed : 1024 * 1024);
    }
  return size;
}
