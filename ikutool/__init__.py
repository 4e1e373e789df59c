"""ikutool: Indikator Kinerja Utama (IKU), realisasi and capaian for LKjIP reports."""

__version__ = "0.1.0"
