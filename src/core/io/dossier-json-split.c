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
 * The scan only follows strings and brackets; json-glib finds the mistakes,
 * in the skeleton or in an element, and dossier_json_split_place() turns a
 * place in the skeleton back into one in the file. The file is checked to
 * be UTF-8 as it is scanned, before anything is read into the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-json-split"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "dossier-file.h"
#include "dossier-json-split.h"

/* Frames deeper than this are counted, not kept: the lists looked for are
 * at depth 3 or 4. */
#define KEPT_DEPTH 8
#define KEY_SIZE 16

typedef struct
{
  gboolean object;
  gboolean expect_key;     /* an object between '{' or ',' and ':' */
  gboolean pending;        /* an array between '[' or ',' and a value */
  guint    count;          /* an array's values begun */
  char     key[KEY_SIZE];  /* an object's latest key, if short and plain */
} Frame;

/* Where the skeleton lost lines: its ']' at (line, column) is the file's
 * at (line + lines, file_column). */
typedef struct
{
  guint line;
  guint column;
  guint lines;
  guint file_column;
} Region;

struct _DossierJsonSplit
{
  GBytes  *bytes;
  int      fd;
  goffset  size;
  GString *skeleton;
  GArray  *lists;     /* DossierJsonList */
  GArray  *regions;   /* Region */
};

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
  g_free (self);
}

/* Up to @length bytes at @offset; fewer only at the end of the file. */
static gboolean
read_at (DossierJsonSplit  *self,
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

typedef struct
{
  DossierJsonSplit *self;
  Frame             frames[KEPT_DEPTH];
  guint             depth;
  gboolean          in_string;
  gboolean          escaped;
  gboolean          in_key;
  guint             key_length;
  guint             line;         /* of the file, from 1 */
  guint             column;
  guint             skeleton_line;
  guint             skeleton_column;
  /* In a list left out */
  gboolean          extracting;
  guint             list_depth;
  gboolean          want_element;
  DossierJsonList   list;
} Scan;

static Frame *
top (Scan *scan)
{
  return scan->depth > 0 && scan->depth <= KEPT_DEPTH ? &scan->frames[scan->depth - 1] : NULL;
}

/* A value begins where the innermost frame expects one. */
static void
begin_value (Scan *scan)
{
  Frame *frame = top (scan);

  if (frame != NULL && !frame->object && frame->pending)
    {
      frame->pending = FALSE;
      frame->count++;
    }
}

static gboolean
key_is (const Frame *frame,
        const char  *key)
{
  return frame->object && g_str_equal (frame->key, key);
}

/* Whether a '[' here opens a case file's events: -2 if not, else which
 * case file. */
static int
events_list (Scan *scan)
{
  Frame *f = scan->frames;

  if (scan->depth == 2 && key_is (&f[0], "case") && key_is (&f[1], "events") && !f[1].expect_key)
    return -1;
  if (scan->depth == 3 && key_is (&f[0], "cases") && !f[1].object && key_is (&f[2], "events") &&
      !f[2].expect_key)
    return (int) f[1].count - 1;
  return -2;
}

static void
push (Scan     *scan,
      gboolean  object)
{
  if (scan->depth < KEPT_DEPTH)
    scan->frames[scan->depth] = (Frame) { object, object, !object, 0, "" };
  scan->depth++;
}

/* One byte of the skeleton's. */
static void
scan_byte (Scan *scan,
           char  c)
{
  Frame *frame = top (scan);

  if (scan->in_string)
    {
      if (scan->escaped)
        scan->escaped = FALSE;
      else if (c == '\\')
        {
          /* Not a plain key: none of those looked for. */
          scan->escaped = TRUE;
          if (scan->in_key)
            frame->key[0] = '\0', scan->key_length = KEY_SIZE;
        }
      else if (c == '"')
        scan->in_string = scan->in_key = FALSE;
      else if (scan->in_key && scan->key_length < KEY_SIZE - 1)
        {
          frame->key[scan->key_length++] = c;
          frame->key[scan->key_length] = '\0';
        }
      else if (scan->in_key)
        frame->key[0] = '\0', scan->key_length = KEY_SIZE;
      return;
    }

  switch (c)
    {
    case '"':
      scan->in_string = TRUE;
      if (frame != NULL && frame->object && frame->expect_key)
        {
          scan->in_key = TRUE;
          scan->key_length = 0;
          frame->key[0] = '\0';
        }
      else
        begin_value (scan);
      break;
    case '{':
    case '[':
      begin_value (scan);
      push (scan, c == '{');
      break;
    case '}':
    case ']':
      if (scan->depth > 0)
        scan->depth--;
      break;
    case ':':
      if (frame != NULL && frame->object)
        frame->expect_key = FALSE;
      break;
    case ',':
      if (frame != NULL && frame->object)
        frame->expect_key = TRUE;
      else if (frame != NULL)
        frame->pending = TRUE;
      break;
    case ' ': case '\t': case '\n': case '\r':
      break;
    default:
      begin_value (scan);
      break;
    }
}

/* One byte of a list left out; %TRUE at its closing ']'. */
static gboolean
scan_list_byte (Scan *scan,
                char  c)
{
  gboolean element = FALSE;

  if (scan->in_string)
    {
      if (scan->escaped)
        scan->escaped = FALSE;
      else if (c == '\\')
        scan->escaped = TRUE;
      else if (c == '"')
        scan->in_string = FALSE;
      return FALSE;
    }

  switch (c)
    {
    case '"':
      scan->in_string = element = TRUE;
      break;
    case '{':
    case '[':
      element = TRUE;
      scan->list_depth++;
      break;
    case '}':
    case ']':
      if (scan->list_depth == 0)
        return TRUE;
      scan->list_depth--;
      break;
    case ',':
      if (scan->list_depth == 0)
        scan->want_element = TRUE;
      break;
    case ' ': case '\t': case '\n': case '\r':
      break;
    default:
      element = TRUE;
      break;
    }

  if (element && scan->list_depth <= 1 && scan->want_element)
    {
      scan->want_element = FALSE;
      scan->list.n_elements++;
    }
  return FALSE;
}

static void
skeleton_append (Scan       *scan,
                 const char *text,
                 gsize       length)
{
  g_string_append_len (scan->self->skeleton, text, length);
  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n')
      scan->skeleton_line++, scan->skeleton_column = 0;
    else
      scan->skeleton_column++;
}

/* A list left out ends (at its ']', or at the end of a broken file): the
 * skeleton closes it, and remembers the lines it lost. */
static void
end_list (Scan     *scan,
          goffset   offset,
          gboolean  closed)
{
  Region region = { scan->skeleton_line, scan->skeleton_column, scan->line - scan->skeleton_line, scan->column };

  scan->list.end = offset;
  g_array_append_val (scan->self->lists, scan->list);
  g_array_append_val (scan->self->regions, region);
  scan->extracting = FALSE;
  if (closed)
    skeleton_append (scan, "]", 1);
}

static void
scan_piece (Scan       *scan,
            const char *data,
            gsize       length,
            goffset     offset)
{
  gsize kept_from = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (scan->extracting && scan_list_byte (scan, c))
        {
          kept_from = i + 1;
          end_list (scan, offset + i, TRUE);
        }
      else if (!scan->extracting)
        {
          int case_index = c == '[' && !scan->in_string ? events_list (scan) : -2;

          if (case_index == -2)
            scan_byte (scan, c);
          else
            {
              /* The skeleton keeps the '[' and ']' of the list, not what is
               * between. */
              skeleton_append (scan, data + kept_from, i + 1 - kept_from);
              begin_value (scan);
              scan->extracting = TRUE;
              scan->list_depth = 0;
              scan->want_element = TRUE;
              scan->list = (DossierJsonList) { case_index, offset + i + 1, 0, scan->line, scan->column + 1, 0 };
            }
        }

      if (c == '\n')
        scan->line++, scan->column = 0;
      else
        scan->column++;
      if (scan->extracting)
        kept_from = i + 1;
    }

  if (!scan->extracting)
    skeleton_append (scan, data + kept_from, length - kept_from);
}

/**
 * dossier_json_split_scan:
 * @utf8: (out): %FALSE when the file is not UTF-8 (a binary file), which
 *   is not an error of @error's
 *
 * Reads the file once, a piece at a time: the skeleton and the lists.
 */
gboolean
dossier_json_split_scan (DossierJsonSplit  *self,
                         gboolean          *utf8,
                         GError           **error)
{
  gsize piece_size = dossier_file_piece_size ();
  g_autofree char *buffer = g_malloc (piece_size);
  Scan scan = { self };
  goffset offset = 0;

  scan.line = scan.skeleton_line = 1;
  *utf8 = TRUE;
  for (;;)
    {
      const char *invalid = NULL;
      gsize n_read, length;

      if (!read_at (self, offset, buffer, piece_size, &n_read, error))
        return FALSE;
      length = n_read;
      /* A character cut by the end of the piece is read with the next. */
      if (!g_utf8_validate_len (buffer, n_read, &invalid))
        {
          length = invalid - buffer;
          if (n_read < piece_size || n_read - length >= 4)
            {
              *utf8 = FALSE;
              return TRUE;
            }
        }
      scan_piece (&scan, buffer, length, offset);
      offset += length;
      if (n_read < piece_size)
        break;
    }

  if (scan.extracting)
    end_list (&scan, offset, FALSE);
  return TRUE;
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

      if (!read_at (self, offset, buffer, MIN ((goffset) piece_size, list->end - offset), &n_read, error))
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
