/* dossier-json-scan.c
 *
 * The one reading of a case file (dossier-json-split.c) a piece at a
 * time: it follows strings, brackets and the keys of the first levels to
 * find each case file's "events" list, copies everything else to the
 * skeleton, and checks in a list left out what only the whole list shows
 * (a comma between two events, brackets closed in order). The file is
 * checked to be UTF-8 as it is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-json-split"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-file.h"
#include "dossier-json-split-private.h"

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
  gboolean          element_done;  /* a whole value at the list's level */
  gboolean          in_literal;    /* a number, true, false or null */
  GString          *brackets;      /* opened in the list, not closed */
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

typedef enum
{
  LIST_GOES_ON,
  LIST_ENDS,
  LIST_WRONG,
} ListByte;

/* A mistake of the list, at the byte being read. */
static ListByte
list_wrong (Scan       *scan,
            const char *message)
{
  if (scan->self->mistake == NULL)
    {
      scan->self->mistake = g_strdup (message);
      scan->self->mistake_line = scan->line;
      scan->self->mistake_column = scan->column;
    }
  return LIST_WRONG;
}

/* One byte of a list left out. Its elements are parsed one at a time
 * later: what only the whole list shows is checked here, brackets closed
 * in order and one value between two commas. */
static ListByte
scan_list_byte (Scan *scan,
                char  c)
{
  gboolean value = FALSE;

  if (scan->in_string)
    {
      if (scan->escaped)
        scan->escaped = FALSE;
      else if (c == '\\')
        scan->escaped = TRUE;
      else if (c == '"')
        {
          scan->in_string = FALSE;
          scan->element_done = scan->list_depth == 0;
        }
      return LIST_GOES_ON;
    }

  if (scan->in_literal && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' ||
                           c == '}' || c == '[' || c == '{' || c == '"'))
    {
      scan->in_literal = FALSE;
      scan->element_done = scan->list_depth == 0;
    }

  switch (c)
    {
    case '"':
    case '{':
    case '[':
      value = TRUE;
      break;
    case '}':
    case ']':
      if (scan->list_depth == 0)
        {
          if (c == '}')
            return list_wrong (scan, _("Parse error: unexpected “}”: the list of events is closed by “]”"));
          if (scan->want_element && scan->list.n_elements > 0)
            return list_wrong (scan, _("Parse error: an event is missing after the comma"));
          return LIST_ENDS;
        }
      if (scan->brackets->str[scan->brackets->len - 1] != (c == '}' ? '{' : '['))
        return list_wrong (scan, c == '}' ? _("Parse error: unexpected “}”: a list is open (“[”)")
                                          : _("Parse error: unexpected “]”: an object is open (“{”)"));
      g_string_truncate (scan->brackets, scan->brackets->len - 1);
      scan->list_depth--;
      scan->element_done = scan->list_depth == 0;
      return LIST_GOES_ON;
    case ',':
      if (scan->list_depth > 0)
        return LIST_GOES_ON;
      if (scan->want_element)
        return list_wrong (scan, _("Parse error: an event is missing before the comma"));
      scan->want_element = TRUE;
      scan->element_done = FALSE;
      return LIST_GOES_ON;
    case ' ': case '\t': case '\n': case '\r':
      return LIST_GOES_ON;
    default:
      value = !scan->in_literal;
      scan->in_literal = TRUE;
      break;
    }

  if (value && scan->list_depth == 0)
    {
      if (scan->element_done || !scan->want_element)
        return list_wrong (scan, _("Parse error: a comma is missing between two events"));
      scan->want_element = FALSE;
      scan->list.n_elements++;
    }
  if (c == '"')
    scan->in_string = TRUE;
  else if (c == '{' || c == '[')
    {
      if (scan->list_depth >= 1000)
        return list_wrong (scan, _("Parse error: lists and objects nested too deep"));
      g_string_append_c (scan->brackets, c);
      scan->list_depth++;
    }
  return LIST_GOES_ON;
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

/* %FALSE at a mistake in a list left out (dossier_json_split_get_mistake()). */
static gboolean
scan_piece (Scan       *scan,
            const char *data,
            gsize       length,
            goffset     offset)
{
  gsize kept_from = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      ListByte what = scan->extracting ? scan_list_byte (scan, c) : LIST_GOES_ON;

      if (what == LIST_WRONG)
        return FALSE;
      if (what == LIST_ENDS)
        {
          kept_from = i + 1;
          end_list (scan, offset + i, TRUE);
        }
      else if (!scan->extracting)
        {
          int case_index = c == '[' && !scan->in_string ? events_list (scan) : -2;

          if (case_index == -2)
            scan_byte (scan, c);
          else if (dossier_json_split_get_list (scan->self, case_index) != NULL)
            {
              /* json-glib would keep the last: which is meant is not said. */
              list_wrong (scan, _("Parse error: a case file’s events are given twice"));
              return FALSE;
            }
          else
            {
              /* The skeleton keeps the '[' and ']' of the list, not what is
               * between. */
              skeleton_append (scan, data + kept_from, i + 1 - kept_from);
              begin_value (scan);
              scan->extracting = TRUE;
              scan->list_depth = 0;
              scan->want_element = TRUE;
              scan->element_done = scan->in_literal = FALSE;
              g_string_truncate (scan->brackets, 0);
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
  return TRUE;
}

/**
 * dossier_json_split_scan:
 * @utf8: (out): %FALSE when the file is not UTF-8 (a binary file), which
 *   is not an error of @error's
 *
 * Reads the file once, a piece at a time: the skeleton and the lists. A
 * mistake in a list left out (dossier_json_split_get_mistake()) stops
 * the reading; it is not an error of @error's either.
 */
gboolean
dossier_json_split_scan (DossierJsonSplit  *self,
                         gboolean          *utf8,
                         GError           **error)
{
  gsize piece_size = dossier_file_piece_size ();
  g_autofree char *buffer = g_malloc (piece_size);
  g_autoptr(GString) brackets = g_string_new (NULL);
  Scan scan = { self };
  goffset offset = 0;

  scan.line = scan.skeleton_line = 1;
  scan.brackets = brackets;
  *utf8 = TRUE;
  for (;;)
    {
      const char *invalid = NULL;
      gsize n_read, length;

      if (!_dossier_json_split_read_at (self, offset, buffer, piece_size, &n_read, error))
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
      if (!scan_piece (&scan, buffer, length, offset))
        return TRUE;   /* the mistake said, nothing more to read */
      offset += length;
      if (n_read < piece_size)
        break;
    }

  if (scan.extracting)
    end_list (&scan, offset, FALSE);
  return TRUE;
}

