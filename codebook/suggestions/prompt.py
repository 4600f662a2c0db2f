"""The prompt sent to the model, its JSON schema, and the check of what comes back.

The coding rules are the codebook's own words: each chosen code's name, description and memos. The
transcript goes in numbered segments (numbers local to the request, so no database id leaves the
computer). The template is versioned (:data:`PROMPT_VERSION`) and stored with each run, so a paper can
say exactly what the model was asked.

>>> schema = answer_schema(["تنهایی"], 2)
>>> check_answer('{"suggestions": [{"code": "تنهایی", "segment": 1, "quote": "x", "reason": "y"}]}', ["تنهایی"], 2)
[{'code': 'تنهایی', 'segment': 1, 'quote': 'x', 'reason': 'y'}]
>>> check_answer('{"suggestions": [{"code": "other", "segment": 1, "quote": "x", "reason": "y"}]}', ["تنهایی"], 2)
Traceback (most recent call last):
...
ValueError: unknown code
"""
from __future__ import annotations

import json
from dataclasses import dataclass

PROMPT_VERSION = "mosahebeh-suggest-1"
MAX_SUGGESTIONS = 12  # per request: more is not a careful reading
MAX_QUOTE = 600  # characters of a quote kept (a longer one is not a quote but a paste)
MAX_REASON = 300

SYSTEM = """You are a careful second coder in a qualitative interview study. You apply a codebook to \
interview transcript text, exactly as the codebook's rules say, and nothing more.
Rules:
- Use only the codes listed, by their exact names. A code applies only where its description and memos say it does.
- Each suggestion names one numbered segment and quotes words copied exactly from that segment \
(a phrase or sentence, not the whole segment unless all of it fits the code).
- Give a one-line reason that ties the quote to the code's rule.
- If nothing fits a code, do not suggest it. Fewer, well-founded suggestions are better than many.
Answer with JSON only, in the given schema."""

USER = """Codebook (the coding rules):
{codes}

Transcript segments:
{segments}

Suggest codings for these segments."""


def template() -> str:
    """The whole template as stored with a run (system and user parts)."""
    return f"[system]\n{SYSTEM}\n[user]\n{USER}"


@dataclass(frozen=True)
class CodeRule:
    """A code as the model is told it: its name and its rules (description and memos)."""
    name: str
    description: str = ""
    memos: tuple[str, ...] = ()

    def text(self) -> str:
        parts = [f"- {self.name}"]
        if self.description.strip():
            parts.append(f"  Description: {' '.join(self.description.split())}")
        for memo in self.memos:
            if memo.strip():
                parts.append(f"  Memo: {' '.join(memo.split())}")
        return "\n".join(parts)


def messages(rules: list[CodeRule], segments: list[str]) -> list[dict]:
    """The chat messages for one request: the rules and the numbered segments (from 1)."""
    numbered = "\n".join(f"[{n}] {' '.join(text.split())}" for n, text in enumerate(segments, 1))
    user = USER.format(codes="\n".join(r.text() for r in rules), segments=numbered)
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


def answer_schema(code_names: list[str], segments: int) -> dict:
    """The JSON schema of an answer: a list of {code, segment, quote, reason}."""
    return {
        "type": "object",
        "properties": {
            "suggestions": {
                "type": "array",
                "maxItems": MAX_SUGGESTIONS,
                "items": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string", "enum": list(code_names)},
                        "segment": {"type": "integer", "minimum": 1, "maximum": max(1, segments)},
                        "quote": {"type": "string", "minLength": 2, "maxLength": MAX_QUOTE},
                        "reason": {"type": "string", "minLength": 2, "maxLength": MAX_REASON},
                    },
                    "required": ["code", "segment", "quote", "reason"],
                },
            },
        },
        "required": ["suggestions"],
    }


def check_answer(content: str, code_names: list[str], segments: int) -> list[dict]:
    """The suggestions of an answer that follows the schema; ``ValueError`` naming what is wrong
    when it does not (the caller counts it: a nonsense answer costs nothing but a count)."""
    try:
        data = json.loads(content)
    except (TypeError, ValueError):
        raise ValueError("not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("suggestions"), list):
        raise ValueError("no suggestions list")
    names = set(code_names)
    out = []
    for item in data["suggestions"][:MAX_SUGGESTIONS]:
        if not isinstance(item, dict):
            raise ValueError("a suggestion is not an object")
        code, seg, quote, reason = (item.get(k) for k in ("code", "segment", "quote", "reason"))
        if not isinstance(code, str) or code not in names:
            raise ValueError("unknown code")
        if isinstance(seg, bool) or not isinstance(seg, int) or not 1 <= seg <= segments:
            raise ValueError("no such segment")
        if not isinstance(quote, str) or not isinstance(reason, str):
            raise ValueError("quote or reason is not text")
        out.append({"code": code, "segment": seg, "quote": quote[:MAX_QUOTE],
                    "reason": " ".join(reason.split())[:MAX_REASON]})
    return out
