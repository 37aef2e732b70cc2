/*
 * clipboard.h: copying a passage to the system clipboard, either as an
 * OSC 52 escape sequence that the pager writes to the terminal (the text
 * travels in base64, so none of its bytes reaches the terminal as
 * itself; it works over SSH; tmux passes it on with set-clipboard on),
 * or through a command (wl-copy, xclip, pbcopy) that reads it on
 * standard input.  What is copied is built here too: the passage as the
 * reader sees it, and a citation line.  No curses here.
 */
#ifndef ARTREAD_CLIPBOARD_H
#define ARTREAD_CLIPBOARD_H

#include <stddef.h>

#include "artread/util.h"

/* Append the OSC 52 sequence that puts text[0, len) on the clipboard:
 * ESC ] 52 ; c ; BASE64 BEL. */
void clipboard_osc52(const char *text, size_t len, struct buf *out);

/*
 * Run cmd with /bin/sh -c (in a process group of its own, so the
 * terminal's Ctrl-C is not its), text[0, len) on its standard input and
 * its output thrown away, and wait for it: at most timeout_ms, and only
 * while stop (may be NULL) returns 0; then the command is stopped
 * (SIGTERM to its group).  0, or -1 with *cause (free it): "'wl-copy'
 * exited with status 1", "... was killed by signal 9", "... did not
 * finish in 5 s", "cancelled".
 */
int clipboard_pipe(const char *cmd, const char *text, size_t len,
    int timeout_ms, int (*stop)(void), char **cause);

/*
 * Append bytes[0, len) as the reader sees it: a line break inside a
 * paragraph is a space, paragraphs are one blank line apart, white space
 * at both ends goes.  The bytes are copied otherwise unchanged.
 */
void clipboard_passage(const char *bytes, size_t len, struct buf *out);

/*
 * Append a citation line: "— TITLE, SOURCE"; for a passage of a quote
 * whose speaker is known, "— SPEAKER, quoted in TITLE, SOURCE"; then,
 * if note is not empty, ". Note: NOTE" (title and speaker may be NULL
 * or "").
 */
void clipboard_citation(const char *title, const char *source,
    const char *speaker, const char *note, struct buf *out);

#endif
