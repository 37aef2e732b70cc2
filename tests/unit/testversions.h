/*
 * testversions.h: the article the change-tracking tests edit (test_align
 * aligns its versions, test_track re-anchors annotations on them): five
 * paragraphs, P0 (the headline) to P4.
 */
#ifndef ARTREAD_TESTVERSIONS_H
#define ARTREAD_TESTVERSIONS_H

#define P0	"Harbour Vote Passes\n\n"
#define P1	"The council met on Tuesday night. After a long debate, " \
		"members approved the bridge by nine votes to four.\n\n"
#define P2	"Mayor Ada Lind said the vote was a turning point for the city.\n\n"
#define P3	"Opponents say the cost will rise. The finance office has said " \
		"the data is safe.\n\n"
#define P4	"Work is due to start in the spring.\n"
#define ART	P0 P1 P2 P3 P4
#define PASSAGE	"members approved the bridge by nine votes to four."
#define MAYOR	"Mayor Ada Lind said the vote was a turning point for the city."

#endif
