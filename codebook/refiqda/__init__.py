"""REFI-QDA exchange (the standard of MAXQDA, ATLAS.ti, NVivo, QualCoder, Taguette).

* :func:`export_qdpx` / :func:`import_qdpx`: a whole study as a ``.qdpx`` project;
* :func:`export_qdc` / :func:`import_qdc`: the codebook alone as a ``.qdc``;
* :func:`export_archive` / :func:`import_archive`: the whole study, lossless,
  as a ``.mosahebeh.zip`` (not REFI-QDA: Mosahebeh to Mosahebeh).

Every file written is validated first against the official schemas shipped in
``schemas/`` (QDA-XML 1.0, MIT licence). How transcript text is laid out and
how positions are counted: :mod:`codebook.refiqda.layout`.
"""
from codebook.refiqda.codebook_xml import export_qdc, import_qdc
from codebook.refiqda.export import export_qdpx
from codebook.refiqda.import_ import ImportResult, import_qdpx, import_qdpx_new
from codebook.refiqda.study_archive import export_archive, import_archive
from codebook.refiqda.xmlutil import schema_errors

__all__ = ["export_archive", "import_archive", "export_qdpx", "import_qdpx", "import_qdpx_new", "ImportResult", "export_qdc", "import_qdc", "schema_errors"]
