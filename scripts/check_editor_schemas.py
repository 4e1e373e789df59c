#!/usr/bin/env python3
"""Open the files of a workspace in the YAML language server (the engine of VS Code's YAML
extension, and of Neovim's, Helix's and Zed's), as an editor does, and check what it shows:

- every YAML file ``iku init --contoh`` makes finds its schema through its first line, offline,
  and gets no diagnostic (a valid file is never marked);
- each file of tests/corpus/skema gets a diagnostic on every line its ``# harap:`` lines name;
- hovering a key shows its Indonesian description; completion inside an indicator offers its keys
  and inside ``polaritas`` its values; in a pohon kinerja, a node's keys and the levels.

Needs: npm install -g yaml-language-server (or YLS=/path/to/yaml-language-server), ikutool
installed; run from the repository root. Not a test: CI has no Node.js.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from queue import Empty, Queue
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ikutool import schema as skema  # noqa: E402
from ikutool.workspace.sources import init_workspace  # noqa: E402


class Server:
    """A minimal LSP client over stdio."""

    def __init__(self, command: list[str], root: Path) -> None:
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.next_id = 0
        self.replies: dict[int, Queue] = {}
        self.diagnostics: dict[str, list[dict]] = {}
        self.seen: Queue = Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "capabilities": {
                    "textDocument": {
                        "hover": {"contentFormat": ["plaintext", "markdown"]},
                        "completion": {"completionItem": {"snippetSupport": False}},
                        "publishDiagnostics": {},
                    },
                    "workspace": {"configuration": True},
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings()})

    @staticmethod
    def settings() -> dict[str, Any]:
        return {
            "yaml": {
                "validate": True,
                "hover": True,
                "completion": True,
                "schemaStore": {"enable": False},  # offline: only the files' own schemas
                "yamlVersion": "1.2",
            }
        }

    def _send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        self.proc.stdin.flush()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            message = json.loads(stream.read(length))
            if "id" in message and "method" in message:  # a request from the server
                result: Any = None
                if message["method"] == "workspace/configuration":
                    result = [self.settings()["yaml"] for _ in message["params"]["items"]]
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})
            elif "id" in message:
                self.replies[message["id"]].put(message)
            elif message.get("method") == "textDocument/publishDiagnostics":
                uri = message["params"]["uri"]
                self.diagnostics[uri] = message["params"]["diagnostics"]
                self.seen.put(uri)

    def request(self, method: str, params: dict) -> Any:
        self.next_id += 1
        queue: Queue = Queue()
        self.replies[self.next_id] = queue
        self._send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return queue.get(timeout=30).get("result")

    def notify(self, method: str, params: dict) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def open(self, path: Path) -> list[dict]:
        """Open ``path`` and wait for its (settled) diagnostics."""
        uri = path.as_uri()
        self.diagnostics.pop(uri, None)
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": "yaml",
                    "version": 1,
                    "text": path.read_text(encoding="utf-8-sig"),
                }
            },
        )
        deadline = time.monotonic() + 20
        while uri not in self.diagnostics and time.monotonic() < deadline:
            try:
                self.seen.get(timeout=0.5)
            except Empty:
                pass
        time.sleep(0.3)  # a second publication (after the schema is read) replaces the first
        return self.diagnostics.get(uri, [])

    def close(self) -> None:
        self.proc.terminate()


def good_files() -> list[tuple[str, Path]]:
    """The files the tool accepts: the bundled data, the real tables, the test workspaces."""
    out = [
        ("iku", ROOT / "data" / "iku_2016_2021.yaml"),
        ("iku", ROOT / "ikutool/starter/iku.yaml"),
    ]
    folders = [
        ROOT / "data",
        *(ROOT / "tests" / "corpus" / n for n in ("bentuk", "lke", "triwulan")),
    ]
    folders += sorted((ROOT / "tests" / "nyata").iterdir())
    for folder in folders:
        if (folder / "iku.yaml").is_file():
            out.append(("iku", folder / "iku.yaml"))
        for kind in ("realisasi", "pk", "anggaran", "program", "renaksi"):
            out += [(kind, p) for p in sorted((folder / kind).glob("*.yaml"))]
        for name, kind in (
            ("tindak-lanjut.yaml", "tindak-lanjut"),
            ("ikutool.yaml", "ruang-kerja"),
        ):
            if (folder / name).is_file():
                out.append((kind, folder / name))
        for name in ("pohon", "rpjmd"):
            if (folder / "pohon" / f"{name}.yaml").is_file():
                out.append((name, folder / "pohon" / f"{name}.yaml"))
    # the hand-made regency: its RPJMD, and three agencies with their trees
    regency = ROOT / "tests" / "corpus" / "pohon" / "kabupaten"
    out.append(("rpjmd", regency / "rpjmd.yaml"))
    for agency in sorted(p for p in regency.iterdir() if p.is_dir()):
        out += [("iku", agency / "iku.yaml"), ("ruang-kerja", agency / "ikutool.yaml")]
        out.append(("pohon", agency / "pohon" / "pohon.yaml"))
        out += [("program", p) for p in sorted((agency / "program").glob("*.yaml"))]
    return out


def check_forms(server: Server, root: Path) -> int:
    """The lax forms and the mistakes of tests/test_schema.py (FORMS, KEY_FORMS), as the editor
    judges them: a form the tool accepts unmarked, a refused one marked."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_schema import BASE, FORMS, KEY_FORMS, put, to_yaml

    cases = [(k, put(BASE[k], p, v), ok) for k, p, v, ok in FORMS]
    cases += [(k, put(BASE[k], p, v, key=True), ok) for k, p, v, ok in KEY_FORMS]
    wrong = 0
    for n, (kind, data, accepted) in enumerate(cases):
        target = root / "bentuk" / f"{n:03d}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        line = skema.schema_line(kind, target, root)
        target.write_text(line + "\n" + to_yaml(data) + "\n", encoding="utf-8")
        marked = bool(server.open(target))
        if marked == accepted:
            wrong += 1
            print(f"WRONG {kind} {to_yaml(data)[:120]}: {'marked' if marked else 'not marked'}")
    print(f"{len(cases)} lax forms and mistakes: {len(cases) - wrong} judged as the tool does")
    return wrong


def check_pohon(server: Server, root: Path) -> int:
    """In a pohon kinerja: hovering ``level`` explains it once, in Indonesian (the key is also
    named by the rule that a program needs its uraian); completion offers a node's keys and the
    levels."""
    probe = root / "pohon" / "coba.yaml"
    probe.write_text(
        skema.schema_line("pohon", probe, root)
        + "\npohon:\n  - kode: P1\n    level: program\n    induk: S1\n    uraian: Program\n"
        "    \n  - kode: P1.01\n    level: \n",
        encoding="utf-8",
    )
    server.open(probe)
    failures = 0
    hover = server.request(
        "textDocument/hover",
        {"textDocument": {"uri": probe.as_uri()}, "position": {"line": 3, "character": 6}},
    )
    shown = json.dumps(hover, ensure_ascii=False) if hover else ""
    ok = shown.count("Jenjang simpul") == 1
    failures += not ok
    print(f"hover on level in pohon: {'once, Indonesian' if ok else 'WRONG'}: {shown[:200]}")
    for line_no, char, want in (
        (6, 4, {"mendukung", "pemilik", "indikator", "crosscutting"}),
        (8, 11, {"tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"}),
    ):
        result = server.request(
            "textDocument/completion",
            {
                "textDocument": {"uri": probe.as_uri()},
                "position": {"line": line_no, "character": char},
            },
        )
        items = result["items"] if isinstance(result, dict) else (result or [])
        labels = {i["label"] for i in items}
        ok = want <= labels
        failures += not ok
        print(
            f"completion in pohon at line {line_no + 1}: {'offers' if ok else 'MISSING'} "
            f"{sorted(want)} (of {sorted(labels)})"
        )
    return failures


def key_line(text: str, path: list[str]) -> int:
    """0-based line of the last key of ``path`` (the first line that names it, after its
    parents'), or of the parent when the key is missing (a required key)."""
    lines = text.splitlines()
    start = 0
    found = 0
    for seg in path:
        for i in range(start, len(lines)):
            stripped = lines[i].split("#")[0]
            if f"{seg}:" in stripped or f" {seg}," in stripped or f"{{{seg}" in stripped:
                found = i
                start = i
                break
    return found


def main() -> int:
    command = [os.environ.get("YLS") or shutil.which("yaml-language-server") or "", "--stdio"]
    if not command[0]:
        print(
            "yaml-language-server not found: npm install -g yaml-language-server", file=sys.stderr
        )
        return 2
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ruang kerja"
        init_workspace(root, contoh=True, force=False)
        server = Server(command, root)
        try:
            files = sorted(root.rglob("*.yaml"))
            for path in files:
                shown = [d["message"] for d in server.open(path)]
                if shown:
                    failures += 1
                    print(f"MARKED {path.relative_to(root)}: {shown}")
            print(f"{len(files)} files of iku init --contoh: {len(files) - failures} unmarked")
            good = good_files()
            marked = 0
            for n, (kind, source) in enumerate(good):
                target = root / "baik" / f"{n:03d}-{source.name}"
                target.parent.mkdir(parents=True, exist_ok=True)
                text = source.read_text(encoding="utf-8-sig")
                target.write_text(
                    skema.with_schema_line(text, skema.schema_line(kind, target, root)),
                    encoding="utf-8",
                )
                shown = [d["message"] for d in server.open(target)]
                if shown:
                    marked += 1
                    print(f"MARKED {source.relative_to(ROOT)}: {shown}")
            failures += marked
            print(f"{len(good)} valid files (data, tests/nyata, test workspaces): {marked} marked")
            failures += check_forms(server, root)
            corpus = sorted((ROOT / "tests" / "corpus" / "skema").glob("*/*.yaml"))
            caught = 0
            for source in corpus:
                kind = source.parent.name
                target = root / "korpus" / kind / source.name  # found by its first line
                target.parent.mkdir(parents=True, exist_ok=True)
                text = source.read_text(encoding="utf-8")
                text = skema.with_schema_line(text, skema.schema_line(kind, target, root))
                target.write_text(text, encoding="utf-8")
                diagnostics = server.open(target)
                lines = {d["range"]["start"]["line"] for d in diagnostics}
                messages = " ".join(d["message"] for d in diagnostics)
                missing = []
                for line in text.splitlines():
                    if not line.startswith("# harap: "):
                        continue
                    verdict, where = line.split(" ", 3)[2:]
                    keys = [w for w in where.split("/") if not w.isdigit()]
                    if verdict == "tidak-ada":  # said at the parent: "Missing property"
                        if f'Missing property "{keys[-1]}"' not in messages:
                            missing.append(where)
                    elif key_line(text, keys) not in lines:
                        missing.append(where)
                if missing or not diagnostics:
                    failures += 1
                    print(f"MISSED {kind}/{source.name}: {missing}; shown {diagnostics}")
                else:
                    caught += 1
                    first = diagnostics[0]
                    print(
                        f"  {kind}/{source.name}:{first['range']['start']['line'] + 1}: "
                        f"{first['message'][:90]}"
                    )
            print(f"{len(corpus)} files of tests/corpus/skema: {caught} marked where expected")
            # completion: a new key inside an indicator, and the values of polaritas
            probe = root / "korpus" / "probe.yaml"
            probe.write_text(
                skema.schema_line("iku", probe, root)
                + "\ninstansi: {nama: Dinas}\nperiode: {awal: 2019, akhir: 2021}\nsasaran:\n"
                "  - kode: S1\n    uraian: Sasaran\n    indikator:\n      - kode: S1.1\n"
                "        uraian: A\n        \n        polaritas: \n",
                encoding="utf-8",
            )
            server.open(probe)
            hover = server.request(
                "textDocument/hover",
                {
                    "textDocument": {"uri": probe.as_uri()},
                    "position": {"line": 10, "character": 10},
                },
            )
            shown = json.dumps(hover, ensure_ascii=False) if hover else ""
            ok = "makin tinggi makin baik" in shown
            failures += not ok
            print(f"hover on polaritas: {'Indonesian' if ok else 'MISSING'}: {shown[:200]}")
            for line_no, char, want in (
                (9, 8, {"agregasi_triwulan", "bobot", "target"}),
                (10, 19, {"positif", "negatif"}),
            ):
                result = server.request(
                    "textDocument/completion",
                    {
                        "textDocument": {"uri": probe.as_uri()},
                        "position": {"line": line_no, "character": char},
                    },
                )
                items = result["items"] if isinstance(result, dict) else (result or [])
                labels = {i["label"] for i in items}
                ok = want <= labels
                failures += not ok
                print(
                    f"completion at line {line_no + 1}: {'offers' if ok else 'MISSING'} "
                    f"{sorted(want)} (of {len(labels)}: {sorted(labels)[:12]})"
                )
            failures += check_pohon(server, root)
            entry = root / "korpus" / "2020.yaml"
            entry.write_text(
                skema.schema_line("realisasi", entry, root)
                + "\ntahun: 2020\nrealisasi:\n  S1.2:\n    \n",
                encoding="utf-8",
            )
            server.open(entry)
            for line_no, char, want in (
                (1, 0, {"status", "keterangan"}),
                (4, 4, {"nilai", "catatan", "triwulan", "pembanding"}),
            ):
                result = server.request(
                    "textDocument/completion",
                    {
                        "textDocument": {"uri": entry.as_uri()},
                        "position": {"line": line_no, "character": char},
                    },
                )
                items = result["items"] if isinstance(result, dict) else (result or [])
                labels = {i["label"] for i in items}
                ok = want <= labels
                failures += not ok
                print(
                    f"completion in realisasi at line {line_no + 1}: "
                    f"{'offers' if ok else 'MISSING'} {sorted(want)} (of {sorted(labels)})"
                )
        finally:
            server.close()
    print("OK" if not failures else f"{failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
