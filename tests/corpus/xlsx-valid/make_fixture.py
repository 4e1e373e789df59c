"""Regenerate libreoffice-2020.xlsx: the 2020 template of the bundled IKU, per bidang, filled as
tests/test_impor.py fills it, then saved by LibreOffice (soffice --convert-to xlsx).

    python tests/corpus/xlsx-valid/make_fixture.py      # needs LibreOffice
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent.parent))

from ikutool.definition.load import load_iku  # noqa: E402
from ikutool.excel.template import realisasi_template_xlsx  # noqa: E402
from ikutool.workspace.paths import bundled_iku  # noqa: E402
from tests.test_impor import fill_like_a_user  # noqa: E402


def main() -> None:
    iku = load_iku(bundled_iku()).iku
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src = work / "libreoffice-2020.xlsx"
        src.write_bytes(
            realisasi_template_xlsx(iku, 2020, None, per_bidang=True, iku_label="iku.yaml")
        )
        fill_like_a_user(src)
        out = work / "out"
        out.mkdir()
        subprocess.run(
            ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{work}/profile",
             "--convert-to", "xlsx", "--outdir", str(out), str(src)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        shutil.copyfile(out / src.name, HERE / src.name)
    print(f"written: {HERE / src.name}")


if __name__ == "__main__":
    main()
