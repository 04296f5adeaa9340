"""Stage 6, assemble: read the parts of one headline group (section label, kicker, title, subtitles).

The reading is scored by the group's inner shape: a kicker that ends
"…时强调", a "——" subtitle, a profile line above a title add to it; a line
in a place no headline puts it takes away. The attachment step (``_attach``)
adds the score to what a group shares with an article's body.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from qhnews import _patterns as pat
from qhnews._records import Speaker
from qhnews._segment import _HLine


@attrs.frozen
class _Roles:
    section: str | None
    kicker: str | None
    title: str | None
    subtitles: tuple[str, ...]
    speaker: Speaker | None
    shape: float


@functools.lru_cache(maxsize=4096)
def _shape_flags(text: str) -> tuple[bool, bool, bool, bool, bool]:
    """(section label, subtitle dash, who-did subtitle, kicker end, kicker only) of one line."""
    return (
        pat.SECTION_DOT.match(text) is not None,
        text.startswith(("——", "—")),
        pat.SUBTITLE_WHO.search(text) is not None,
        pat.KICKER_END.search(text) is not None,
        pat.kicker_only(text),
    )


_WHO_DID_CHARS = 8  # a name and a verb: "X主持并讲话"; a title that ends so is longer ("X会见Y代表团")


def _roles(group: Sequence[_HLine]) -> _Roles:
    if len(group) == 1 and group[0].speaker is None:  # the common case, kept cheap
        text = group[0].text
        if _shape_flags(text)[4]:
            return _Roles(None, text, None, (), None, 0.0)
        if _shape_flags(text)[1]:
            return _Roles(None, None, None, (text,), None, -1.0)  # a subtitle without its title
        if _shape_flags(text)[2] and len(text) <= _WHO_DID_CHARS:
            return _Roles(None, None, text, (), None, -0.5)  # "X讲话" alone: a subtitle whose title is elsewhere
        if _shape_flags(text)[0]:
            return _Roles(None, None, text, (), None, -0.3)  # "A·B" alone: most often a section label over a title
        return _Roles(None, None, text, (), None, 0.0)
    speaker = next((h.speaker for h in group if h.speaker is not None), None)
    lines = [h.text for h in group if h.speaker is None]
    shape = 0.0
    if speaker is not None:
        shape += 0.4 if lines else -0.6
        if sum(h.speaker is not None for h in group) > 1:
            shape -= 1.0
        # A profile line opens its headline group, under a section label at most:
        # a line above it belongs to the group before.
        before = next(i for i, h in enumerate(group) if h.speaker is not None)
        if before > 1 or (before == 1 and not _shape_flags(group[0].text)[0]):
            shape -= 1.0
    section = None
    if len(lines) >= 2 and _shape_flags(lines[0])[0]:
        section, lines = lines[0], lines[1:]
        shape += 0.3
    subtitles: list[str] = []
    dash = next((i for i, t in enumerate(lines) if _shape_flags(t)[1]), None)
    if dash is not None:
        lines, subtitles = lines[:dash], lines[dash:]
        shape += 0.4 if lines else -1.0
    elif len(lines) >= 2 and _shape_flags(lines[-1])[2] and not _shape_flags(lines[-2])[3]:
        subtitles = [lines.pop()]
        shape += 0.3
    kicker = title = None
    if len(lines) == 1 and not subtitles and _shape_flags(lines[0])[4]:
        kicker = lines[0]  # "X在Y调研时强调" over a title the page does not show
    elif len(lines) == 1:
        title = lines[0]
    elif len(lines) >= 2:
        kicker, title = lines[0], lines[1]
        subtitles = lines[2:] + subtitles
        if _shape_flags(title)[4] and not _shape_flags(kicker)[4]:
            shape -= 1.0  # "X在Y调研时强调" heads a title, it stands under no other line
        elif _shape_flags(kicker)[2] and not _shape_flags(kicker)[3]:
            shape -= 1.0  # "X主持并讲话" stands under the title it belongs to, never over one
        elif _shape_flags(kicker)[3] or len(kicker) < 0.75 * len(title):
            shape += 0.4
        if len(lines) > 2:
            shape -= 0.3
    if title is None and kicker is None and not subtitles and section is None and speaker is None:
        shape -= 1.0
    return _Roles(section, kicker, title, tuple(subtitles), speaker, shape)
