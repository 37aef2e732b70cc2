// readability.mjs: Mozilla's Readability on each page named (make
// eval-extract's reference).  Prints one JSON object per line: name,
// title, byline, published, site, body.  A page's NAME.headers charset is
// given to jsdom as the HTTP header would be; the body is the text of
// Readability's content with a blank line at every block boundary (its
// textContent would run paragraphs together).
import { readFileSync, existsSync } from "node:fs";
import { basename } from "node:path";
import { JSDOM } from "jsdom";
import { Readability } from "@mozilla/readability";

const BLOCK = new Set(["ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR",
  "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER", "H1", "H2", "H3",
  "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE",
  "SECTION", "TABLE", "TD", "TH", "TR", "UL"]);

function text(node, out) {
  for (const c of node.childNodes) {
    if (c.nodeType === 3) out.push(c.nodeValue);
    else if (c.nodeType === 1) {
      const block = BLOCK.has(c.tagName);
      if (block) out.push("\n\n");
      text(c, out);
      if (block) out.push("\n\n");
    }
  }
  return out;
}

for (const page of process.argv.slice(2)) {
  const bytes = readFileSync(page);
  const hdr = page.replace(/\.html$/, ".headers");
  let contentType = "text/html";
  if (existsSync(hdr)) {
    const m = /content-type:\s*(.*)/i.exec(readFileSync(hdr, "utf8"));
    if (m) contentType = m[1].trim();
  }
  const dom = new JSDOM(bytes, { contentType, url: "https://example.invalid/" });
  const art = new Readability(dom.window.document).parse();
  let body = "";
  if (art && art.content) {
    const frag = new JSDOM(art.content).window.document.body;
    body = text(frag, []).join("").split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, " ").trim()).filter((p) => p).join("\n\n");
  }
  console.log(JSON.stringify({
    name: basename(page),
    title: art ? art.title : null,
    byline: art ? art.byline : null,
    published: art ? art.publishedTime : null,
    site: art ? art.siteName : null,
    body,
  }));
}
