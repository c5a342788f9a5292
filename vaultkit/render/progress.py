"""Progress.md: the search at a glance. The figures come from rules/progress.py; this lays them out.

Charts are Mermaid `xychart-beta` (in the Mermaid that Obsidian bundles and
GitHub draws); every chart has its figures in a table too, since a chart has
no legend and some viewers draw no charts at all.
"""
from __future__ import annotations

from ..rules import Plan
from ..rules.progress import Progress, percent
from ..wording import long_day
from .applications import application_funnel
from .text import dashboard_head, md_text, plural

# outreach, replies, meetings: a blue bar, then orange and green lines
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_OF = {"written_to": "of the people in the vault", "answered": "of those written to",
       "met": "of those who answered", "gave_referrals": "of those met"}


def _rate(count: int, of: int | None) -> str:
    value = percent(count, of) if of is not None else None
    return "" if value is None else f"{value}%"


def _days(value: float) -> str:
    shown = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{shown} day{'' if shown == '1' else 's'}"


# Small tops the axis may take. Mermaid puts about ten ticks on it (d3's ticks()): up to 7 they
# fall on halves (0, 0.5, 1, ...), at 8, 9 and 10 on whole numbers; 1, 2, 3, 6 and 7 would give
# ticks in fifths or more than twelve of them.
_SMALL_TOPS = (4, 5, 8, 10)


def axis_top(values) -> int:
    """A top for a chart's value axis just past its peak, so a quiet stretch (a peak of 3) fills the
    chart instead of its bottom third; round, so the ticks Mermaid draws fall evenly."""
    top = max([*values, 1])
    for small in _SMALL_TOPS:
        if top <= small:
            return small
    for step in (5, 10, 20, 50, 100, 200, 500, 1000):
        if top <= step * 5:
            return -(-top // step) * step
    return top


def _colours(palette) -> str:
    return '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "' + ", ".join(palette) + '"}}}}%%'


def _funnel(p: Progress) -> list[str]:
    stages = p.funnel
    chart = ["```mermaid", _colours(PALETTE[:1]), "xychart-beta horizontal", '  title "From people in your vault to the people they led you to"',
             "  x-axis [" + ", ".join(f'"{s.label}"' for s in stages) + "]",
             f'  y-axis "People" 0 --> {axis_top(s.count for s in stages)}',
             "  bar [" + ", ".join(str(s.count) for s in stages) + "]", "```"]
    rows = ["| Stage | People | Rate |", "|---|--:|---|"]
    for s in stages:
        if s.key == "referrals_reached":
            rate = f"{_rate(s.count, s.of)} of the {plural(s.of or 0, 'person', 'people')} they named" if s.of else ""
        else:
            rate = f"{_rate(s.count, s.of)} {_OF[s.key]}" if s.of else ""
        rows.append(f"| {s.label} | {s.count:,} | {rate} |")
    return ["## The funnel\n", "\n".join(chart) + "\n", "\n".join(rows) + "\n",
            "*Written to*: an `#outreach` touch or an interview. *Answered*: a `#reply` touch, or an interview "
            "they agreed to (any status but `requested`). *Met*: a done interview. *Gave referrals*: named "
            "someone, in an interview's `referrals` or a `referred_by`. *Their referrals reached*: the people "
            "they named whom you have written to or met.\n"]


def _week(day) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _weeks(p: Progress) -> list[str]:
    if not p.weeks:
        return []
    weeks = p.weeks
    chart = ["```mermaid", _colours(PALETTE), "xychart-beta", '  title "Outreach, replies and meetings per week"',
             "  x-axis [" + ", ".join(f'"{_week(w.start)}"' for w in weeks) + "]",
             f'  y-axis "Per week" 0 --> {axis_top(v for w in weeks for v in (w.outreach, w.replies, w.meetings))}',
             "  bar [" + ", ".join(str(w.outreach) for w in weeks) + "]",
             "  line [" + ", ".join(str(w.replies) for w in weeks) + "]",
             "  line [" + ", ".join(str(w.meetings) for w in weeks) + "]", "```"]
    rows = ["| Week of | Outreach | Replies | Meetings |", "|---|--:|--:|--:|"]
    rows += [f"| {_week(w.start)} {w.start.year} | {w.outreach} | {w.replies} | {w.meetings} |" for w in weeks]
    total = [sum(getattr(w, k) for w in weeks) for k in ("outreach", "replies", "meetings")]
    rows.append(f"| **Twelve weeks** | **{total[0]}** | **{total[1]}** | **{total[2]}** |")
    return ["## The last twelve weeks\n", "\n".join(chart) + "\n",
            "Blue bars: messages you sent (`#outreach`). Orange line: replies (`#reply`). Green line: "
            "meetings (done interviews). Weeks run Monday to Sunday; the last one is this week, so far.\n",
            "\n".join(rows) + "\n"]


def _rates(p: Progress) -> list[str]:
    answered, written = p.stage("answered"), p.stage("written_to")
    lines = []
    if written.count:
        lines.append(f"- **Reply rate**: {_rate(answered.count, written.count)} "
                     f"({answered.count:,} of the {plural(written.count, 'person', 'people')} you wrote to answered).")
    else:
        lines.append("- **Reply rate**: nobody written to yet.")
    if p.reply_days:
        lines.append(f"- **Median time to a reply**: {_days(p.median_reply_days)} "
                     f"(from the first message to the first `#reply`, over {plural(len(p.reply_days), 'person', 'people')}).")
    else:
        lines.append("- **Median time to a reply**: no `#reply` after an `#outreach` yet.")
    hours = plural(p.thank_you_hours, "hour")
    if p.meetings:
        rest = [f"{n:,} {what}" for n, what in ((p.thanked_late, "sent later"),
                                                 (p.thanked_undated, "sent on a day not recorded"),
                                                 (p.not_thanked, "not sent yet")) if n]
        lines.append(f"- **Thank-yous within {hours}**: {_rate(p.thanked_on_time, p.meetings)} "
                     f"({p.thanked_on_time:,} of {plural(p.meetings, 'meeting')}"
                     + (f"; {', '.join(rest)}" if rest else "") + ").")
        per = f"{p.referrals_named / p.meetings:.1f}"
        lines.append(f"- **Referrals per meeting**: {per} ({plural(p.referrals_named, 'name')} "
                     f"from {plural(p.meetings, 'meeting')}, in their `referrals`).")
    else:
        lines.append(f"- **Thank-yous within {hours}** and **referrals per meeting**: no meetings yet.")
    return ["## Rates\n", "\n".join(lines) + "\n"]


def _fields(p: Progress) -> list[str]:
    if not p.per_field:
        return []
    rows = ["| Field | Met | Coming up | Cancelled, no-show or not recorded |", "|---|--:|--:|--:|"]
    rows += [f"| {md_text(f.field) if f.field else '(no field)'} | {f.met} | {f.upcoming} | {f.other} |"
             for f in p.per_field]
    return ["## Interviews per field\n", "\n".join(rows) + "\n"]


def render_progress(plan: Plan) -> str:
    p = plan.progress
    people, written, answered, met = (p.stage(k).count for k in ("people", "written_to", "answered", "met"))
    out = dashboard_head("Progress", plan.today, {"people": people, "written_to": written, "answered": answered,
                                                   "met": met})
    this_week = p.weeks[-1] if p.weeks else None
    week = (f" This week: {plural(this_week.outreach, 'message')} sent, {plural(this_week.replies, 'reply', 'replies')}, "
            f"{plural(this_week.meetings, 'meeting')}." if this_week else "")
    out.append(f"**{long_day(plan.today)}.** Of the {plural(people, 'person', 'people')} in your vault you have "
               f"written to {written:,}; {answered:,} answered, and you met {met:,}.{week}\n")
    out += _funnel(p) + application_funnel(p.applications) + _weeks(p) + _rates(p) + _fields(p)
    out.append("---\nWritten by vaultkit from your notes; the same notes and day give the same page.\n")
    return "\n".join(out)
