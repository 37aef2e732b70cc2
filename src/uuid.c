/*
 * uuid.c: UUID URNs for annotation ids.
 */
#include "artread/uuid.h"

#include <ctype.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "artread/sha256.h"

/* Where the dashes go in the 36 characters. */
static int
dash_at(size_t i)
{
	return i == 8 || i == 13 || i == 18 || i == 23;
}

void
uuid_from_bytes(const unsigned char b[16], char out[UUID_URN_LEN])
{
	static const char hex[] = "0123456789abcdef";
	size_t i, k = 0;
	char *p = out + strlen(UUID_URN_PREFIX);

	strcpy(out, UUID_URN_PREFIX);	/* the rest is written over it */
	for (i = 0; i < 36; i++) {
		if (dash_at(i)) {
			p[i] = '-';
			continue;
		}
		p[i] = hex[k % 2 == 0 ? b[k / 2] >> 4 : b[k / 2] & 15];
		k++;
	}
	p[36] = '\0';
}

/* Set the version nibble and the RFC 9562 variant bits. */
static void
set_version(unsigned char b[16], unsigned version)
{
	b[6] = (unsigned char)((b[6] & 0x0f) | version << 4);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
}

/* splitmix64: mixes the fallback seed when /dev/urandom is missing. */
static uint64_t
mix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

void
uuid_random(char out[UUID_URN_LEN])
{
	static uint64_t counter;
	unsigned char r[16];
	struct timespec ts;
	uint64_t x, y;
	ssize_t got = 0;
	int fd, i;

	if ((fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) != -1) {
		got = read(fd, r, sizeof r);
		close(fd);
	}
	if (got != (ssize_t)sizeof r) {
		clock_gettime(CLOCK_REALTIME, &ts);
		x = mix64((uint64_t)ts.tv_sec ^ (uint64_t)getpid() << 32 ^
		    ++counter);
		y = mix64(x ^ (uint64_t)ts.tv_nsec);
		for (i = 0; i < 8; i++) {
			r[i] = (unsigned char)(x >> (8 * i));
			r[8 + i] = (unsigned char)(y >> (8 * i));
		}
	}
	set_version(r, 4);
	uuid_from_bytes(r, out);
}

void
uuid_from_name(const char *kind, const void *name, size_t n,
    char out[UUID_URN_LEN])
{
	unsigned char md[SHA256_LEN];
	struct sha256 c;

	sha256_init(&c);
	sha256_update(&c, kind, strlen(kind) + 1);	/* with its NUL */
	sha256_update(&c, name, n);
	sha256_final(&c, md);
	set_version(md, 8);
	uuid_from_bytes(md, out);
}

int
uuid_parse(const char *s, char out[UUID_URN_LEN])
{
	size_t plen = strlen(UUID_URN_PREFIX), i;

	if (strncasecmp(s, UUID_URN_PREFIX, plen) != 0 ||
	    strlen(s) != plen + 36)
		return 0;
	for (i = 0; i < 36; i++) {
		if (dash_at(i) ? s[plen + i] != '-' :
		    !isxdigit((unsigned char)s[plen + i]))
			return 0;
	}
	if (out != NULL) {
		strcpy(out, UUID_URN_PREFIX);
		for (i = 0; i <= 36; i++)
			out[plen + i] = (char)tolower((unsigned char)s[plen + i]);
	}
	return 1;
}

/* The value of a hexadecimal digit (it is one). */
static unsigned
hex_value(char c)
{
	return isdigit((unsigned char)c) ? (unsigned)(c - '0') :
	    (unsigned)(tolower((unsigned char)c) - 'a' + 10);
}

int
uuid_from_hex(const char *s, char out[UUID_URN_LEN])
{
	unsigned char b[16];
	size_t i;

	if (strlen(s) != 32)
		return 0;
	for (i = 0; i < 32; i++) {
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	}
	for (i = 0; i < 16; i++)
		b[i] = (unsigned char)(hex_value(s[2 * i]) << 4 |
		    hex_value(s[2 * i + 1]));
	uuid_from_bytes(b, out);
	return 1;
}
