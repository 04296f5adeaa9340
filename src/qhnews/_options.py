"""The thresholds of the text layer (stages 4 and 5), in one immutable record.

Every number a rule of the reflow reads is a field here, with the step a
mutation run moves it by (``metadata["step"]``): a test pins each field by a
fixture that changes when it moves one step either way.
"""

from __future__ import annotations

import attrs

__all__ = ["ReflowOptions", "step"]


def step(default: int, by: int = 1) -> int:
    """An integer options field with its mutation step (1 for counts and widths)."""
    return attrs.field(default=default, metadata={"step": by})


@attrs.frozen
class ReflowOptions:
    """Thresholds of the reflow, in display cells (a Chinese character is two) or characters.

    Attributes:
        window: How many non-blank lines on each side inform a line's column width.
        short_margin: A line at least this much narrower than its column is short
            (a paragraph's last line, or its first, which lost its indent).
        unwrapped_width: Columns at least this wide mean the OCR did not wrap the
            text (one paragraph a line): no printed column is so wide.
        unwrapped_text_width: A line of running text (a sentence ends inside it)
            at least this wide is wider than a printed column holds (a column of
            body type holds some 10 to 25 characters): the OCR did not wrap it.
        headline_max_lines: The most lines a headline or subheading group may have.
        stacked_max_lines: The most lines of the headlines of two articles printed
            one over the other without a blank line (see the parsing guide).
        lead_search_chars: A lead byline says 讯 or 电 within this many characters
            of its start (本报上海7月10日讯…); lines without either are no lead byline.
        heading_max_width: The widest line, in cells, that may be a heading.
        heading_max_chars: The longest subheading, in characters, printed without
            a blank line above the paragraph it heads.
        dash_heading_max_chars: The longest text a subheading ending in "——" may close.
        heading_margin: A line ending no sentence this much short of its column,
            above a line of a paragraph's first-line width, is a heading.
        wide_margin: A line this much wider than the column of the paragraph under
            it is set in headline type: a heading printed without a blank line.
        far_margin: Far short: a line this much short of its column is no
            paragraph's first line (that one falls short by its indent only).
        first_line_margin: A paragraph's first line short by more than this has
            ended its paragraph: it was a one-line paragraph.
        indent_tolerance: A line within this many cells of its column's width is
            as wide as running text (its indent and a character).
        fill_tolerance: A line within this many cells of its column fills it.
        hang_cells: Punctuation may hang this far past the column's edge.
        clause_commas: A line with this many commas or more is running text.
        caption_max_chars: The longest paragraph, in characters, that a photo
            credit on the line below makes a caption (a body paragraph is longer).
        caption_credit_gap: The most blank lines between a caption and the credit
            line under it.
        lead_bracket_lines: The most lines a dateline and its people wrap over,
            in its brackets (本报讯（见习记者 X / 特约通讯员 X 实习 / 生 X）…) or
            before 报道 (本报地N日讯 X、Y报道：): a line among them that reads as
            a form of its own (特约通讯员 X) is the dateline's, within this many lines.
        wrapped_lead_chars: A dateline wrapped onto the next line says 讯 or 电
            within this many characters of that line's start (新华社北京7月 /
            10日电…): a narrower column wraps more of it.
    """

    window: int = step(8)
    short_margin: int = step(3)
    unwrapped_width: int = step(100)
    unwrapped_text_width: int = step(60)
    headline_max_lines: int = step(4)
    stacked_max_lines: int = step(8)
    lead_search_chars: int = step(40)
    heading_max_width: int = step(120)
    heading_max_chars: int = step(40)
    dash_heading_max_chars: int = step(50)
    heading_margin: int = step(9)
    far_margin: int = step(12)
    wide_margin: int = step(4)
    first_line_margin: int = step(7)
    indent_tolerance: int = step(6)
    fill_tolerance: int = step(2)
    hang_cells: int = step(2)
    clause_commas: int = step(2)
    caption_max_chars: int = step(150)
    caption_credit_gap: int = step(1)
    lead_bracket_lines: int = step(3)
    wrapped_lead_chars: int = step(8)
