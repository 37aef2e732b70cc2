/*
 * align.h: an old text aligned with a new one, word by word, for the
 * differences view (`--diff`, the pager's D) and for re-anchoring
 * annotations and the reading position when an article changes.
 *
 * Both texts are cut into tokens: words (runs of letters and digits, and
 * any other character that is not punctuation), single punctuation marks,
 * and paragraph breaks (a blank line).  White space is not a token, so
 * changed line breaks, re-wrapping and LF <-> CRLF are not edits; a
 * byte order mark is ignored.  The token sequences are compared (common
 * prefix and suffix first, then patience diff on the words found once in
 * each side, Myers' O((N+M)D) diff between them, and a plain "replaced"
 * where even that would cost too much), giving hunks: runs of tokens
 * equal in both, deleted from the old text, or inserted in the new one.
 * Within a change, words equal but for letter case are paired (soft
 * matches) so that an edited passage keeps them.
 *
 * Offsets are bytes: a hunk names its tokens and their byte ranges in
 * each text.
 */
#ifndef ARTREAD_ALIGN_H
#define ARTREAD_ALIGN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "artread/doc.h"	/* struct range */

enum align_tok_kind {
	ALIGN_WORD,
	ALIGN_PUNCT,
	ALIGN_BREAK,		/* a paragraph break: the white space holding a
				   blank line */
};

struct align_tok {
	size_t			start;	/* bytes [start, end) of its text */
	size_t			end;
	uint64_t		hash;
	enum align_tok_kind	kind;
};

/* One text, cut into tokens. */
struct align_text {
	const char		*bytes;
	size_t			 len;
	struct align_tok	*tok;
	size_t			*para;	/* each token's paragraph, from 0 (a
					   break belongs to the one before) */
	size_t			 n;
};

enum align_op {
	ALIGN_EQUAL,
	ALIGN_DELETE,		/* in the old text only */
	ALIGN_INSERT,		/* in the new text only */
};

/*
 * A run of tokens.  Old tokens [a_tok, a_tok + a_n) and new tokens
 * [b_tok, b_tok + b_n) (a_n == b_n for EQUAL, b_n == 0 for DELETE,
 * a_n == 0 for INSERT); a and b are their bytes, and for the empty side
 * the place where the run would be.  A replacement is a DELETE followed
 * by an INSERT.
 */
struct align_hunk {
	enum align_op	op;
	size_t		a_tok, a_n;
	size_t		b_tok, b_n;
	struct range	a;
	struct range	b;
};

#define ALIGN_NONE	((size_t)-1)

struct align {
	struct align_text	 old;
	struct align_text	 new;
	struct align_hunk	*h;
	size_t			 nh;
	/* For each old token the new token it is (ALIGN_NONE: deleted), and
	 * the other way; soft: the same, or equal but for letter case. */
	size_t			*a2b;
	size_t			*b2a;
	size_t			*a2b_soft;
};

/*
 * Align old[0, olen) with new[0, nlen).  The texts are not copied: they
 * must outlive the alignment.  Fast on articles of a few MB: common
 * prefix and suffix are skipped at once and the rest costs about
 * O((N+M) log N) for the usual edits.
 */
struct align *align_texts(const char *old, size_t olen, const char *new,
    size_t nlen);
void align_free(struct align *al);

/* Did anything change (more than white space)? */
int align_changed(const struct align *al);

/* For `--diff --stat`. */
struct align_stats {
	size_t	words_deleted;
	size_t	words_inserted;
	size_t	paras_changed;		/* new paragraphs holding a change,
					   and old ones deleted whole */
	size_t	paras_old;
	size_t	paras_new;
};
void align_stats(const struct align *al, struct align_stats *st);

/* ---- re-anchoring ------------------------------------------------------ */

enum align_state {
	ALIGN_EXACT,		/* the same words, where the alignment puts them */
	ALIGN_MOVED,		/* the same words, elsewhere (a paragraph moved) */
	ALIGN_CHANGED,		/* edited: placed on the edited words */
	ALIGN_ORPHAN,		/* more than half of its words are gone */
};

/* "exact", "moved", "changed", "orphan". */
const char *align_state_name(enum align_state s);

/*
 * Where the old range [s, e) is in the new text.  *ns, *ne get the new
 * range (for ORPHAN: an empty range where the passage was).  The rules:
 * a passage keeps the words that survived, grows over words inserted
 * inside it (and over words that replaced its own first or last words),
 * never takes in words outside its old edges, and never crosses a
 * paragraph break it did not cross before, unless the edit split its own
 * paragraph; a passage whose words are mostly gone (under half left) is
 * an orphan, not a stretched guess.  A passage whose words all went, but
 * appear together in text inserted elsewhere, MOVED there (of several
 * places, the one with the most context in common, then the nearest).
 * Paragraph breaks added or removed inside a passage do not make it
 * CHANGED.
 */
enum align_state align_map(const struct align *al, size_t s, size_t e,
    size_t *ns, size_t *ne);

/*
 * Where old byte off is in the new text: the same place in the same word,
 * or where the word was deleted (e.g. the reading position).
 */
size_t align_map_offset(const struct align *al, size_t off);

/* ---- the differences view ------------------------------------------------ */

enum align_piece_kind {
	ALIGN_PIECE_SAME,	/* words in both texts (bytes of the new one) */
	ALIGN_PIECE_DELETED,	/* words only in the old text */
	ALIGN_PIECE_INSERTED,	/* words only in the new text */
	ALIGN_PIECE_SPACE,	/* white space between words */
	ALIGN_PIECE_JOINED,	/* a paragraph break removed (two joined) */
	ALIGN_PIECE_SPLIT,	/* a paragraph break added (one split) */
	ALIGN_PIECE_END,	/* the end of a paragraph */
	ALIGN_PIECE_FOLD,	/* unchanged paragraphs left out */
};

/*
 * One piece of the differences view.  SAME, DELETED, INSERTED: bytes
 * [off, off + len) of the new text (the old one for DELETED), run of
 * words with their own white space, none holding a paragraph break (show
 * them made safe, white space runs as one space).  FOLD: count
 * paragraphs, unchanged, not shown.
 */
struct align_piece {
	enum align_piece_kind	 kind;
	const char		*text;
	size_t			 len;
	size_t			 off;
	size_t			 count;
};

typedef void align_emit_fn(void *arg, const struct align_piece *p);

/*
 * The new text as paragraphs, with the old text's deleted words where
 * they were, and every run of unchanged paragraphs folded to one FOLD.
 */
void align_render(const struct align *al, align_emit_fn *emit, void *arg);

/*
 * The same as plain text, as `--diff` writes it under NO_COLOR and in
 * --dump: a paragraph a line, a blank line between paragraphs, deleted
 * words as [-...-], inserted ones as {+...+}, a removed paragraph break
 * as [-¶-], an added one as {+¶+}, and "@@ N unchanged paragraphs @@".
 * Article bytes are made safe (listing_text).
 */
void align_render_plain(const struct align *al, FILE *out);

/* What goes around deleted and inserted text and the fold lines. */
struct align_marks {
	const char	*del_open, *del_close;
	const char	*ins_open, *ins_close;
	const char	*fold_open, *fold_close;
};
/* The plain text view with other marks (colours on a terminal). */
void align_render_marked(const struct align *al, FILE *out,
    const struct align_marks *m);

#endif
