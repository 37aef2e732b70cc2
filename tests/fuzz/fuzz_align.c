/*
 * fuzz_align.c: word-level alignment of two texts.  The first input byte
 * says where the rest is cut into the old text and the new one.  The
 * hunks must cover both texts in order and agree with the matching,
 * every range of the old text must map inside the new one, and the
 * differences view is written (to /dev/null).
 */
#include "fuzz.h"

#include "artread/align.h"

static FILE *devnull;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	devnull = fopen("/dev/null", "w");
	if (devnull == NULL)
		abort();
	return 0;
}

static void
check(const struct align *al)
{
	size_t i, k, a = 0, b = 0, ns, ne;

	for (i = 0; i < al->nh; i++) {
		const struct align_hunk *h = &al->h[i];

		if (h->a_tok != a || h->b_tok != b ||
		    (h->op == ALIGN_EQUAL && h->a_n != h->b_n))
			abort();
		for (k = 0; h->op == ALIGN_EQUAL && k < h->a_n; k++)
			if (al->a2b[a + k] != b + k || al->b2a[b + k] != a + k)
				abort();
		a += h->a_n;
		b += h->b_n;
	}
	if (a != al->old.n || b != al->new.n || align_changed(al) !=
	    (al->nh > 1 || (al->nh == 1 && al->h[0].op != ALIGN_EQUAL)))
		abort();
	for (i = 0; i < al->old.len; i += 1 + al->old.len / 64) {
		k = i + 1 + al->old.len / 16;
		(void)align_map(al, i, k < al->old.len ? k : al->old.len,
		    &ns, &ne);
		if (ns > ne || ne > al->new.len ||
		    align_map_offset(al, i) > al->new.len)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct align_stats st;
	struct align *al;
	size_t cut;

	if (size < 1)
		return 0;
	cut = (size - 1) * data[0] / 255;
	al = align_texts((const char *)data + 1, cut,
	    (const char *)data + 1 + cut, size - 1 - cut);
	check(al);
	align_stats(al, &st);
	align_render_plain(al, devnull);
	align_free(al);
	return 0;
}
