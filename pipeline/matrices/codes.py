"""The codebook as the matrices see it: a flat, ordered table of codes with their place in the tree.

Matrices, the action plan and the report need the same few facts about every
code (label, theme, parent, depth, partners); reading them once here keeps the
rest independent of how the codebook module is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

CODE_COLUMNS = ["code", "label", "level", "depth", "parent", "theme", "definition", "partners", "colour", "order"]


@dataclass(frozen=True)
class CodeInfo:
    id: str
    label: str
    theme: str
    parent: str | None
    depth: int  # 0 for a theme
    definition: str
    partners: tuple[str, ...]  # the code's own, else its nearest ancestor's
    colour: str | None
    order: int  # position in the codebook, depth-first

    @property
    def level(self) -> str:
        return "theme" if self.depth == 0 else "sub-code"


def code_table(codebook: Any) -> list[CodeInfo]:
    """Every code of a codebook (pipeline.codebook.Codebook), depth-first, parents before children."""
    codes = list(codebook.all_codes())
    by_id = {c.id: c for c in codes}
    infos: list[CodeInfo] = []
    for order, code in enumerate(codes):
        chain = ancestors_of(code.id, {c.id: c.parent for c in codes})
        partners = next((tuple(by_id[a].partners) for a in chain if by_id[a].partners), ())
        infos.append(
            CodeInfo(
                id=code.id,
                label=code.label or code.id,
                theme=code.theme,
                parent=code.parent,
                depth=len(chain) - 1,
                definition=(code.definition or "").strip(),
                partners=partners,
                colour=code.colour,
                order=order,
            )
        )
    return infos


def ancestors_of(code_id: str, parents: dict[str, str | None]) -> list[str]:
    """The code itself, then its parent, up to its theme."""
    chain = [code_id]
    while parents.get(chain[-1]) and parents[chain[-1]] not in chain:
        chain.append(parents[chain[-1]])  # type: ignore[arg-type]
    return chain


def codes_frame(codes: list[CodeInfo]) -> pd.DataFrame:
    """The codebook snapshot written beside the matrices, so the report needs nothing outside results/."""
    rows = [
        (c.id, c.label, c.level, c.depth, c.parent or "", c.theme, c.definition, "; ".join(c.partners), c.colour or "", c.order)
        for c in codes
    ]
    return pd.DataFrame(rows, columns=CODE_COLUMNS)


def codes_from_frame(frame: pd.DataFrame) -> list[CodeInfo]:
    """Inverse of codes_frame, for the report."""
    frame = frame.fillna("")
    return [
        CodeInfo(
            id=str(r.code),
            label=str(r.label),
            theme=str(r.theme),
            parent=str(r.parent) or None,
            depth=int(r.depth),
            definition=str(r.definition),
            partners=tuple(p.strip() for p in str(r.partners).split(";") if p.strip()),
            colour=str(r.colour) or None,
            order=int(r.order),
        )
        for r in frame.sort_values("order").itertuples(index=False)
    ]
