#!/bin/sh
# eval.sh: accuracy of artread's entities and quotes against the gold files.
#   sh tests/eval.sh [--floor] [--errors] [--heldout-errors]
# Two sets (tests/data/gold/CONVENTIONS.md says what they are):
#   tuning    sample-articles/*.txt and tests/data/tuning/*.txt
#   held-out  tests/data/heldout4/*.txt and tests/data/heldout5/*.txt,
#             each written after the rules it judges, each scored on its
#             own (heldout2 and heldout3, compromised, were retired into
#             tuning; so were heldout6, heldout7, heldout8,
#             heldout9, heldout10 and heldout11, validation sets,
#             once their aggregates stopped moving, and heldout12,
#             whose writer had read the development notes, at once,
#             and heldout14 and heldout15, five and six looks
#             later, so that their errors
#             could be read)
# For every article with gold NAME.entities.tsv and NAME.quotes.tsv in
# tests/data/gold, checks that each gold span's text is the article's
# bytes, runs "$ARTREAD --entities" and "--quotes", and scores entities
# (typed: exact span and type), quote spans (exact span) and speakers
# (gold quotes whose span was found: speaker text equal, "-" included).
# Prints the tuning set per type, then all sets side by side, each
# held-out set as aggregates only, against its targets (issue 14).
# HELDOUT_DIRS overrides the held-out directories (each one a set).
#   --floor           the tuning set only; exit 1 below its floors (make check)
#   --errors          also list the tuning set's errors
#   --heldout-errors  also list the held-out set's errors: this retires it
# Exit status: 0; 1 below the floor with --floor; 2 when artread fails
# (crash or non-zero exit) or a gold file does not match its article.
cd "$(dirname "$0")/.." || exit 2
ARTREAD=${ARTREAD:-./artread}
GOLD=${GOLD:-tests/data/gold}
TUNING_DIRS="sample-articles tests/data/tuning"
HELDOUT_DIRS=${HELDOUT_DIRS:-"tests/data/heldout4 tests/data/heldout5 tests/data/heldout13"}
# Regression guard on the tuning set, a little below its figures after
# the recognition of issue 14 (entities 0.980, quotes 1.000, speakers
# 1.000 on 17 articles; with s1-s24, 41 articles: 0.973, 1.000, 0.998;
# with the retired heldout2 ho01-ho12, 53 articles: 0.963, 1.000, 0.967;
# after the entity and speaker work that followed heldout3: see
# tests/data/gold/CONVENTIONS.md; with the retired heldout3 hx01-hx12,
# 78 articles: 0.976, 1.000, 0.982; with the new batches s38-s49, 90
# articles, before any rule tuned on them: 0.969, 1.000, 0.971; after
# the entity and speaker work on them: 0.977, 1.000, 0.997; with the
# batches s50-s67, 108 articles, before any rule tuned on them: 0.966,
# 1.000, 0.963; after the work on them: 0.976, 1.000, 0.994; with the
# names found from the document itself: 0.981, 1.000, 0.995; with the
# batch s68-s79 and the retired validation sets hw01-hw06 and
# hv01-hv06, 132 articles, before the work on them: 0.973, 0.999,
# 0.977; after it: 0.979, 0.999, 0.9895, so the speaker floor, a
# little below the figure as the others are, went from 0.99 to 0.985;
# with the retired validation set hs01-hs06, 162 articles, before the
# work on it: 0.973, 0.999, 0.979; after it: 0.975, 0.999, 0.988;
# with the retired validation set hq01-hq06, 180 articles, before the
# work on it: 0.968, 1.000, 0.982; after it: 0.970, 1.000, 0.985, on
# the floors to the third decimal, so the entity and speaker floors, a
# little below their figures as before, went to 0.965 and 0.98: the
# set now holds six retired unseen sets whose errors were only partly
# fixed, hr01-hr06 at 0.914 / 0.908 and hq01-hq06 at 0.881 / 0.972;
# with hm01-hm06 and hp01-hp06 retired and their rounds merged, 192
# articles: 0.972, 1.000, 0.988, so the speaker floor went back to
# 0.985; the entity floor stays, 0.007 below).
FLOOR_ENT=0.965
FLOOR_QUOTE=0.99
FLOOR_SPEAKER=0.985
# Targets of issue 14, judged on the held-out set.
TARGET_ENT=0.90
TARGET_QUOTE=0.98
TARGET_SPEAKER=0.93

floor=0 errors=0 heldout_errors=0
for arg; do
	case $arg in
	--floor) floor=1 ;;
	--errors) errors=1 ;;
	--heldout-errors) heldout_errors=1 ;;
	*) echo "usage: sh tests/eval.sh [--floor] [--errors] [--heldout-errors]" >&2
	   exit 2 ;;
	esac
done
if [ "$heldout_errors" -eq 1 ]; then
	cat >&2 <<'EOF'
eval: --heldout-errors lists the held-out set's errors.  Whoever reads them
eval: has seen the set: it no longer measures rules written after this.
eval: Retire it (move it into tests/data/tuning, say so in the commit and in
eval: tests/data/gold/CONVENTIONS.md) and write a new held-out set.
EOF
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# check_gold ARTICLE GOLD.tsv...: every gold line's TEXT must be the
# article's bytes START..END with \n and \t turned into spaces.
check_gold() {
	art=$1
	shift
	LC_ALL=C awk -F'\t' -v art="$art" '
	BEGIN { while ((getline line < art) > 0) text = text line "\n" }
	{
		t = substr(text, $1 + 1, $2 - $1)
		gsub(/[\t\n]/, " ", t)
		if (NF < 4 || $2 < $1 || t != $4) {
			printf "eval: %s:%d: span %s-%s of %s is \"%s\", not \"%s\"\n",
			    FILENAME, FNR, $1, $2, art, t, $4
			bad = 1
		}
	}
	END { exit bad }' "$@"
}

# run_artread MODE ARTICLE: its listing on stdout; a failure ends the eval.
run_artread() {
	"$ARTREAD" "$1" "$2" 2>"$tmp/stderr"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "eval: $ARTREAD $1 $2 exited with status $rc" >&2
		sed 's/^/eval:   /' "$tmp/stderr" >&2
		exit 2
	fi
}

# collect SET DIR...: gold and system lines of every article of the set,
# tagged G or S and the article's name, into $tmp/SET.ents and .quotes;
# the number of articles into $tmp/SET.n.
collect() {
	set_name=$1
	shift
	: >"$tmp/$set_name.ents"
	: >"$tmp/$set_name.quotes"
	n=0 words=0
	for dir; do
		for f in "$dir"/*.txt; do
			[ -f "$f" ] || continue
			name=$(basename "$f" .txt)
			ge="$GOLD/$name.entities.tsv"
			gq="$GOLD/$name.quotes.tsv"
			if [ ! -f "$ge" ] || [ ! -f "$gq" ]; then
				echo "eval: $f has no gold in $GOLD: not scored" >&2
				continue
			fi
			check_gold "$f" "$ge" "$gq" || exit 2
			run_artread --entities "$f" >"$tmp/out"
			tag "$name" "$ge" "$tmp/out" >>"$tmp/$set_name.ents"
			run_artread --quotes "$f" >"$tmp/out"
			tag "$name" "$gq" "$tmp/out" >>"$tmp/$set_name.quotes"
			n=$((n + 1))
			words=$((words + $(wc -w <"$f")))
		done
	done
	echo "$n $words" >"$tmp/$set_name.n"
}

# tag NAME GOLD SYSTEM: the gold lines as G NAME ..., the system's as S NAME ...
tag() {
	awk -v n="$1" '{ print (FILENAME == ARGV[1] ? "G" : "S") "\t" n "\t" $0 }' "$2" "$3"
}

# score SET DETAIL ERRORS: prints the per-type table when DETAIL is 1 and
# the errors when ERRORS is 1; writes the aggregates to $tmp/SET.sum as
# "eP eR eF qP qR qF speaker-accuracy speakers-right quotes-found".
score() {
	awk -F'\t' -v detail="$2" -v errors="$3" -v sum="$tmp/$1.sum" '
	function f1(p, r) { return p + r > 0 ? 2 * p * r / (p + r) : 0 }
	function ratio(a, b) { return b > 0 ? a / b : 0 }
	function listing(what, k, text, out,   a) {
		split(k, a, SUBSEP)
		printf "  %-16s %s %s-%s %s%s\n", what, a[1], a[2], a[3], (4 in a ? a[4] " " : ""), text | out
	}
	function row(label, ok, gold, sys,   p, r) {
		p = ratio(ok, sys); r = ratio(ok, gold)
		printf "  %-9s %6.3f %6.3f %6.3f %5d %5d %5d\n", label, p, r, f1(p, r), gold, sys, ok
	}
	FILENAME == ARGV[1] {
		k = $2 SUBSEP $3 SUBSEP $4 SUBSEP $5
		if ($1 == "G") { gold[k] = $6; ng[$5]++; types[$5] = 1 }
		else { sys[k] = $6; ns[$5]++; types[$5] = 1 }
		next
	}
	{
		k = $2 SUBSEP $3 SUBSEP $4
		if ($1 == "G") { qg[k] = $6; gsp[k] = $5; nqg++ }
		else { qs[k] = $6; ssp[k] = $5; nqs++ }
	}
	END {
		for (k in sys) if (k in gold) { split(k, a, SUBSEP); ok[a[4]]++; eok++ }
		for (t in types) { eg += ng[t]; es += ns[t] }
		for (k in qs) if (k in qg) { qok++; if (ssp[k] == gsp[k]) spok++ }
		ep = ratio(eok, es); er = ratio(eok, eg)
		qp = ratio(qok, nqs); qr = ratio(qok, nqg)
		printf "%.4f %.4f %.4f %.4f %.4f %.4f %.4f %d %d\n", ep, er, f1(ep, er),
		    qp, qr, f1(qp, qr), ratio(spok, qok), spok, qok > sum
		if (detail) {
			printf "  %-9s %6s %6s %6s %5s %5s %5s\n", "type", "P", "R", "F1", "gold", "sys", "ok"
			n = split("PERSON ORG PLACE DATE TIME MONEY PERCENT EMAIL URL HANDLE HASHTAG", order, " ")
			for (i = 1; i <= n; i++) if (order[i] in types) { row(order[i], ok[order[i]], ng[order[i]], ns[order[i]]); done[order[i]] = 1 }
			for (t in types) if (!(t in done)) row(t, ok[t], ng[t], ns[t])
			row("ALL", eok, eg, es)
			row("quotes", qok, nqg, nqs)
			printf "  speakers  accuracy %.3f (%d of %d found quotes)\n", ratio(spok, qok), spok, qok
		}
		if (!errors) exit
		# one list in document order: article, then offset
		out = "sort -k3,3 -k4n"
		for (k in gold) if (!(k in sys)) listing("entity missed", k, gold[k], out)
		for (k in sys) if (!(k in gold)) listing("entity spurious", k, sys[k], out)
		for (k in qg) if (!(k in qs)) listing("quote missed", k, "[" gsp[k] "] " qg[k], out)
		for (k in qs) if (!(k in qg)) listing("quote spurious", k, "[" ssp[k] "] " qs[k], out)
		for (k in qs) if ((k in qg) && ssp[k] != gsp[k])
			listing("speaker wrong", k, "[" ssp[k] "] should be [" gsp[k] "]", out)
		close(out)
	}' "$tmp/$1.ents" "$tmp/$1.quotes"
}

# verdict VALUE TARGET: "ok" or "BELOW TARGET"
verdict() {
	awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 < t + 0 ? "BELOW TARGET" : "ok") }'
}

# row LABEL FIELD [TARGET [COUNTS]]: one row of the side-by-side summary:
# field FIELD (1-based, of the .sum files) of the tuning set and of each
# held-out set, each of those with its verdict against TARGET; COUNTS
# adds "(right/found)" (fields 8 and 9).
row() {
	printf '  %-18s' "$1"
	for set in tuning $heldout_sets; do
		awk -v f="$2" -v t="${3:-}" -v c="${4:-}" -v tuning="$([ "$set" = tuning ] && echo 1)" '{
			v = sprintf("%.3f", $f)
			if (c != "") v = v " (" $8 "/" $9 ")"
			if (t != "" && !tuning) v = v (($f + 0 < t + 0) ? " BELOW" : " ok")
			printf " %-22s", v
		}' "$tmp/$set.sum"
	done
	[ -n "${3:-}" ] && printf ' >= %s' "$3"
	echo
}

collect tuning $TUNING_DIRS
read -r tn tw <"$tmp/tuning.n"
echo "== tuning set: $tn articles, $tw words ($TUNING_DIRS)"
score tuning 1 "$errors" || exit 2
read -r tep ter tef tqp tqr tqf tsa tspok tqok <"$tmp/tuning.sum"

if [ "$floor" -eq 1 ]; then
	awk -v e="$tef" -v q="$tqf" -v s="$tsa" -v fe="$FLOOR_ENT" -v fq="$FLOOR_QUOTE" -v fs="$FLOOR_SPEAKER" 'BEGIN {
		if (e < fe) { printf "eval: tuning entity F1 %.3f below the floor %.2f\n", e, fe; bad = 1 }
		if (q < fq) { printf "eval: tuning quote F1 %.3f below the floor %.2f\n", q, fq; bad = 1 }
		if (s < fs) { printf "eval: tuning speaker accuracy %.3f below the floor %.2f\n", s, fs; bad = 1 }
		exit bad
	}'
	exit
fi

# Each held-out set on its own: its aggregates only.
heldout_sets=""
for dir in $HELDOUT_DIRS; do
	set_name=$(basename "$dir")
	collect "$set_name" "$dir"
	read -r hn hw <"$tmp/$set_name.n"
	[ "$hn" -gt 0 ] || continue
	echo
	echo "== held-out set $set_name: $hn articles, $hw words ($dir): aggregates only"
	score "$set_name" 0 "$heldout_errors" || exit 2
	heldout_sets="$heldout_sets $set_name"
done

echo
echo "== all sets (held-out targets: issue 14; ok or BELOW each held-out figure)"
printf '  %-18s' ""
for set in tuning $heldout_sets; do printf ' %-22s' "$set"; done
printf ' %s\n' "held-out target"
row "entities typed P" 1
row "entities typed R" 2
row "entities typed F1" 3 "$TARGET_ENT"
row "quote spans P" 4
row "quote spans R" 5
row "quote spans F1" 6 "$TARGET_QUOTE"
row "speaker accuracy" 7 "$TARGET_SPEAKER" counts
exit 0
