#!/usr/bin/env python3
"""ansi2png.py: draw a terminal screen captured with `tmux capture-pane -e`
(text with SGR colour sequences) as a PNG, cell by cell, in DejaVu Sans
Mono, with a plain window frame around it.  For `make screenshots`
(scripts/screenshots.sh); a developer's tool, not part of artread.

    python3 scripts/ansi2png.py SCREEN.ans OUT.png [--title TEXT]
        [--cols N] [--rows N]

Block elements (U+2580-U+259F) are painted as rectangles, so bars tile
without gaps whatever the font does.  Needs Pillow (Debian: python3-pil)
and fonts-dejavu-core.
"""

import argparse
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
FONT_SIZE = 15
PAD = 14                # around the screen, inside the frame
TITLE_H = 30            # the frame's title bar
MARGIN = 24             # around the frame (the shadow's room)

DEFAULT_FG = (208, 208, 208)
DEFAULT_BG = (24, 26, 30)
FRAME = (44, 47, 54)
TITLE_FG = (150, 155, 165)

# The 16 basic colours (a muted xterm palette).
BASIC = [
    (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16),
    (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
    (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67),
    (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255),
]


def color256(n):
    """xterm's 256-colour palette."""
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + 10 * (n - 232)
    return (v, v, v)


class Pen:
    """The SGR state: colours and attributes."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.italic = False
        self.underline = self.reverse = False

    def apply(self, params):
        codes = [int(p) if p else 0 for p in params.split(";")] \
            if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 3:
                self.italic = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 23:
                self.italic = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = BASIC[c - 30]
            elif 90 <= c <= 97:
                self.fg = BASIC[c - 90 + 8]
            elif c == 39:
                self.fg = None
            elif 40 <= c <= 47:
                self.bg = BASIC[c - 40]
            elif 100 <= c <= 107:
                self.bg = BASIC[c - 100 + 8]
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    rgb = color256(codes[i + 2])
                    i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    rgb = tuple(codes[i + 2:i + 5])
                    i += 4
                else:
                    rgb = None
                if c == 38:
                    self.fg = rgb
                else:
                    self.bg = rgb
            i += 1

    def colors(self):
        fg = self.fg or DEFAULT_FG
        bg = self.bg or DEFAULT_BG
        if self.bold and self.fg in BASIC[:8]:
            fg = BASIC[BASIC.index(self.fg) + 8]
        if self.reverse:
            fg, bg = bg, fg
        if self.dim:
            fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
        return fg, bg


def width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


SGR = re.compile(r"\x1b\[([0-9;]*)m")
OTHER_ESC = re.compile(r"\x1b[\[\]][^a-zA-Z]*[a-zA-Z]")


def parse(text, cols, rows):
    """The screen as rows of cells: (text, fg, bg, bold, italic, uline)."""
    pen = Pen()
    screen = []
    for line in text.split("\n")[:rows]:
        cells = []
        pos = 0
        while pos < len(line):
            m = SGR.match(line, pos)
            if m:
                pen.apply(m.group(1))
                pos = m.end()
                continue
            m = OTHER_ESC.match(line, pos)
            if m:
                pos = m.end()
                continue
            ch = line[pos]
            pos += 1
            w = width(ch)
            if w == 0 and cells:
                cells[-1] = (cells[-1][0] + ch,) + cells[-1][1:]
                continue
            fg, bg = pen.colors()
            cells.append((ch, fg, bg, pen.bold, pen.italic, pen.underline))
            if w == 2:
                cells.append(("", fg, bg, False, False, False))
        fg, bg = Pen().colors()
        while len(cells) < cols:
            cells.append((" ", fg, bg, False, False, False))
        screen.append(cells[:cols])
    while len(screen) < rows:
        screen.append([(" ",) + Pen().colors() + (False,) * 3] * cols)
    return screen


def block(draw, ch, x, y, cw, ch_h, fg, bg):
    """Paint a block element as rectangles; False if ch is none.  Full
    and left blocks (bars) and shades keep a little room above and below,
    as a terminal with some line spacing shows them, so that the bars of
    one row do not run into the next."""
    o = ord(ch)
    gap = ch_h // 6
    if o == 0x2588:                                     # full block
        draw.rectangle([x, y + gap, x + cw - 1, y + ch_h - 1 - gap],
                       fill=fg)
    elif 0x2589 <= o <= 0x258F:                         # left 7/8 .. 1/8
        w = round(cw * (0x2590 - o) / 8)
        draw.rectangle([x, y + gap, x + w - 1, y + ch_h - 1 - gap],
                       fill=fg)
    elif o == 0x2580:                                   # upper half
        draw.rectangle([x, y, x + cw - 1, y + ch_h // 2 - 1], fill=fg)
    elif 0x2581 <= o <= 0x2587:                         # lower 1/8 .. 7/8
        h = round(ch_h * (o - 0x2580) / 8)
        draw.rectangle([x, y + ch_h - h, x + cw - 1, y + ch_h - 1], fill=fg)
    elif o in (0x2591, 0x2592, 0x2593):                 # shades
        k = {0x2591: 0.25, 0x2592: 0.5, 0x2593: 0.75}[o]
        mix = tuple(round(b + (f - b) * k) for f, b in zip(fg, bg))
        draw.rectangle([x, y + gap, x + cw - 1, y + ch_h - 1 - gap],
                       fill=mix)
    else:
        return False
    return True


def render(screen, title, out):
    fonts = {
        (False, False): ImageFont.truetype(FONT_DIR + "DejaVuSansMono.ttf",
                                           FONT_SIZE),
        (True, False): ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Bold.ttf",
                                          FONT_SIZE),
        (False, True): ImageFont.truetype(
            FONT_DIR + "DejaVuSansMono-Oblique.ttf", FONT_SIZE),
        (True, True): ImageFont.truetype(
            FONT_DIR + "DejaVuSansMono-BoldOblique.ttf", FONT_SIZE),
    }
    base = fonts[(False, False)]
    ascent, descent = base.getmetrics()
    cw = round(base.getlength("M"))
    ch_h = ascent + descent + 2
    rows, cols = len(screen), len(screen[0])
    sw, sh = cols * cw + 2 * PAD, rows * ch_h + 2 * PAD
    fw, fh = sw, sh + TITLE_H
    img = Image.new("RGB", (fw + 2 * MARGIN, fh + 2 * MARGIN),
                    (255, 255, 255))
    draw = ImageDraw.Draw(img)
    # the frame: a soft shadow, the title bar, the screen
    for i in range(6, 0, -1):
        g = 255 - 6 * (7 - i)
        draw.rounded_rectangle([MARGIN - i + 2, MARGIN - i + 4,
                                MARGIN + fw + i + 2, MARGIN + fh + i + 4],
                               radius=10 + i, fill=(g, g, g))
    draw.rounded_rectangle([MARGIN, MARGIN, MARGIN + fw, MARGIN + fh],
                           radius=10, fill=FRAME)
    draw.rectangle([MARGIN, MARGIN + TITLE_H, MARGIN + fw,
                    MARGIN + fh - 10], fill=DEFAULT_BG)
    draw.rounded_rectangle([MARGIN, MARGIN + fh - 20, MARGIN + fw,
                            MARGIN + fh], radius=10, fill=DEFAULT_BG)
    for k, dot in enumerate([(237, 106, 94), (245, 191, 79),
                             (98, 197, 84)]):
        cx, cy = MARGIN + 18 + 20 * k, MARGIN + TITLE_H // 2
        draw.ellipse([cx - 6, cy - 6, cx + 6, cy + 6], fill=dot)
    if title:
        tw = fonts[(False, False)].getlength(title)
        draw.text((MARGIN + (fw - tw) / 2, MARGIN + (TITLE_H - ascent) / 2 - 1),
                  title, font=base, fill=TITLE_FG)
    x0, y0 = MARGIN + PAD, MARGIN + TITLE_H + PAD
    for r, cells in enumerate(screen):
        y = y0 + r * ch_h
        for c, (text, fg, bg, bold, italic, uline) in enumerate(cells):
            x = x0 + c * cw
            wide = text and width(text[0]) == 2
            draw.rectangle([x, y, x + cw * (2 if wide else 1) - 1,
                            y + ch_h - 1], fill=bg)
        for c, (text, fg, bg, bold, italic, uline) in enumerate(cells):
            x = x0 + c * cw
            if text and not block(draw, text[0], x, y, cw, ch_h, fg, bg) \
                    and text != " ":
                draw.text((x, y + 1), text, font=fonts[(bold, italic)],
                          fill=fg)
            if uline and text:
                draw.line([x, y + ascent + 2, x + cw - 1, y + ascent + 2],
                          fill=fg)
    img.save(out, optimize=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("screen")
    ap.add_argument("out")
    ap.add_argument("--title", default="")
    ap.add_argument("--cols", type=int, default=100)
    ap.add_argument("--rows", type=int, default=30)
    a = ap.parse_args()
    with open(a.screen, encoding="utf-8", errors="replace") as f:
        text = f.read().rstrip("\n")
    render(parse(text, a.cols, a.rows), a.title, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
