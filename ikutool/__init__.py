"""ikutool: Indikator Kinerja Utama (IKU), realisasi and capaian for LKjIP reports."""

import os

# pydantic looks up plugins through importlib.metadata on first use (~15 ms of every start-up);
# ikutool uses none. A user who wants one can still set the variable themselves.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

__version__ = "0.4.0"
