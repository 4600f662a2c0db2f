"""Coding suggestions from a language model the user chose, held to a second coder's standard.

A model proposes codings (a code, a quote, a one-line reason) through a JSON schema; every quote is
anchored to an exact span of the stored text or dropped and counted; the suggestions wait, pending, in the
study until a person accepts (a coding by the coder «AI (MODEL)»), rejects or adjusts them. Nothing here
writes a coding by itself, and nothing opens a connection except a run the user started.

* :mod:`codebook.suggestions.llm` — the OpenAI-compatible chat client (bounded, retries on 429/503);
* :mod:`codebook.suggestions.prompt` — the prompt template (versioned), the JSON schema, the answer check;
* :mod:`codebook.suggestions.anchor` — a quote to a span: exact, through the Persian folding, or near-exact;
* :mod:`codebook.suggestions.store` — the runs, their chunks and the suggestions (the repository);
* :mod:`codebook.suggestions.run` — a run over chosen interviews and codes: chunk by chunk, resumable.
"""
