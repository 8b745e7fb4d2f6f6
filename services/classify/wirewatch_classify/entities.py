"""Entity gazetteer: countries (ISO alpha-2), agencies and places.

Names live in ``data/entities.yaml`` and are compiled into the same lexicon as
the topic phrases, so entity extraction costs no extra pass over the text.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from wirewatch_classify.lexicon import Lexicon

GAZETTEER_PATH = Path(__file__).resolve().parent / "data" / "entities.yaml"

KINDS = ("countries", "agencies", "places")


class Gazetteer(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    countries: dict[str, list[str]]
    agencies: dict[str, list[str]]
    places: dict[str, list[str]]

    def register(self, lexicon: Lexicon) -> None:
        for kind in KINDS:
            for name, phrases in getattr(self, kind).items():
                lexicon.add_all(phrases, ("E", kind, name))


def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    return Gazetteer.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
