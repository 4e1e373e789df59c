"""The frame every page of the site shares: the head, the site's name and menu, the notice on
illustrative or provisional data, the breadcrumbs, the footer; relative links; the chart and
table tabs (both shown, each under its heading, without JavaScript; a few lines of inline script
make them tabs, and printing shows both again).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html import escape

CSS_FILE = "gaya.css"

CSS = """\
:root{--teks:#1b1f23;--redup:#4a5560;--garis:#8a949e;--latar:#f3f5f7;--utama:#0b4f8a}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",
sans-serif;font-size:1rem;line-height:1.5;color:var(--teks);background:#fff}
a{color:var(--utama)}a:focus-visible,button:focus-visible,.tabel:focus-visible{outline:3px solid
#c25e00;outline-offset:2px}
.lompat{position:absolute;left:-999px}.lompat:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header.situs{background:var(--utama);color:#fff;padding:.75rem 1rem}
header.situs a{color:#fff}.nama-situs{font-size:1.15rem;font-weight:700;margin:0}
.sub-situs{margin:0;font-size:.9rem}
nav.menu ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav.menu a{font-weight:600}nav.menu a[aria-current]{text-decoration:underline 3px}
main{max-width:68rem;margin:0 auto;padding:1rem}
.pemberitahuan{border:2px solid #a4161a;background:#fff5f5;color:#7d0f12;font-weight:700;
padding:.5rem .75rem;margin:0 0 1rem}.pemberitahuan p{margin:.25rem 0}
nav.jejak ol{list-style:none;margin:0 0 .5rem;padding:0;display:flex;flex-wrap:wrap;font-size:.9rem}
nav.jejak li+li::before{content:"\\203A";margin:0 .4rem;color:var(--redup)}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 .75rem}
h2{font-size:1.25rem;margin:1.75rem 0 .5rem;border-bottom:1px solid var(--garis)}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
.ringkas{font-size:1.1rem}.kecil{font-size:.875rem;color:var(--redup)}
.tabel{overflow-x:auto;margin:.25rem 0 .75rem}
table{border-collapse:collapse;width:100%;font-size:.925rem}
.judul-tabel{font-weight:700;margin:.75rem 0 .25rem}
th,td{border:1px solid var(--garis);padding:.3rem .45rem;vertical-align:top;text-align:left}
thead th{background:#e3e9ef}tbody th{font-weight:400}td.a,th.a{text-align:right;
font-variant-numeric:tabular-nums}tr.t td,tr.t th{font-weight:700;background:var(--latar)}
.catatan-tabel{font-size:.875rem;margin:.25rem 0 1rem;padding-left:1.1rem}
.unduh-data{font-size:.875rem;margin:.25rem 0 1rem}
dl.manual{display:grid;grid-template-columns:minmax(9rem,16rem) 1fr;gap:0;margin:.5rem 0}
dl.manual dt,dl.manual dd{margin:0;padding:.35rem .5rem;border-top:1px solid #d4dae0}
dl.manual dt{font-weight:700;background:var(--latar)}
.grafik{margin:.5rem 0 1rem;max-width:30rem}.grafik figcaption{font-weight:700;margin:.25rem 0}
.grafik svg{display:block;width:100%;height:auto}
.tab-daftar{display:flex;gap:.25rem;margin:.5rem 0 0;border-bottom:2px solid var(--utama)}
.tab-daftar button{font:inherit;font-weight:600;padding:.4rem 1rem;border:2px solid var(--utama);
border-bottom:0;background:#fff;color:var(--utama);cursor:pointer;border-radius:.3rem .3rem 0 0}
.tab-daftar button[aria-selected=true]{background:var(--utama);color:#fff}
.panel{padding:.25rem 0}.sr{position:absolute;width:1px;height:1px;overflow:hidden;
clip:rect(0 0 0 0);white-space:nowrap}
ul.daftar{padding-left:1.2rem}ul.daftar li{margin:.2rem 0}
.lencana{display:inline-block;padding:0 .4rem;border:1px solid var(--garis);border-radius:.25rem;
font-size:.85rem;white-space:nowrap}
footer.situs{border-top:1px solid var(--garis);margin-top:2rem;padding:1rem;font-size:.875rem;
color:var(--redup);max-width:68rem;margin-left:auto;margin-right:auto}
@media (max-width:40rem){main{padding:.75rem}h1{font-size:1.3rem}
dl.manual{grid-template-columns:1fr}dl.manual dd{border-top:0}
.tabel table,.tabel tbody,.tabel tr,.tabel td,.tabel tbody th{display:block}
.tabel thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.tabel tr{border:1px solid var(--garis);margin:0 0 .5rem;padding:.2rem 0}
.tabel td,.tabel tbody th{border:0;display:grid;grid-template-columns:42% 1fr;gap:.5rem;
text-align:left;padding:.15rem .45rem}.tabel td:empty,.tabel tbody th:empty{display:none}
.tabel td::before,.tabel tbody th::before{content:attr(data-label);font-weight:700;
color:var(--redup)}}
@media print{header.situs{background:none;color:#000;padding:0}header.situs a{color:#000}
nav.menu,.lompat,.tab-daftar,.unduh-data{display:none}.panel[hidden]{display:block}
.sr{position:static;width:auto;height:auto;clip:auto}main{max-width:none;padding:0}
a{color:#000;text-decoration:none}thead{display:table-header-group}tr{break-inside:avoid}
h2,h3{break-after:avoid}.grafik{break-inside:avoid}}
"""

# the tabs: a few lines, run once per page; without them both panels stay shown
SCRIPT = """<script>
document.querySelectorAll("[data-tab]").forEach(function(box){
var ps=[].slice.call(box.children),l=document.createElement("div");
l.className="tab-daftar";l.setAttribute("role","tablist");
function show(k){ps.forEach(function(p,i){p.hidden=i!==k;var b=l.children[i];
b.setAttribute("aria-selected",i===k?"true":"false");b.tabIndex=i===k?0:-1;});}
ps.forEach(function(p,i){var h=p.firstElementChild,b=document.createElement("button");
b.type="button";b.id=p.id+"-t";b.setAttribute("role","tab");b.setAttribute("aria-controls",p.id);
b.textContent=h.textContent;h.classList.add("sr");p.setAttribute("role","tabpanel");
p.setAttribute("aria-labelledby",b.id);b.onclick=function(){show(i);};
b.onkeydown=function(e){var d=e.key==="ArrowRight"?1:e.key==="ArrowLeft"?-1:0;
if(d){var k=(i+d+ps.length)%ps.length;show(k);l.children[k].focus();}};l.appendChild(b);});
box.insertBefore(l,box.firstChild);show(0);});
</script>"""


def esc(text: object) -> str:
    return escape(str(text), quote=True)


@dataclass
class Kerangka:
    """What every page of one site (an agency's, or a regency's) shows around its content."""

    nama: str  # the site's name (the agency, or "Perangkat Daerah Kabupaten ...")
    sub: str  # the line under it
    menu: list[tuple[str, str]]  # (label, path from the site root)
    catatan: list[str]  # the notice on illustrative or provisional data, on every page
    kaki: str  # the footer line
    css: str = CSS_FILE  # path of the style sheet from the site root
    akar: list[tuple[str, str]] = field(default_factory=list)  # breadcrumbs above the home


@dataclass
class Halaman:
    """One page: its path from the site root, its title, breadcrumbs and content."""

    path: str
    judul: str
    kerangka: Kerangka
    jejak: list[tuple[str, str]] = field(default_factory=list)  # (label, path) above this page
    parts: list[str] = field(default_factory=list)
    tabs: bool = False
    _ids: int = 0

    def href(self, target: str) -> str:
        """``target`` (a path from the site root, maybe with ``#part``) relative to this page."""
        path, _, frag = target.partition("#")
        rel = relative(path, self.path) if path else posixpath.basename(self.path)
        return rel + (f"#{frag}" if frag else "")

    def link(self, label: str, target: str) -> str:
        return f'<a href="{esc(self.href(target))}">{esc(label)}</a>'

    def new_id(self, stem: str) -> str:
        self._ids += 1
        return f"{stem}-{self._ids}"

    def add(self, *html: str) -> None:
        self.parts.extend(html)

    def h2(self, text: str, anchor: str | None = None) -> None:
        attr = f' id="{esc(anchor)}"' if anchor else ""
        self.parts.append(f"<h2{attr}>{esc(text)}</h2>")

    def p(self, text: str, cls: str | None = None) -> None:
        attr = f' class="{cls}"' if cls else ""
        self.parts.append(f"<p{attr}>{esc(text)}</p>")

    def tab_panels(self, panels: list[tuple[str, str]], level: int = 3) -> None:
        """Panels shown as tabs (Grafik, Tabel); each keeps its heading, so without the script,
        and on paper, both are there one after the other."""
        self.tabs = True
        out = ["<div data-tab>"]
        for title, body in panels:
            pid = self.new_id("panel")
            out.append(
                f'<section class="panel" id="{pid}"><h{level}>{esc(title)}</h{level}>'
                f"{body}</section>"
            )
        out.append("</div>")
        self.parts.append("".join(out))

    def render(self) -> bytes:
        k = self.kerangka
        menu = "".join(
            f'<li><a href="{esc(self.href(path))}"'
            + (' aria-current="page"' if path == self.path else "")
            + f">{esc(label)}</a></li>"
            for label, path in k.menu
        )
        notice = (
            '<div class="pemberitahuan" role="note">'
            + "".join(f"<p>{esc(line)}</p>" for line in k.catatan)
            + "</div>"
            if k.catatan
            else ""
        )
        crumbs = ""
        trail = [*k.akar, *self.jejak]
        if trail:
            crumbs = (
                '<nav class="jejak" aria-label="Jejak halaman"><ol>'
                + "".join(f"<li>{self.link(label, path)}</li>" for label, path in trail)
                + f'<li aria-current="page">{esc(self.judul)}</li></ol></nav>'
            )
        home = k.menu[0][1] if k.menu else self.path
        title = self.judul if self.judul == k.nama else f"{self.judul} - {k.nama}"
        html = [
            "<!DOCTYPE html>",
            '<html lang="id">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(title)}</title>",
            f'<link rel="stylesheet" href="{esc(self.href(k.css))}">',
            "</head>",
            "<body>",
            '<a class="lompat" href="#isi">Langsung ke isi</a>',
            '<header class="situs">',
            f'<p class="nama-situs"><a href="{esc(self.href(home))}">{esc(k.nama)}</a></p>',
            f'<p class="sub-situs">{esc(k.sub)}</p>' if k.sub else "",
            f'<nav class="menu" aria-label="Menu utama"><ul>{menu}</ul></nav>',
            "</header>",
            '<main id="isi">',
            notice,
            crumbs,
            f"<h1>{esc(self.judul)}</h1>",
            *self.parts,
            "</main>",
            f'<footer class="situs"><p>{esc(k.kaki)}</p></footer>',
            SCRIPT if self.tabs else "",
            "</body>",
            "</html>",
        ]
        return ("\n".join(line for line in html if line) + "\n").encode("utf-8")


def relative(target: str, page: str) -> str:
    """``target``, a path from the site root, as a link from ``page`` (also from the root): the
    site's own names have no ``.`` or ``..`` parts, so the common folders are simply dropped."""
    there, here = target.split("/"), page.split("/")[:-1]
    common = 0
    while common < min(len(there) - 1, len(here)) and there[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def daftar(items: list[str]) -> str:
    """A bulleted list of HTML fragments (already escaped)."""
    return '<ul class="daftar">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def slug(text: str, taken: set[str], fallback: str = "halaman") -> str:
    """A file name from ``text`` (a code, an agency's name): lower-case letters, digits and
    hyphens, at most 60 characters; a second of the same name gets ``-2``."""
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-") or fallback
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    taken.add(name)
    return name
