#!/bin/sh
# eval.sh: accuracy of artread's entities and quotes against gold files.
#   sh tests/eval.sh [--floor] [DIR...]
# For every DIR/NAME.txt (default: sample-articles and tests/data/heldout)
# with gold tests/data/gold/NAME.entities.tsv / NAME.quotes.tsv, runs
# "$ARTREAD --entities" and "--quotes" and prints per-type precision,
# recall and F1 (exact span and type), quote span F1 (exact span) and
# speaker accuracy (gold quotes whose span was found: speaker text
# equal, "-" included), with totals for sample-articles (tuning set) and
# heldout.  --floor exits 1 when the tuning set falls below the floors.
cd "$(dirname "$0")/.." || exit 2
ARTREAD=${ARTREAD:-./artread}
GOLD=${GOLD:-tests/data/gold}
FLOOR_ENT=0.90
FLOOR_QUOTE=0.97
FLOOR_SPEAKER=0.90
floor=0
if [ "$1" = "--floor" ]; then
	floor=1
	shift
fi
[ $# -gt 0 ] || set -- sample-articles tests/data/heldout
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# evaluate SETNAME FILES... : prints the table, appends totals to $tmp/sum
evaluate() {
	set_name=$1
	shift
	: >"$tmp/ents" ; : >"$tmp/quotes"
	n=0
	for f in "$@"; do
		[ -f "$f" ] || continue
		name=$(basename "$f" .txt)
		ge="$GOLD/$name.entities.tsv"
		gq="$GOLD/$name.quotes.tsv"
		if [ -f "$ge" ]; then
			"$ARTREAD" --entities "$f" >"$tmp/out" 2>/dev/null
			awk -v n="$name" -F'\t' '{print "G\t" n "\t" $0}' "$ge" >>"$tmp/ents"
			awk -v n="$name" -F'\t' '{print "S\t" n "\t" $0}' "$tmp/out" >>"$tmp/ents"
		fi
		if [ -f "$gq" ]; then
			"$ARTREAD" --quotes "$f" >"$tmp/out" 2>/dev/null
			awk -v n="$name" -F'\t' '{print "G\t" n "\t" $0}' "$gq" >>"$tmp/quotes"
			awk -v n="$name" -F'\t' '{print "S\t" n "\t" $0}' "$tmp/out" >>"$tmp/quotes"
		fi
		[ -f "$ge" ] || [ -f "$gq" ] && n=$((n + 1))
	done
	echo "== $set_name: $n articles"
	[ "$n" -gt 0 ] || return 0
	awk -F'\t' -v set="$set_name" '
	function f1(p, r) { return p + r > 0 ? 2 * p * r / (p + r) : 0 }
	function ratio(a, b) { return b > 0 ? a / b : 0 }
	FNR == 1 { file++ }
	file == 1 {
		k = $2 SUBSEP $3 SUBSEP $4 SUBSEP $5
		if ($1 == "G") { gold[k] = 1; ng[$5]++; types[$5] = 1 }
		else { sys[k] = 1; ns[$5]++; types[$5] = 1 }
		next
	}
	file == 2 {
		k = $2 SUBSEP $3 SUBSEP $4
		if ($1 == "G") { qg[k] = 1; gsp[k] = $5; nqg++ }
		else { qs[k] = 1; ssp[k] = $5; nqs++ }
	}
	END {
		printf "  %-9s %6s %6s %6s %5s %5s %5s\n", "type", "P", "R", "F1", "gold", "sys", "ok"
		for (k in sys) if (k in gold) { split(k, a, SUBSEP); ok[a[4]]++; tok++ }
		for (t in types) {
			p = ratio(ok[t], ns[t]); r = ratio(ok[t], ng[t])
			printf "  %-9s %6.3f %6.3f %6.3f %5d %5d %5d\n", t, p, r, f1(p, r), ng[t], ns[t], ok[t]
			tg += ng[t]; ts += ns[t]
		}
		p = ratio(tok, ts); r = ratio(tok, tg); ef = f1(p, r)
		printf "  %-9s %6.3f %6.3f %6.3f %5d %5d %5d\n", "ALL", p, r, ef, tg, ts, tok
		for (k in qs) if (k in qg) { qok++; if (ssp[k] == gsp[k]) spok++ }
		p = ratio(qok, nqs); r = ratio(qok, nqg); qf = f1(p, r)
		sa = ratio(spok, qok)
		printf "  quotes    %6.3f %6.3f %6.3f %5d %5d %5d\n", p, r, qf, nqg, nqs, qok
		printf "  speakers  accuracy %.3f (%d of %d found quotes)\n", sa, spok, qok
		printf "%s %.4f %.4f %.4f\n", set, ef, qf, sa > "/dev/stderr"
	}' "$tmp/ents" "$tmp/quotes" 2>>"$tmp/sum"
}

for dir in "$@"; do
	evaluate "$dir" "$dir"/*.txt
done
if [ "$floor" -eq 1 ]; then
	awk -v fe="$FLOOR_ENT" -v fq="$FLOOR_QUOTE" -v fs="$FLOOR_SPEAKER" '
	$1 == "sample-articles" {
		seen = 1
		if ($2 < fe) { printf "eval: entity F1 %.3f below the floor %.2f\n", $2, fe; bad = 1 }
		if ($3 < fq) { printf "eval: quote F1 %.3f below the floor %.2f\n", $3, fq; bad = 1 }
		if ($4 < fs) { printf "eval: speaker accuracy %.3f below the floor %.2f\n", $4, fs; bad = 1 }
	} END { exit bad || !seen }' "$tmp/sum" || status=1
fi
exit $status
