"""The PySide6 app: thin views over :mod:`codebook` and :mod:`transcribe`.

Nothing imports this package; the ``mosahebeh`` command lives in
:mod:`desktop.cli` and imports Qt only when it opens a window.
"""
