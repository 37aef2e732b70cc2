/*
 * term.c: everything that talks to curses.  Keys are translated into the
 * key map's codes and styles into attributes and colour pairs here, so
 * the rest of the pager never sees a curses type.
 */
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "artread/utf8.h"
#include "artread/util.h"
#include "ui.h"

static SCREEN *screen;
static FILE *tty_in;
static int colors_on;
static volatile sig_atomic_t quit_signal;

/*
 * Bracketed paste: the terminal sends a paste between PS and PE (ESC
 * [200~ ... ESC [201~) once BE (ESC [?2004h) asked it to, so a paste
 * is one KEYMAP_PASTE with its text (term_paste), never keys that run
 * commands.  The sequences are terminfo's (BE BD PS PE) or, where it
 * has none (TERM=screen), xterm's, which other terminals ignore.
 *
 * A paste whose text holds PE itself (a terminal that does not take it
 * out) seems to end there, and the rest would come as keys: so after a
 * PE what follows at once is read ahead, and if another PE ends it (or
 * more comes at once than anyone types) it is more of the paste; else
 * it goes back as the keys typed after the paste.  Past PASTE_MAX bytes
 * a paste is read to its end and the rest dropped (term_paste says).
 */
static int paste_start_code = -1, paste_end_code = -1;	/* PS's, PE's */
#define PASTE_MAX	(1 << 20)	/* bytes kept of one paste */
#define PASTE_WAIT_MS	1000		/* a paste never ended: give up */
#define PASTE_JOIN_MS	30		/* more of a paste follows within */
#define PASTE_AHEAD	32		/* keys read ahead after a PE (curses
					   takes back 137 bytes, 4 a key) */
static const char *paste_on_seq, *paste_off_seq;	/* NULL: not used */
static struct buf paste;
static int paste_cut;			/* bytes were dropped */
static struct sigaction curses_tstp;	/* curses' own Ctrl-Z handler */
static int tstp_chained;

/*
 * The rows of stdscr no cell has been written to since newterm made them
 * blank (fresh[y]), for a window of fresh_lines x fresh_cols: clearing
 * such a row again, or clearing it after its text, writes blanks over
 * blanks, and every cell cleared is one more cell curses copies to its
 * next screen.  Only the first screen has them: its rows used to be
 * cleared twice over (at 200x60, a tenth of its instructions).
 */
static unsigned char *fresh;
static int fresh_lines, fresh_cols;

static void
fresh_all(void)
{
	free(fresh);
	fresh_lines = LINES > 0 ? LINES : 0;
	fresh_cols = COLS;
	fresh = xmalloc(fresh_lines > 0 ? (size_t)fresh_lines : 1);
	memset(fresh, 1, fresh_lines > 0 ? (size_t)fresh_lines : 1);
}

/* Is row y blank as newterm made it?  (A resize forgets them all.) */
static int
row_fresh(int y)
{
	if (fresh_lines != LINES || fresh_cols != COLS)
		fresh_lines = 0;
	return y >= 0 && y < fresh_lines && fresh[y];
}

/* Row y is being written to. */
static void
row_used(int y)
{
	if (y >= 0 && y < fresh_lines)
		fresh[y] = 0;
}

static void
on_quit_signal(int sig)
{
	quit_signal = sig;
}

static void
emergency_end(void)
{
	term_end();
}

int
term_quit_requested(void)
{
	return quit_signal;
}

void
term_quit_forget(void)
{
	quit_signal = 0;
}

static void
install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Can the current terminal put the cursor anywhere (terminfo cup)? */
static int
can_address_cursor(void)
{
	char *cup = tigetstr("cup");

	return cup != NULL && cup != (char *)-1 && *cup != '\0';
}

/* A terminfo string capability, or dflt when the terminal has none. */
static const char *
cap_or(const char *name, const char *dflt)
{
	char *s = tigetstr(name);

	return s != NULL && s != (char *)-1 && *s != '\0' ? s : dflt;
}

/* Write s to the terminal now (async-signal-safe: for on_suspend). */
static void
write_now(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;
	ssize_t w;

	while (n > 0) {
		if ((w = write(STDOUT_FILENO, s, n)) <= 0) {
			if (w == -1 && errno == EINTR)
				continue;
			return;
		}
		s += w;
		n -= (size_t)w;
	}
}

/*
 * Ctrl-Z: bracketed paste off while we are stopped (the shell gets
 * plain pastes), on again when we go on.  curses' handler does the
 * rest (and puts itself back on resuming: ours goes back over it).
 */
static void
on_suspend(int sig)
{
	int saved = errno;
	struct sigaction ours;

	write_now(paste_off_seq);
	curses_tstp.sa_handler(sig);
	sigaction(SIGTSTP, NULL, &ours);
	ours.sa_handler = on_suspend;
	sigaction(SIGTSTP, &ours, NULL);
	write_now(paste_on_seq);
	errno = saved;
}

/* The first key code from from on that no key has: curses numbers a
 * terminal's extra keys from KEY_MAX + 1 up (TERM=linux's Shift-Tab,
 * rxvt's Ctrl-Down), and a paste must not start with one of them. */
static int
unbound_key_code(int from)
{
	char *s;

	while ((s = keybound(from, 0)) != NULL) {
		free(s);
		from++;
	}
	return from;
}

/* Turn bracketed paste on (a terminal on standard output only). */
static void
paste_start(void)
{
	struct sigaction sa;

	if (!isatty(STDOUT_FILENO))
		return;
	paste_on_seq = cap_or("BE", "\033[?2004h");
	paste_off_seq = cap_or("BD", "\033[?2004l");
	paste_start_code = unbound_key_code(KEY_MAX + 1);
	define_key(cap_or("PS", "\033[200~"), paste_start_code);
	paste_end_code = unbound_key_code(paste_start_code + 1);
	define_key(cap_or("PE", "\033[201~"), paste_end_code);
	write_now(paste_on_seq);
	sigaction(SIGTSTP, NULL, &curses_tstp);
	if (curses_tstp.sa_handler != SIG_DFL &&
	    curses_tstp.sa_handler != SIG_IGN &&
	    !(curses_tstp.sa_flags & SA_SIGINFO)) {
		sa = curses_tstp;
		sa.sa_handler = on_suspend;
		sigaction(SIGTSTP, &sa, NULL);
		tstp_chained = 1;
	}
}

static void
paste_end(void)
{
	if (paste_off_seq == NULL)
		return;
	if (tstp_chained)
		sigaction(SIGTSTP, &curses_tstp, NULL);
	tstp_chained = 0;
	write_now(paste_off_seq);
	paste_on_seq = paste_off_seq = NULL;
	buf_free(&paste);
}

int
term_start(int mouse, char **cause)
{
	const char *term = getenv("TERM");
	FILE *out = stdout;

	*cause = NULL;
	if (term == NULL || *term == '\0') {
		*cause = xstrdup("TERM is not set; cannot start the pager "
		    "(try --dump)");
		return -1;
	}
	if (!isatty(STDIN_FILENO)) {
		tty_in = fopen("/dev/tty", "r");
		if (tty_in == NULL) {
			*cause = xstrdup("cannot open /dev/tty for keys");
			return -1;
		}
	}
	install_signals();
	screen = newterm(NULL, out, tty_in != NULL ? tty_in : stdin);
	if (screen == NULL) {
		*cause = xasprintf("unknown terminal type '%s' (TERM)", term);
		if (tty_in != NULL)
			fclose(tty_in);
		tty_in = NULL;
		return -1;
	}
	set_term(screen);
	fresh_all();
	/* newterm marks every cell of stdscr changed, blank as they are,
	 * and blank as the cells of curses' next screen: the first refresh
	 * compared all of them (it paints the whole screen anyway). */
	untouchwin(stdscr);
	if (!can_address_cursor()) {
		/* TERM=dumb and the like: a pager would draw nothing. */
		*cause = xasprintf("terminal type '%s' cannot move the "
		    "cursor; cannot start the pager (try --dump)", term);
		term_end();
		return -1;
	}
	util_set_fatal_hook(emergency_end);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	paste_start();
	curs_set(0);
	if (has_colors()) {
		/*
		 * The first refresh clears the screen and paints it whole
		 * anyway; said now, use_default_colors does not first
		 * mark every cell painted in pair 0 for repainting (a walk
		 * over the whole screen: 0.35 M instructions at 200x60).
		 */
		clearok(curscr, TRUE);
		start_color();
		use_default_colors();
		colors_on = 1;
	}
	if (mouse)
		mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	return 0;
}

void
term_end(void)
{
	if (screen == NULL)
		return;
	curs_set(1);
	paste_end();
	endwin();
	delscreen(screen);
	screen = NULL;
	free(fresh);
	fresh = NULL;
	fresh_lines = 0;
	if (tty_in != NULL)
		fclose(tty_in);
	tty_in = NULL;
	util_set_fatal_hook(NULL);
}

int
term_rows(void)
{
	return LINES;
}

int
term_cols(void)
{
	return COLS;
}

int
term_colors(void)
{
	return colors_on ? COLORS : 0;
}

void
term_use_colors(int on)
{
	colors_on = on && has_colors();
}

static const struct {
	int	curses;
	int	ours;
} special_keys[] = {
	{ KEY_UP, KEYMAP_UP }, { KEY_DOWN, KEYMAP_DOWN },
	{ KEY_LEFT, KEYMAP_LEFT }, { KEY_RIGHT, KEYMAP_RIGHT },
	{ KEY_PPAGE, KEYMAP_PGUP }, { KEY_NPAGE, KEYMAP_PGDN },
	{ KEY_HOME, KEYMAP_HOME }, { KEY_END, KEYMAP_END },
	{ KEY_IC, KEYMAP_INSERT }, { KEY_DC, KEYMAP_DELETE },
	{ KEY_BACKSPACE, KEYMAP_BACKSPACE }, { KEY_ENTER, KEYMAP_ENTER },
	{ KEY_BTAB, KEYMAP_BTAB }, { KEY_RESIZE, KEYMAP_RESIZE },
};

static int
translate_special(int k)
{
	MEVENT ev;
	size_t i;

	if (k >= KEY_F(1) && k <= KEY_F(12))
		return KEYMAP_F(k - KEY_F0);
	if (k == KEY_MOUSE) {
		if (getmouse(&ev) != OK)
			return -1;
		if (ev.bstate & BUTTON4_PRESSED)
			return KEYMAP_MOUSE_WHEEL_UP;
		if (ev.bstate & BUTTON5_PRESSED)
			return KEYMAP_MOUSE_WHEEL_DOWN;
		return -1;
	}
	for (i = 0; i < sizeof special_keys / sizeof special_keys[0]; i++)
		if (special_keys[i].curses == k)
			return special_keys[i].ours;
	return -1;
}

/*
 * Esc: Alt-Enter arrives as Esc and Enter together (curses knows no such
 * sequence and hands them over one by one).  Any other key already
 * waiting is put back.
 */
static int
after_escape(void)
{
	wint_t next;
	int rc;

	timeout(0);
	rc = get_wch(&next);
	if (rc == OK && (next == '\r' || next == '\n'))
		return KEYMAP_ALT_ENTER;
	if (rc == OK)
		unget_wch((wchar_t)next);
	else if (rc == KEY_CODE_YES)
		ungetch((int)next);
	return KEYMAP_ESC;
}

/* A key read in a paste: its text (a key's sequence has none; a resize
 * is noted in *resized). */
static void
paste_add(int rc, wint_t ch, int *resized)
{
	char u[4];

	if (rc == KEY_CODE_YES)
		*resized |= ch == KEY_RESIZE;
	else if (paste.len >= PASTE_MAX)
		paste_cut = 1;
	else if (ch < 0x110000)
		buf_add(&paste, u, utf8_encode((uint32_t)ch, u));
}

/*
 * After a PE: does the paste go on?  What follows at once is read
 * ahead: up to another PE (the paste's text held one), or more than
 * PASTE_AHEAD keys, it is the paste's (1: read on); else it goes back
 * to be read as keys (0).
 */
static int
paste_goes_on(int *resized)
{
	struct {
		int	rc;
		wint_t	ch;
	} ahead[PASTE_AHEAD];
	size_t n = 0, i;
	wint_t ch;
	int rc;

	timeout(PASTE_JOIN_MS);
	while (n < PASTE_AHEAD && (rc = get_wch(&ch)) != ERR) {
		if (rc == KEY_CODE_YES && (int)ch == paste_end_code) {
			for (i = 0; i < n; i++)
				paste_add(ahead[i].rc, ahead[i].ch, resized);
			n = 0;
			continue;
		}
		ahead[n].rc = rc;
		ahead[n++].ch = ch;
	}
	if (n == PASTE_AHEAD) {		/* no one types so fast: pasted */
		for (i = 0; i < n; i++)
			paste_add(ahead[i].rc, ahead[i].ch, resized);
		return 1;
	}
	while (n-- > 0)			/* curses gives back the last first */
		if (ahead[n].rc == KEY_CODE_YES)
			ungetch((int)ahead[n].ch);
		else
			unget_wch((wchar_t)ahead[n].ch);
	return 0;
}

/* After PS: the pasted text up to PE, kept for term_paste. */
static int
read_paste(void)
{
	wint_t ch;
	int rc, resized = 0;

	buf_reset(&paste);
	paste_cut = 0;
	timeout(PASTE_WAIT_MS);
	while ((rc = get_wch(&ch)) != ERR) {
		if (rc == KEY_CODE_YES && (int)ch == paste_end_code) {
			if (!paste_goes_on(&resized))
				break;
			timeout(PASTE_WAIT_MS);
			continue;
		}
		paste_add(rc, ch, &resized);
	}
	if (resized)		/* the window changed meanwhile: next key */
		ungetch(KEY_RESIZE);
	return KEYMAP_PASTE;
}

const char *
term_paste(size_t *n, int *cut)
{
	*n = paste.len;
	*cut = paste_cut;
	return paste.len > 0 ? paste.data : "";
}

int
term_key(int timeout_ms)
{
	wint_t ch;
	int rc;

	timeout(timeout_ms);
	rc = get_wch(&ch);
	if (rc == ERR)
		return -1;
	if (rc == KEY_CODE_YES && (int)ch == paste_start_code)
		return read_paste();
	if (rc == KEY_CODE_YES)
		return translate_special((int)ch);
	if (ch == 27)
		return after_escape();
	return keymap_normalize((int)ch);
}

/*
 * A theme colour as the terminal's colour number.  A direct-colour
 * terminal (terminfo says 2^24 colours, e.g. TERM=xterm-direct) takes
 * #rrggbb as it is; others get the nearest of their 256, 16 or 8.
 */
static int
color_for(int c)
{
	if (c == STYLE_COLOR_UNSET || c == STYLE_COLOR_DEFAULT)
		return -1;
	if (STYLE_IS_RGB(c) && COLORS >= 0x1000000)
		return c & 0xffffff;
	return style_nearest_color(c, COLORS > 256 ? 256 : COLORS);
}

static void
set_style(struct style st)
{
	attr_t a = A_NORMAL;
	int pair = 0;

	if (st.attrs & STYLE_BOLD)
		a |= A_BOLD;
	if (st.attrs & STYLE_UNDERLINE)
		a |= A_UNDERLINE;
	if (st.attrs & STYLE_REVERSE)
		a |= A_REVERSE;
	if (st.attrs & STYLE_DIM)
		a |= A_DIM;
	if (st.attrs & STYLE_ITALIC)
		a |= A_ITALIC;
	if (st.attrs & STYLE_BLINK)
		a |= A_BLINK;
	if (st.attrs & STYLE_STANDOUT)
		a |= A_STANDOUT;
	if (colors_on) {
		int fg = color_for(st.fg), bg = color_for(st.bg);

		if (fg != -1 || bg != -1)
			pair = alloc_pair(fg, bg);
		if (pair < 0)
			pair = 0;
	}
	attr_set(a, (short)pair, NULL);
}

/*
 * ncurses counts an emoji ZWJ sequence as the sum of its characters'
 * widths (as layout does); a terminal that joins it into one glyph
 * (tmux, kitty, ...) draws it narrower, and the rest of the row lands to
 * its left.  Repaint such a row whole, so that no cell of an earlier
 * paint is left behind.  (A joiner in safe text is one that layout let
 * through: the others show as <U+200D>.)
 */
static void
repaint_if_joined(int y, const char *s, size_t n)
{
	if (memmem(s, n, UTF8_ZWJ_BYTES, 3) != NULL)
		wredrawln(stdscr, y, 1);
}

/*
 * A run of a row as curses cells, for wadd_wchnstr: the same cells
 * waddnstr makes, without its decoding of every byte through the
 * locale (a tenth of the first screen's instructions).  Each cell is a
 * character of width 1 or 2 with the zero-width ones that follow it, in
 * no attribute (the window's, set_style, are put on as waddnstr puts
 * them).  Returns the cells, their columns in *cols; -1 where waddnstr
 * must draw the run itself, to stay byte for byte what it would do: a
 * control or unprintable character, an invalid byte, a zero-width
 * character first or after a wide one, more than max columns (the
 * caller keeps the last column to waddnstr, which wraps after it).
 */
static int
run_cells(const char *s, size_t n, cchar_t **cells, size_t *cap, int max,
    int *cols)
{
	size_t i = 0, k, nc = 0;
	uint32_t cp;
	int w, prev = 0;

	*cols = 0;
	while (i < n) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			cp = (unsigned char)s[i++];
			w = 1;
		} else {
			if ((k = utf8_decode(s + i, n - i, &cp)) == 0 ||
			    cp < 0xa0 || (cp >= 0xd800 && cp < 0xe000))
				return -1;
			i += k;
			if ((w = wcwidth((wchar_t)cp)) < 0 || w > 2)
				return -1;
		}
		if (w == 0) {
			wchar_t *c;

			if (prev != 1)
				return -1;
			c = (*cells)[nc - 1].chars;
			for (k = 0; k < CCHARW_MAX && c[k] != 0; k++)
				continue;
			if (k < CCHARW_MAX)	/* as curses: more are dropped */
				c[k] = (wchar_t)cp;
			continue;
		}
		if ((*cols += w) > max)
			return -1;
		if (nc == *cap) {
			*cap = *cap ? *cap * 2 : 256;
			*cells = xreallocarray(*cells, *cap, sizeof **cells);
		}
		memset(&(*cells)[nc], 0, sizeof **cells);
		(*cells)[nc++].chars[0] = (wchar_t)cp;
		prev = w;
	}
	return (int)nc;
}

void
term_draw_line(int y, int x, const struct paint_line *l, int max_cols,
    struct style fill)
{
	static cchar_t *cells;
	static size_t cap;
	size_t i;
	int cols = 0, n = 0, w, blank = row_fresh(y);

	row_used(y);
	repaint_if_joined(y, l->text.data, l->text.len);
	move(y, x);
	for (i = 0; i < l->nruns && cols < max_cols; i++) {
		const struct paint_run *r = &l->runs[i];

		set_style(r->st);
		/* once curses drew a run, it draws the rest: its cursor */
		if (n >= 0 && (n = run_cells(l->text.data + r->text_off,
		    r->text_len, &cells, &cap, COLS - 1 - x, &w)) >= 0) {
			if (n > 0)
				wadd_wchnstr(stdscr, cells, n);
			move(y, x += w);
		} else
			addnstr(l->text.data + r->text_off, (int)r->text_len);
		cols += r->cols;
	}
	set_style(fill);
	if (!blank)	/* (else the rest of the row is blank already) */
		clrtoeol();
}

void
term_draw_text(int y, int x, const char *s, struct style st, int max_cols)
{
	set_style(st);
	row_used(y);
	if (max_cols > COLS - x)
		max_cols = COLS - x;
	repaint_if_joined(y, s, strlen(s));
	mvaddnstr(y, x, s, (int)layout_text_fit(s, strlen(s), max_cols));
}

void
term_clear_line(int y, struct style st)
{
	int fill = (st.bg != STYLE_COLOR_UNSET && st.bg != STYLE_COLOR_DEFAULT) ||
	    (st.attrs & (STYLE_REVERSE | STYLE_STANDOUT));

	set_style(st);
	move(y, 0);
	bkgdset(' ');
	if (!fill && row_fresh(y))
		return;		/* blank already */
	row_used(y);
	clrtoeol();
	/* Fill with the style's background or reverse video, which
	 * clrtoeol does not use: the cells as addch(' ') puts them, in one
	 * call; the last by addch itself, which leaves the cursor (and
	 * the wrap after it) where it always did. */
	if (fill && COLS > 0) {
		mvhline(y, 0, ' ', COLS - 1);
		mvaddch(y, COLS - 1, ' ');
	}
}

void
term_cursor(int y, int x, int visible)
{
	curs_set(visible ? 1 : 0);
	if (visible)
		move(y, x);
}

void
term_refresh(void)
{
	refresh();
}

void
term_write_raw(const char *s, size_t n)
{
	ssize_t w;

	refresh();
	fflush(stdout);
	while (n > 0) {
		if ((w = write(STDOUT_FILENO, s, n)) == -1) {
			if (errno == EINTR)
				continue;
			return;		/* the message says it was sent; the
					   terminal is gone anyway */
		}
		s += w;
		n -= (size_t)w;
	}
}

void
term_redraw_all(void)
{
	clearok(curscr, TRUE);
}
