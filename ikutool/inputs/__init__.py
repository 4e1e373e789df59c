"""The file kinds beside the IKU (realisasi, PK, rencana aksi, program, anggaran, tindak-lanjut), each
a description read by one skeleton (``kind.py``); what ``iku validate`` does per file
(``checks.py``); in-place edits that keep comments (``editing.py``)."""
