/* dossier-json-split.c
 *
 * A case file of a hundred thousand events is mostly its events: parsed
 * whole by json-glib, its tree takes ten times the file. This reads the
 * file a piece at a time and splits it in two: the skeleton, the whole
 * document but for the elements of each case file's "events" list ("case"
 * or "cases"[i], then "events"), small enough to parse whole; and the
 * place of each of those lists in the file, read again an element at a
 * time (dossier_json_split_each()), each element parsed alone.
 *
 * The scan (dossier-json-scan.c) follows strings and brackets, and finds
 * what only a whole list shows; json-glib finds the other mistakes, in the
 * skeleton or in an element, and dossier_json_split_place() turns a place
 * in the skeleton back into one in the file. The file is checked to be
 * UTF-8 as it is scanned, before anything is read into the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-json-split"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "dossier-file.h"
#include "dossier-json-split-private.h"


static void
close_fd (int fd)
{
  if (fd >= 0)
    close (fd);
}

/**
 * dossier_json_split_new:
 * @bytes: (nullable): the file's bytes, or %NULL to read @path
 * @path: (nullable): the file, opened to be read a piece at a time
 */
DossierJsonSplit *
dossier_json_split_new (GBytes      *bytes,
                        const char  *path,
                        GError     **error)
{
  DossierJsonSplit *self = g_new0 (DossierJsonSplit, 1);

  self->fd = -1;
  self->skeleton = g_string_new (NULL);
  self->lists = g_array_new (FALSE, FALSE, sizeof (DossierJsonList));
  self->regions = g_array_new (FALSE, FALSE, sizeof (Region));
  if (bytes != NULL)
    {
      self->bytes = g_bytes_ref (bytes);
      self->size = g_bytes_get_size (bytes);
      return self;
    }

  /* Read at any place (pread), never whole. */
  if ((self->fd = dossier_file_open_fd (path, &self->size, error)) < 0)
    {
      dossier_json_split_free (self);
      return NULL;
    }
  return self;
}

void
dossier_json_split_free (DossierJsonSplit *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->bytes, g_bytes_unref);
  close_fd (self->fd);
  g_string_free (self->skeleton, TRUE);
  g_array_unref (self->lists);
  g_array_unref (self->regions);
  g_free (self->mistake);
  g_free (self);
}

/* Up to @length bytes at @offset; fewer only at the end of the file. */
gboolean
_dossier_json_split_read_at (DossierJsonSplit  *self,
                             goffset            offset,
                             char              *buffer,
                             gsize              length,
                             gsize             *n_read,
                             GError           **error)
{
  *n_read = 0;
  if (self->bytes != NULL)
    {
      if (offset < self->size)
        {
          *n_read = MIN (length, (gsize) (self->size - offset));
          memcpy (buffer, (const char *) g_bytes_get_data (self->bytes, NULL) + offset, *n_read);
        }
      return TRUE;
    }

  while (*n_read < length)
    {
      gssize got = pread (self->fd, buffer + *n_read, length - *n_read, offset + *n_read);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int errsv = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv), g_strerror (errsv));
          return FALSE;
        }
      if (got == 0)
        break;
      *n_read += got;
    }
  return TRUE;
}

/**
 * dossier_json_split_get_mistake:
 * @line: (out): where it is, from 1
 * @column: (out): in bytes from 0
 *
 * Returns: (nullable): what is wrong in a list of events, translated, or
 *   %NULL
 */
const char *
dossier_json_split_get_mistake (DossierJsonSplit *self,
                                guint            *line,
                                guint            *column)
{
  *line = self->mistake_line;
  *column = self->mistake_column;
  return self->mistake;
}

const char *
dossier_json_split_get_skeleton (DossierJsonSplit *self,
                                 gsize            *length)
{
  *length = self->skeleton->len;
  return self->skeleton->str;
}

/* The events list of case file @case_index (-1: "case"), or %NULL. The
 * last one when a case file names "events" twice, as json-glib keeps. */
const DossierJsonList *
dossier_json_split_get_list (DossierJsonSplit *self,
                             int               case_index)
{
  for (guint i = self->lists->len; i > 0; i--)
    {
      const DossierJsonList *list = &g_array_index (self->lists, DossierJsonList, i - 1);

      if (list->case_index == case_index)
        return list;
    }
  return NULL;
}

/* Every element of every list left out. */
guint
dossier_json_split_count (DossierJsonSplit *self)
{
  guint n = 0;

  for (guint i = 0; i < self->lists->len; i++)
    n += g_array_index (self->lists, DossierJsonList, i).n_elements;
  return n;
}

/**
 * dossier_json_split_place:
 * @line: (inout): a line of the skeleton, from 1, made the file's
 * @column: (inout): a column of it, made the file's
 */
void
dossier_json_split_place (DossierJsonSplit *self,
                          guint            *line,
                          guint            *column)
{
  const Region *found = NULL;

  for (guint i = 0; i < self->regions->len; i++)
    {
      const Region *region = &g_array_index (self->regions, Region, i);

      if (region->line < *line || (region->line == *line && region->column <= *column))
        found = region;
    }
  if (found == NULL)
    return;
  if (found->line == *line)
    *column = *column - found->column + found->file_column;
  *line += found->lines;
}

/* Between two elements of a list read again. */
typedef struct
{
  GString  *element;
  guint     index;
  guint     line;          /* where the reading is */
  guint     column;
  guint     element_line;  /* where the element begins */
  guint     element_column;
  guint     depth;
  gboolean  in_string;
  gboolean  escaped;
} Each;

/**
 * dossier_json_split_each:
 *
 * Reads @list again from the file, a piece at a time, and gives @func each
 * of its elements, with the place it starts at; stops at @func's error.
 */
gboolean
dossier_json_split_each (DossierJsonSplit       *self,
                         const DossierJsonList  *list,
                         DossierJsonEach         func,
                         gpointer                user_data,
                         GError                **error)
{
  gsize piece_size = dossier_file_piece_size ();
  g_autofree char *buffer = g_malloc (piece_size);
  g_autoptr(GString) element = g_string_new (NULL);
  Each each = { element, 0, list->line, list->column };

  for (goffset offset = list->start; offset < list->end;)
    {
      gsize n_read;

      if (!_dossier_json_split_read_at (self, offset, buffer, MIN ((goffset) piece_size, list->end - offset), &n_read, error))
        return FALSE;
      if (n_read == 0)
        break;

      for (gsize i = 0; i < n_read; i++)
        {
          char c = buffer[i];
          gboolean ends = FALSE;

          if (each.in_string)
            {
              if (each.escaped)
                each.escaped = FALSE;
              else if (c == '\\')
                each.escaped = TRUE;
              else if (c == '"')
                each.in_string = FALSE;
            }
          else if (c == '"')
            each.in_string = TRUE;
          else if (c == '{' || c == '[')
            each.depth++;
          else if ((c == '}' || c == ']') && each.depth > 0)
            each.depth--;
          else if (c == ',' && each.depth == 0)
            ends = TRUE;

          if (ends)
            {
              if (!func (element->str, element->len, each.index++, each.element_line, each.element_column,
                         user_data, error))
                return FALSE;
              g_string_truncate (element, 0);
            }
          else if (element->len > 0 || !g_ascii_isspace (c))
            {
              if (element->len == 0)
                each.element_line = each.line, each.element_column = each.column;
              g_string_append_c (element, c);
            }

          if (c == '\n')
            each.line++, each.column = 0;
          else
            each.column++;
        }
      offset += n_read;
    }

  /* The last element; an empty list has none (a trailing comma leaves an
   * empty one, which json-glib says is wrong). */
  while (element->len > 0 && g_ascii_isspace (element->str[element->len - 1]))
    g_string_truncate (element, element->len - 1);
  if (element->len > 0 || each.index > 0)
    return func (element->str, element->len, each.index, each.element_line, each.element_column, user_data, error);
  return TRUE;
}
