"""The public SAKIP site (``iku situs``) as files: pages (:mod:`.halaman` the frame, :mod:`.instansi`
an agency's pages, :mod:`.kabupaten` a regency's), tables with their CSV and JSON
(:mod:`.tabel`), SVG charts (:mod:`.grafik`) and the documents offered for download
(:mod:`.unduhan`). Everything here lays out figures computed elsewhere; nothing is computed.

The site is plain files with relative links: it opens from a folder, a USB stick or any web
host, with no server and no network (no external font, script or image). Its bytes depend on
the workspace's files only (no clock, no paths, sorted and stable), so a rebuild of unchanged
files changes nothing.
"""
