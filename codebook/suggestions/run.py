"""A suggestion run: chosen interviews and codes, asked of a model chunk by chunk, resumable.

:func:`start` stores the run (server, model, prompt template and version, codes, whether the text is
pseudonymised) and its chunks (runs of consecutive segments up to :data:`CHUNK_CHARS` characters). :func:`work`
does the pending chunks in order; each chunk's outcome is stored in one transaction, so a run that was killed
continues with the chunk it was on (``work`` again, or :func:`resume`).

What leaves the computer: the chosen codes' names, descriptions and memos, and the text of the chosen
interviews' segments, pseudonymised through the study's replacement list
(:meth:`codebook.pseudonymise.Replacer.for_study`) unless the user turned that off for a server on this computer.
No database id, participant, date or file name is sent.

An answer that is not the schema counts as ``invalid``; a quote not found in its segment as ``dropped``; a
request that got no answer (a timeout, a server error) as ``failed`` (its chunk is tried again on resume).
None of these stops a run, except a server that cannot be reached at all.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from codebook.errors import StudyError
from codebook.pseudonymise import Replacer
from codebook.suggestions import prompt
from codebook.suggestions.anchor import anchor
from codebook.suggestions.llm import ChatClient, ServerError, ServerTimeout, is_local
from codebook.suggestions.store import Run, Suggestions

if TYPE_CHECKING:
    from codebook.study import Study

CHUNK_CHARS = 3000  # transcript characters per request: room for the rules and the answer in a small context
MAX_CODES = 40  # codes per request: a longer codebook is a sign to choose


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    suggestions: int  # kept so far in this call
    seconds_left: float | None


def chunk_segments(segments: list, limit: int = CHUNK_CHARS) -> list[list[int]]:
    """Runs of consecutive segment ids whose texts add up to at most ``limit`` characters (a longer segment
    is a chunk of its own). Segments with no text are left out."""
    chunks: list[list[int]] = []
    current: list[int] = []
    size = 0
    for s in segments:
        if not s.text.strip():
            continue
        if current and size + len(s.text) > limit:
            chunks.append(current)
            current, size = [], 0
        current.append(s.id)
        size += len(s.text)
    if current:
        chunks.append(current)
    return chunks


def rules(study: Study, code_ids: list[int]) -> list[prompt.CodeRule]:
    """The coding rules of the chosen codes: name, description, memos."""
    out = []
    for cid in code_ids:
        code = study.codes.get(cid)
        memos = tuple(m.text for m in study.memos.list("code", cid))
        out.append(prompt.CodeRule(code.name, code.description, memos))
    return out


def resolve_codes(study: Study, names: list[str] | None) -> list[int]:
    """Code ids by name (every code of the codebook when none are named; categories are not codes)."""
    codes = [c for c in study.codes.list() if c.kind == "code"]
    if not names:
        if not codes:
            raise StudyError("The codebook has no codes to suggest.")
        return [c.id for c in codes][:MAX_CODES]
    by_name = {c.name: c.id for c in codes}
    out = []
    for name in names:
        if name not in by_name:
            raise StudyError("No code named {name} in this study.", name=name)
        out.append(by_name[name])
    if len(out) > MAX_CODES:
        raise StudyError("Choose at most {limit} codes for one run.", limit=MAX_CODES)
    return out


def start(study: Study, *, server: str, model: str, interview_ids: list[int], code_ids: list[int],
          pseudonymise: bool = True) -> Run:
    """Store a new run and its chunks (nothing is sent yet)."""
    if not pseudonymise and not is_local(server):
        raise StudyError("Text goes to {server} unpseudonymised only when that server is on this computer "
                         "(127.0.0.1 or localhost).", server=server)
    if not code_ids:
        raise StudyError("Choose at least one code.")
    chunks = []
    for iid in interview_ids:
        study.interviews.get(iid)
        for ids in chunk_segments(study.transcripts.segments(iid), CHUNK_CHARS):
            chunks.append((iid, ids))
    if not chunks:
        raise StudyError("The chosen interviews have no transcript text.")
    repo = Suggestions(study)
    with study.atomic():
        return repo.new_run(server=server, model=model, prompt_version=prompt.PROMPT_VERSION,
                            prompt=prompt.template(), code_ids=code_ids, pseudonymised=pseudonymise, chunks=chunks)


def work(study: Study, run_id: int, client: ChatClient, *,
         progress: Callable[[Progress], None] | None = None,
         cancelled: Callable[[], bool] = lambda: False,
         sent: Callable[[list[dict]], None] | None = None) -> Run:
    """Do the run's pending (and earlier failed) chunks; returns the run as it stands after.
    ``sent`` sees each request's messages as they leave (the panel shows what leaves the computer)."""
    repo = Suggestions(study)
    run = repo.run(run_id)
    code_ids = [c for c in run.code_ids if _exists(study, c)]
    if not code_ids:
        raise StudyError("The codes of this run were deleted.")
    code_rules = rules(study, code_ids)
    names = [r.name for r in code_rules]
    by_name = dict(zip(names, code_ids, strict=True))
    replacer = Replacer.for_study(study, enabled=run.pseudonymised)
    todo = repo.chunks(run_id)
    done0, total = repo.chunk_count(run_id)
    repo.set_run_state(run_id, "running")
    began, kept, unreachable = time.monotonic(), 0, 0
    for n, chunk in enumerate(todo):
        if cancelled():
            repo.set_run_state(run_id, "cancelled")
            return repo.run(run_id)
        segments = [s for s in (_place(study, i) for i in chunk.segment_ids) if s is not None and s.text.strip()]
        shown = [replacer.apply(s.text) for s in segments]
        messages = prompt.messages(code_rules, [r.text for r in shown])
        if sent is not None:
            sent(messages)
        try:
            content = client.complete(messages, prompt.answer_schema(names, len(segments)))
            unreachable = 0
        except ServerTimeout:
            repo.finish_chunk(chunk.id, "failed", [], failed=1)
            continue
        except ServerError:
            if cancelled():
                repo.set_run_state(run_id, "cancelled")
                return repo.run(run_id)
            unreachable += 1
            repo.finish_chunk(chunk.id, "failed", [], failed=1)
            if unreachable >= 3:
                repo.set_run_state(run_id, "failed")
                raise
            continue
        try:
            answer = prompt.check_answer(content, names, len(segments))
        except ValueError:
            repo.finish_chunk(chunk.id, "done", [], invalid=1)
            answer = None
        if answer is not None:
            found: list[dict] = []
            dropped = 0
            for item in answer:
                seg, replaced = segments[item["segment"] - 1], shown[item["segment"] - 1]
                span = _anchor_back(seg.text, replaced, item["quote"])
                if span is None:
                    dropped += 1
                    continue
                start_, end_, how = span
                if any(f["segment_id"] == seg.id and f["code_id"] == by_name[item["code"]]
                       and f["start"] == start_ and f["end"] == end_ for f in found):
                    continue  # the same suggestion twice in one answer
                found.append({"interview_id": chunk.interview_id, "code_id": by_name[item["code"]],
                              "segment_id": seg.id, "start": start_, "end": end_, "quote": seg.text[start_:end_],
                              "reason": item["reason"], "anchor": how})
            repo.finish_chunk(chunk.id, "done", found, proposed=len(answer), dropped=dropped)
            kept += len(found)
        if progress is not None:
            elapsed = time.monotonic() - began
            left = elapsed / (n + 1) * (len(todo) - n - 1)
            progress(Progress(done0 + n + 1, total, kept, left))
    repo.set_run_state(run_id, "done" if not repo.chunks(run_id) else "incomplete")
    return repo.run(run_id)


def unfinished(study: Study, *, server: str, model: str, interview_ids: list[int], code_ids: list[int]) -> Run | None:
    """An earlier run of the same request (server, model, interviews, codes) with work left: asking again
    continues it instead of starting over (after a kill, or a server that stopped answering)."""
    repo = Suggestions(study)
    for r in reversed(repo.unfinished_runs()):
        if r.server != server or r.model != model or list(r.code_ids) != list(code_ids):
            continue
        ivs = {row[0] for row in study.db.execute("SELECT DISTINCT interview_id FROM suggestion_chunks "
                                                   "WHERE run_id = ?", [r.id]).fetchall()}
        if ivs == set(interview_ids):
            return r
    return None


def resume(study: Study, client: ChatClient, **kw) -> list[Run]:
    """Continue every unfinished run of ``client``'s server and model."""
    repo = Suggestions(study)
    return [work(study, r.id, client, **kw) for r in repo.unfinished_runs()
            if r.model == client.model and r.server == client.url]


def _anchor_back(original: str, replaced, quote: str) -> tuple[int, int, str] | None:
    """Anchor ``quote`` in the text as sent, then map the span back to the stored text (a span inside a
    replaced name widens to the whole name)."""
    found = anchor(replaced.text, quote)
    if found is None:
        return None
    a, b, how = found
    spans = getattr(replaced, "spans", ())
    if spans:
        a, b = _back(spans, a, end=False), _back(spans, b, end=True)
    if b <= a or not original[a:b].strip():
        return None
    return a, b, how


def _back(spans, new: int, *, end: bool) -> int:
    """An offset of the replaced text as an offset of the original (the inverse of ``Replaced.offset``);
    an offset inside a replacement goes to the start of the name replaced (its end for ``end``).

    >>> _back([(3, 8, 3, 5)], 2, end=False), _back([(3, 8, 3, 5)], 4, end=True), _back([(3, 8, 3, 5)], 6, end=True)
    (2, 8, 9)
    """
    shift = 0
    for o0, o1, n0, n1 in spans:
        if new <= n0:
            return new + shift
        if new < n1:
            return o1 if end else o0
        shift = o1 - n1
    return new + shift


def _place(study: Study, segment_id: int):
    try:
        return study.transcripts.place(segment_id)
    except StudyError:
        return None  # deleted since the run began


def _exists(study: Study, code_id: int) -> bool:
    try:
        return study.codes.get(code_id).kind == "code"
    except StudyError:
        return False
