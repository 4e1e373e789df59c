"""Another agency's workspace is untrusted: its git repository never makes anything run, the
history read is the workspace's own, and a history that cannot show everything is said, never
graded (issue 23). Every hostile route writes a payload that touches a marker file; the marker
must never appear, and where the history is intact it is still read right."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ikutool.workspace.sources import init_workspace

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def clean_env(**more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, HOME="/nonexistent")
    env.update(GIT_AUTHOR_NAME="Uji", GIT_AUTHOR_EMAIL="u@contoh.invalid")
    env.update(GIT_COMMITTER_NAME="Uji", GIT_COMMITTER_EMAIL="u@contoh.invalid", **more)
    return env


def git(cwd: Path, *args: str, **env: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          env=clean_env(**env))  # fmt: skip
    return done.stdout.decode()


def history_workspace(root: Path) -> Path:
    """A workspace whose iku.yaml has three commits: the first, one target changed, a comment."""
    init_workspace(root, contoh=True, force=False)
    git(root, "init", "-q")
    git(root, "add", "iku.yaml")
    git(root, "commit", "-q", "-m", "IKU awal", GIT_AUTHOR_DATE="2019-01-10T10:00:00")
    iku = root / "iku.yaml"
    iku.write_text(iku.read_text("utf-8").replace('2019: "60 org"', '2019: "65 org"', 1), "utf-8")
    git(root, "commit", "-q", "-am", "Reviu IKU", GIT_AUTHOR_DATE="2019-03-10T10:00:00")
    iku.write_text("# hanya komentar\n" + iku.read_text("utf-8"), "utf-8")
    git(root, "commit", "-q", "-am", "Komentar", GIT_AUTHOR_DATE="2019-05-10T10:00:00")
    return root


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """(workspace, marker, payload script): the script touches the marker when anything runs it."""
    root = history_workspace(tmp_path / "ws")
    marker = tmp_path / "DIJALANKAN"
    script = root / ".git" / "x"
    script.write_text(f"#!/bin/sh\ntouch '{marker}'\nexit 1\n", "utf-8")
    script.chmod(0o755)
    monkeypatch.chdir(root)
    return root, marker, script


def riwayat(iku_cli) -> dict:
    result = iku_cli("diff", "--riwayat", "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def read_right(data: dict) -> None:
    assert [v["judul"] for v in data["versi"]] == ["IKU awal", "Reviu IKU", "Komentar"]
    assert [len(v["perubahan"]) for v in data["versi"]] == [0, 1, 0]
    assert data["versi"][1]["perubahan"][0]["baru"] == "65 org"
    assert data["kekurangan"] == [] and data["jumlah"] == 3


def set_config(root: Path, *pairs: tuple[str, str], config: Path | None = None) -> None:
    for key, value in pairs:
        args = ["config", "--file", str(config)] if config else ["config"]
        git(root, *args, key, value)


CONFIG_ROUTES = {
    "fsmonitor": [("core.fsmonitor", "{x}")],
    "pager": [("core.pager", "{x}"), ("pager.log", "{x}"), ("pager.show", "{x}")],
    "diff.external": [("diff.external", "{x}")],
    "textconv": [("diff.iku.textconv", "{x}"), ("filter.iku.smudge", "{x}"),
                 ("filter.iku.clean", "{x}"), ("filter.iku.process", "{x}")],
    "hooksPath": [("core.hooksPath", "{hooks}")],
    "alias": [("alias.log", "!{x}"), ("alias.show", "!{x}"), ("alias.cat-file", "!{x}")],
    "sshCommand": [("core.sshCommand", "{x}"), ("core.gitProxy", "{x}")],
    "signature": [("log.showSignature", "true"), ("gpg.program", "{x}"),
                  ("gpg.ssh.program", "{x}")],
}  # fmt: skip


@pytest.mark.parametrize("route", sorted(CONFIG_ROUTES))
def test_a_config_route_runs_nothing(iku_cli, hostile, route) -> None:
    root, marker, script = hostile
    hooks = root / ".git" / "kait"
    hooks.mkdir()
    for name in ("post-checkout", "post-index-change", "reference-transaction", "pre-auto-gc"):
        shutil.copy(script, hooks / name)
    (root / ".gitattributes").write_text("*.yaml diff=iku filter=iku\n", "utf-8")
    for key, value in CONFIG_ROUTES[route]:
        set_config(root, (key, value.format(x=script, hooks=hooks)))
    data = riwayat(iku_cli)
    assert not marker.exists()
    read_right(data)


def signed_commit(root: Path) -> None:
    """A commit that carries a signature header (any content: git hands it to gpg.program)."""
    raw = git(root, "cat-file", "commit", "HEAD")
    head, _, message = raw.partition("\n\n")
    sig = "gpgsig -----BEGIN PGP SIGNATURE-----\n \n AAAA\n -----END PGP SIGNATURE-----"
    body = f"{head}\n{sig}\n\n{message}"
    sha = subprocess.run(["git", "hash-object", "-t", "commit", "-w", "--stdin"], cwd=root,
                         input=body.encode(), capture_output=True, check=True,
                         env=clean_env()).stdout.decode().strip()  # fmt: skip
    git(root, "update-ref", "HEAD", sha)


def test_route_b_signature_program_with_a_signed_commit(iku_cli, hostile) -> None:
    root, marker, script = hostile
    signed_commit(root)
    set_config(root, ("log.showSignature", "true"), ("gpg.program", ".git/x"))
    # the route is live for git run in the workspace: the payload fires
    subprocess.run(["git", "log", "-1"], cwd=root, capture_output=True, env=clean_env())
    assert marker.exists()
    marker.unlink()
    data = riwayat(iku_cli)
    assert not marker.exists()
    read_right(data)


def remove_old_blob(root: Path) -> None:
    """The first version's iku.yaml blob taken out of the object store (loose objects only)."""
    first = git(root, "rev-list", "--max-parents=0", "HEAD").strip()
    blob = git(root, "rev-parse", f"{first}:iku.yaml").strip()
    (root / ".git" / "objects" / blob[:2] / blob[2:]).unlink()


def test_route_a_partial_clone_lazy_fetch(iku_cli, hostile) -> None:
    root, marker, script = hostile
    remove_old_blob(root)
    set_config(
        root,
        ("core.repositoryformatversion", "1"),
        ("extensions.partialClone", "origin"),
        ("remote.origin.url", "ssh://contoh.invalid/x"),
        ("remote.origin.promisor", "true"),
        ("remote.origin.uploadpack", f"{script}"),
        ("core.sshCommand", f"{script}"),
    )
    first = git(root, "rev-list", "--max-parents=0", "HEAD").strip()
    subprocess.run(["git", "show", f"{first}:iku.yaml"], cwd=root, capture_output=True,
                   env=clean_env())  # fmt: skip
    assert marker.exists()  # the route is live for git run in the workspace
    marker.unlink()
    data = riwayat(iku_cli)
    assert not marker.exists()
    assert [v["judul"] for v in data["versi"]] == ["IKU awal", "Reviu IKU", "Komentar"]
    assert "objeknya hilang" in data["versi"][0]["catatan"]
    assert any("hilang" in why for why in data["kekurangan"])


@pytest.mark.parametrize("hiding", ["include", "nested include"])
def test_config_behind_a_dot_git_file_and_includes(iku_cli, hostile, hiding) -> None:
    root, marker, script = hostile
    signed_commit(root)
    hidden = root / "realisasi" / ".cache"
    shutil.move(root / ".git", hidden)
    (root / ".git").write_text("gitdir: realisasi/.cache\n", "utf-8")
    script = hidden / "x"
    extra = root / "pk" / "lain.cfg"
    set_config(root, ("log.showSignature", "true"), ("gpg.program", str(script)), config=extra)
    set_config(root, ("core.fsmonitor", str(script)), config=extra)
    if hiding == "nested include":
        outer = root / "renaksi" / "a.cfg"
        set_config(root, ("include.path", "../pk/lain.cfg"), config=outer)
        extra = outer
    set_config(root, ("include.path", str(extra)))
    subprocess.run(["git", "log", "-1"], cwd=root, capture_output=True, env=clean_env())
    assert marker.exists()  # the route is live for git run in the workspace
    marker.unlink()
    data = riwayat(iku_cli)
    assert not marker.exists()
    read_right(data)


def test_a_dot_git_file_pointing_outside_is_refused(iku_cli, hostile, tmp_path) -> None:
    root, marker, _ = hostile
    shutil.move(root / ".git", tmp_path / "luar.git")
    (root / ".git").write_text(f"gitdir: {tmp_path / 'luar.git'}\n", "utf-8")
    result = iku_cli("diff", "--riwayat")
    assert (
        result.exit_code == 2 and "IKU510" in result.output and "luar ruang kerja" in result.output
    )
    assert not marker.exists()


def test_the_officers_git_variables_change_nothing(iku_cli, hostile, tmp_path, monkeypatch) -> None:
    root, marker, script = hostile
    other = tmp_path / "lain"
    other.mkdir()
    git(other, "init", "-q")
    (other / "iku.yaml").write_text("bukan: iku\n", "utf-8")
    git(other, "add", "iku.yaml")
    git(other, "commit", "-q", "-m", "repositori lain")
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(other))
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "core.fsmonitor")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", str(script))
    monkeypatch.setenv("GIT_CONFIG_PARAMETERS", f"'core.pager={script}'")
    monkeypatch.setenv("GIT_EXTERNAL_DIFF", str(script))
    monkeypatch.setenv("GIT_PAGER", str(script))
    monkeypatch.setenv("GIT_OBJECT_DIRECTORY", str(other / ".git" / "objects"))
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", "\udcff")  # not even UTF-8
    data = riwayat(iku_cli)
    assert not marker.exists()
    read_right(data)


def test_a_folder_name_that_is_not_utf8(iku_cli, tmp_path, monkeypatch) -> None:
    try:
        root = Path(os.fsdecode(bytes(tmp_path) + b"/ws-\xff\xfe"))
        root.mkdir()
    except (OSError, UnicodeError):
        pytest.skip("this file system takes UTF-8 names only")
    history_workspace(root / "dinas")
    monkeypatch.chdir(root / "dinas")
    read_right(riwayat(iku_cli))
    result = iku_cli("diff", "--riwayat")
    assert result.exit_code == 0 and "Reviu IKU" in result.stdout


def test_commit_subjects_reach_the_terminal_inert(iku_cli, tmp_path, monkeypatch) -> None:
    root = history_workspace(tmp_path / "ws")
    iku = root / "iku.yaml"
    iku.write_text(iku.read_text("utf-8").replace('2019: "65 org"', '2019: "66 org"', 1), "utf-8")
    git(
        root,
        "commit",
        "-q",
        "-am",
        "Ubah\x1b]0;judul jendela\x07 \x1b]52;c;ZWNobyBoaQ==\x07\x1b[2K",
    )
    monkeypatch.chdir(root)
    out = iku_cli("diff", "--riwayat").stdout
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]52;c;" in out  # shown, not obeyed


# --- an incomplete history is said, not graded ----------------------------------------------


def six_changes(root: Path) -> None:
    """The lke corpus IKU committed, then changed six times within its period."""
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "IKU 2019", GIT_AUTHOR_DATE="2019-01-05T08:00:00")
    iku = root / "iku.yaml"
    old = "110 layanan"
    for n in range(1, 7):
        new = f"{110 + n} layanan"
        iku.write_text(iku.read_text("utf-8").replace(f'2021: "{old}"}}', f'2021: "{new}"}}', 1),
                       "utf-8")  # fmt: skip
        old = new
        git(root, "commit", "-q", "-am", f"Reviu {n}", GIT_AUTHOR_DATE=f"2020-0{n}-10T08:00:00")


def stabil(iku_cli) -> dict:
    result = iku_cli("lke", "--tahun", "2020", "-f", "json")
    assert result.exit_code == 0, result.output
    return {c["id"]: c for c in json.loads(result.stdout)["kriteria"]}["iku_stabil"]


@pytest.fixture
def lke_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(Path(__file__).parent / "corpus" / "lke", root)
    six_changes(root)
    monkeypatch.chdir(root)
    return root


def test_six_changes_grade_e_on_the_full_history(iku_cli, lke_ws) -> None:
    k = stabil(iku_cli)
    assert k["dapat_dihitung"] and k["nilai"] == "e" and len(k["temuan"]) == 6


def test_a_shallow_clone_is_not_graded(iku_cli, lke_ws, tmp_path, monkeypatch) -> None:
    clone = tmp_path / "dangkal"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{lke_ws}", str(clone))
    monkeypatch.chdir(clone)
    k = stabil(iku_cli)
    assert not k["dapat_dihitung"] and k["nilai"] is None
    assert "dangkal" in k["temuan"][0]["pesan"]
    data = riwayat(iku_cli)
    assert data["jumlah"] == 1 and any("dangkal" in why for why in data["kekurangan"])


def test_more_versions_than_read_is_not_graded(iku_cli, lke_ws, monkeypatch) -> None:
    monkeypatch.setattr("ikutool.definition.diff.MAX_VERSIONS", 3)
    k = stabil(iku_cli)
    assert not k["dapat_dihitung"] and "3 versi terbaru" in k["temuan"][0]["pesan"]
    table = iku_cli("diff", "--riwayat").stdout
    assert "3 dari 7 versi dibaca" in table


def test_grafts_and_replace_refs_are_said(iku_cli, lke_ws) -> None:
    head = git(lke_ws, "rev-parse", "HEAD").strip()
    first = git(lke_ws, "rev-list", "--max-parents=0", "HEAD").strip()
    git(lke_ws, "replace", "--graft", head, first)  # hides five versions from git log
    k = stabil(iku_cli)
    assert not k["dapat_dihitung"] and "replace" in k["temuan"][0]["pesan"]
    (lke_ws / ".git" / "info").mkdir(exist_ok=True)
    (lke_ws / ".git" / "info" / "grafts").write_text(f"{head} {first}\n", "utf-8")
    shutil.rmtree(lke_ws / ".git" / "refs" / "replace")
    k = stabil(iku_cli)
    assert not k["dapat_dihitung"] and "grafts" in k["temuan"][0]["pesan"]
