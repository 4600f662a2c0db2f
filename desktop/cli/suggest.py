"""``mosahebeh suggest``: coding suggestions from a language model server, stored pending, and their review.

    mosahebeh suggest --study PATH --interview ID [--codes NAME …] --server URL --server-model NAME [--json]
    mosahebeh suggest --study PATH --accept IDS|all
    mosahebeh suggest --study PATH --reject IDS|all
    mosahebeh suggest --study PATH --list [--json]
    mosahebeh suggest --study PATH --paper RESEARCHER

The key (if the server wants one) comes from ``MOSAHEBEH_LLM_KEY``, never from the command line.
No coding is written until a suggestion is accepted. The same request cut short (killed, a server that stopped
answering) is continued by asking again.
"""
from __future__ import annotations

import argparse
import json
import os
import sys


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "suggest", help="coding suggestions from a language model server you name; accept or reject them",
        description="Ask an OpenAI-compatible chat server (Ollama, llama.cpp, vLLM, a lab server) to suggest codings "
                    "of an interview, each a quote anchored to the stored text and a one-line reason. They are "
                    "stored pending: no coding is written until you accept one (then it is a coding by the coder "
                    "'AI (MODEL)', counted in agreement like a second coder). The text sent is pseudonymised with "
                    "the study's replacement list. A server key, if needed, is read from MOSAHEBEH_LLM_KEY.")
    p.add_argument("--study", metavar="PATH", required=True, help="the study folder (NAME.mosahebeh)")
    p.add_argument("--interview", metavar="ID", type=int, help="the interview to ask about")
    p.add_argument("--codes", metavar="NAME", nargs="+", help="the codes to suggest (default: every code)")
    p.add_argument("--server", metavar="URL", help="the chat server, e.g. http://127.0.0.1:8080 (no default)")
    p.add_argument("--server-model", metavar="NAME", help="the model name as the server lists it")
    p.add_argument("--timeout", metavar="S", type=float, default=120.0, help="seconds to wait for one answer "
                   "(default 120)")
    p.add_argument("--no-pseudonymise", action="store_true",
                   help="send the text as stored (only to a server on this computer: 127.0.0.1 or localhost)")
    p.add_argument("--accept", metavar="IDS", help="accept suggestions: ids such as 3,5,8, or all (pending ones)")
    p.add_argument("--reject", metavar="IDS", help="reject suggestions: ids such as 3,5,8, or all (pending ones)")
    p.add_argument("--list", action="store_true", help="list the pending suggestions")
    p.add_argument("--paper", metavar="RESEARCHER", help="print the sentence for the paper: the model, the prompt, "
                   "how many suggestions were accepted, and the agreement between RESEARCHER and the model")
    p.add_argument("--json", action="store_true", help='print JSON: {"suggestions": [{"id", "code", "segment", '
                   '"start", "end", "quote", "reason"}]}')
    p.set_defaults(func=run)


def _as_json(study, suggestions) -> dict:
    names = {c.id: c.name for c in study.codes.list()}
    return {"suggestions": [{"id": s.id, "code": names.get(s.code_id, ""), "segment": s.start_segment_id,
                             "start": s.start_offset, "end": s.end_offset, "quote": s.quote, "reason": s.reason}
                            for s in suggestions]}


def _print(study, suggestions, as_json: bool, fa: bool = False) -> None:
    if as_json:
        json.dump(_as_json(study, suggestions), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    for item in _as_json(study, suggestions)["suggestions"]:
        if fa:
            from desktop.messages.cli_output import num

            print(f"{num(item['id'], '>6')}  {item['code']}  بخش {num(item['segment'])} "
                  f"[{num(item['start'])}:{num(item['end'])}]  «{item['quote']}»  {item['reason']}")
            continue
        print(f"{item['id']:>6}  {item['code']}  segment {item['segment']} [{item['start']}:{item['end']}]  "
              f"«{item['quote']}»  {item['reason']}")


def run(args: argparse.Namespace) -> int:
    from codebook.errors import StudyError
    from codebook.study import Study
    from codebook.suggestions import run as runs
    from codebook.suggestions.llm import ChatClient
    from codebook.suggestions.report import paper_sentence
    from codebook.suggestions.store import Suggestions
    from desktop.cli import cli_language
    from desktop.messages.cli_output import num

    fa = cli_language(args) == "fa"
    chosen = [x for x in ("interview", "accept", "reject", "list", "paper") if getattr(args, x) not in (None, False)]
    if len(chosen) != 1:
        raise StudyError("Give one of --interview, --accept, --reject, --list or --paper.")
    with Study.open(args.study) as study:
        repo = Suggestions(study)
        if args.accept or args.reject:
            ids = repo.resolve(args.accept or args.reject)
            with study.atomic():
                for i in ids:
                    repo.accept(i) if args.accept else repo.reject(i)
            if fa:
                print(f"{num(len(ids))} پیشنهاد {'پذیرفته' if args.accept else 'رد'} شد.")
                return 0
            verb = "Accepted" if args.accept else "Rejected"
            print(f"{verb} {len(ids)} suggestion{'s' if len(ids) != 1 else ''}.")
            return 0
        if args.list:
            _print(study, repo.list(), args.json, fa)
            return 0
        if args.paper:
            print(paper_sentence(study, args.paper, lang="fa") if fa else paper_sentence(study, args.paper))
            return 0
        if not args.server or not args.server_model:
            raise StudyError("Name the server (--server URL) and its model (--server-model NAME): there is no default.")
        client = ChatClient(args.server, args.server_model, os.environ.get("MOSAHEBEH_LLM_KEY"),
                            timeout=args.timeout)
        code_ids = runs.resolve_codes(study, args.codes)
        started = runs.unfinished(study, server=client.url, model=client.model, interview_ids=[args.interview],
                                  code_ids=code_ids)  # the same request cut short before: continued, not redone
        if started is None or started.pseudonymised == args.no_pseudonymise:
            started = runs.start(study, server=client.url, model=client.model, interview_ids=[args.interview],
                                 code_ids=code_ids, pseudonymise=not args.no_pseudonymise)

        def say(p: runs.Progress) -> None:
            if not args.json:
                print(f"  {p.done}/{p.total} parts, {p.suggestions} suggestions", file=sys.stderr)

        done = runs.work(study, started.id, client, progress=say)
        found = repo.list(run_id=done.id)
        _print(study, found, args.json, fa)
        print(f"{len(found)} suggestion{'s' if len(found) != 1 else ''} stored pending; "
              f"{done.dropped} quote(s) not in the text dropped, {done.invalid} answer(s) outside the schema, "
              f"{done.failed} request(s) without an answer.", file=sys.stderr)
    return 0
