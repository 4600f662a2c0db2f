"""Coding suggestions in the app: the language model server's settings (``server_box``, ``keys``), the run
dialog (``run_dialog``: progress, time left, cancel, resume), the review panel (``panel``), its undo steps
(``commands``). The suggested spans are marked in the transcript editor by
:mod:`desktop.transcript.suggested`."""
