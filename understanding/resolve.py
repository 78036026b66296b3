"""Match a parsed `Request` against the user's calendar: which events, and what stands in the way.

`resolve(request, events, now)` compares everything in the user's zone (`now.tzinfo`)
and applies the defaults a person expects: "my 3pm" is today's if it is still ahead,
else the next day that has one; a bare "5" is 5 pm; "the standup" is the nearest
upcoming one; two meetings at the named time are a question, not a guess. A span
("everything on Friday") means every meeting that day the user can still answer: it
leaves out all-day events, cancelled ones, ones that already started, ones the user
organizes and ones already answered the way asked. `fetch_window(request, now)` is the
range of days the bot must read from Graph before resolving.

Judgement calls (where a sensible person could go either way, this is the rule):
- Meetings that start at the same minute are listed in the calendar's own order.
- "after 3" takes a meeting starting at 3; "between 1 and 4" leaves out one starting at 4.
- A part of the day alone ("decline my afternoon", "tomorrow morning") is every meeting in it.
- "X except Y" drops what Y names from what X finds; Y takes X's day when it names none.
- "the interview + the debrief": a meeting one reference names outright is not another
  reference's pick when that one is named only by subject words.
- "my next 2 meetings" skips meetings already declined or cancelled, like "my next meeting".
- Cancelling a meeting someone else organizes means declining it.
- A timed meeting belongs to the day it starts: tonight's 22:00-01:00 is not "tomorrow's"
  (one lasting a day or more covers every day it spans).
- Titles that hold the user's words equally well are told apart by word order: "design
  review" is "Weekly design review" before "Review design tokens".
- "Louis's meetings" (a possessive) is the ones Louis organizes when there are any; "the
  one Summer set up" is only meetings Summer organizes; "the meeting with Jordan" prefers
  nobody, so two different meetings with Jordan are a question.
- A clock time said in another zone ("11am Eastern", "8pm Sydney time") is compared on that
  zone's clock for the meeting's own date (daylight saving included). IST is the clocks
  called IST that day (India, Israel in winter, Ireland in summer): different meetings for
  different readings are a question; a mailbox on one of them means its own.
- "next Friday" (and "the Thursday after next") with a meeting on both readings is a question.
- A clock time plus words that name nothing on the calendar ("the 3pm recruiting thing")
  is a question, not a match. "both ..." with other than two meetings is a question.
- "the call before the all-hands", "the one after lunch": the nearest meeting on the
  landmark's day; the user's own lunch is a landmark like any other.
- A slip of the keyboard is forgiven only when no title has the words as typed ("my lunch"
  is never "Jordan launch review").
- A request with time words that could not be read (`Request.unclear`: "my 25pm",
  "everything next year") matches nothing: the bot names the words and asks.
- "customer calls" beside a title holding "customer": when the title reading and the
  external-meetings reading find different meetings, it is a question over both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from graph.models import Event, Person
from understanding.fuzzy import similar, words
from understanding.model import REACH_DAYS
from understanding.parse import ACTIONS, MeetingRef, Request

RESPOND = ("decline", "accept", "tentative")
_MAIL_HOSTS = frozenset("gmail outlook hotmail live yahoo icloud me mail proton protonmail aol gmx web".split())
_ALREADY = {
    "decline": ("declined", "already_declined"),
    "accept": ("accepted", "already_accepted"),
    "tentative": ("tentativelyAccepted", "already_tentative"),
}
_LOOK_AHEAD = 14  # days read for "the standup" or "my next meeting"
_TIME_AHEAD = 7  # days read for "my 3pm": today and the next week


@dataclass(frozen=True, slots=True)
class Resolution:
    status: str  # matched | ambiguous | none
    events: tuple[Event, ...] = ()  # matched events, or the candidates to choose from, in time order
    event_ids: tuple[str, ...] = ()  # what to POST to (series master ids when scope is series)
    # Per event id, why Regrets may not act on it: past, cancelled, already_declined,
    # already_accepted, already_tentative, organizer (own meeting), not_organizer (cannot cancel).
    problems: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    window: tuple[datetime, datetime] | None = None  # the days the reference covers
    intent: str = "other"  # what to do; "cancel" of someone else's meeting becomes "decline"
    scope: str = "occurrence"
    unmatched: int = 0  # meeting references that found nothing
    # "decline the 2pm and suggest 5pm": the new time for the one meeting matched, as long as it was.
    proposed_time: tuple[datetime, datetime] | None = None
    # Words not English and in no meeting's title or people ("the standup jutro"): not understood,
    # so nothing is picked and the bot asks.
    unknown: tuple[str, ...] = ()


@lru_cache(maxsize=4096)
def name_words(name: str, address: str) -> frozenset[str]:
    """The words a person may be called by: name, mailbox name, and their company (mail domain)."""
    local, _, domain = address.partition("@")
    out = set(words(name)) | set(words(local.replace(".", " ").replace("_", " ")))
    # "the sync with the Fabrikam people": a guest's company is the name of their mail domain.
    label = domain.split(".")[0] if domain else ""
    if label and label not in _MAIL_HOSTS:
        out.add(label)
    return frozenset(out)


def _pair(event: Event) -> bool:
    people = {p.address.lower() for p in event.attendees if p.address}
    if event.organizer and event.organizer.address:
        people.add(event.organizer.address.lower())
    return len(people) == 2 or (event.is_organizer and len(people) == 1 and bool(event.attendees))


class _Item:
    __slots__ = ("event", "start", "end", "day", "last_day", "timed", "minute", "subject", "names", "key", "index")

    def __init__(self, event: Event, tz: tzinfo, index: int = 0) -> None:
        self.event = event
        self.index = index  # the calendar's own order breaks ties between meetings at one time
        if isinstance(event.start, datetime) and isinstance(event.end, datetime):
            self.timed = True
            self.start = event.start.astimezone(tz)
            self.end = event.end.astimezone(tz)
            self.day = self.start.date()
            last = self.end - timedelta(microseconds=1) if self.end > self.start else self.start
            # A meeting that runs past midnight belongs to the day it starts ("tomorrow" does not
            # take tonight's 22:00-01:00); only one lasting a day or more covers the days it spans.
            long = self.end - self.start >= timedelta(days=1)
            self.last_day = max(self.day, last.date()) if long else self.day
            self.minute = self.start.hour * 60 + self.start.minute
        else:
            self.timed = False
            first = event.start.date() if isinstance(event.start, datetime) else event.start
            end = event.end.date() if isinstance(event.end, datetime) else event.end
            self.day = first
            self.last_day = max(first, end - timedelta(days=1))
            self.start = datetime.combine(first, time(0), tzinfo=tz)
            self.end = datetime.combine(self.last_day + timedelta(days=1), time(0), tzinfo=tz)
            self.minute = -1
        self.subject = words(event.subject)
        people = [event.organizer, *event.attendees] if event.organizer else list(event.attendees)
        names: set[str] = set()
        for person in people:
            names.update(name_words(person.name, person.address))
        # "my 1:1 with Austin" is "Dana <> Austin" or "Riley / Dana": a meeting of the user and one
        # other person titled with nothing but their names is a one-to-one ("Ops review" is not).
        if (
            _pair(event)
            and any(w in names for w in self.subject)
            and all(w in names or len(w) == 1 for w in self.subject)
        ):
            names.add("oneonone")
        self.names = names
        self.key = event.series_master_id or " ".join(self.subject) or event.id


def _problems(item: _Item, intent: str, now: datetime) -> tuple[str, ...]:
    event = item.event
    out = []
    if event.is_cancelled:
        out.append("cancelled")
    if item.end <= now:
        out.append("past")
    if intent in _ALREADY and event.response == _ALREADY[intent][0]:
        out.append(_ALREADY[intent][1])
    if intent in RESPOND and event.is_organizer:
        out.append("organizer")
    if intent == "cancel" and not event.is_organizer:
        out.append("not_organizer")
    return tuple(out)


def _prefer(pool: list[_Item], intent: str, now: datetime, series: bool) -> list[_Item]:
    """Drop candidates the user cannot mean when better ones remain (cancelled, answered, own)."""
    tests = [
        lambda it: it.event.is_cancelled,
        lambda it: intent in _ALREADY and it.event.response == _ALREADY[intent][0],
        lambda it: (intent in RESPOND and it.event.is_organizer) or (intent == "cancel" and not it.event.is_organizer),
        lambda it: series and not it.event.is_recurring,
    ]
    for bad in tests:
        kept = [it for it in pool if not bad(it)]
        if kept:
            pool = kept
    return pool


def _subject_score(item: _Item, ref: MeetingRef) -> tuple[float, float, int]:
    """(share of the user's subject words found, share of the event's words the user named,
    1 when the words found come in the title's own order: "design review" is "Weekly design
    review" rather than "Review design tokens")."""
    hits = 0
    used: set[str] = set()
    places: list[int] = []
    for q in ref.subject:
        found = False
        for i, w in enumerate(item.subject):
            if similar(q, w):
                used.add(w)
                if not found:
                    places.append(i)
                found = True
        if not found and q in item.names:
            found = True
        if not found:
            # "Sprintplanning" for "Sprint planning": two title words typed as one.
            for i in range(len(item.subject) - 1):
                if similar(q, item.subject[i] + item.subject[i + 1]):
                    used.update(item.subject[i : i + 2])
                    places.append(i)
                    found = True
                    break
        hits += found
    for p in ref.people:
        for w in item.subject:
            if similar(p, w):
                used.add(w)
    q_cov = hits / len(ref.subject) if ref.subject else 1.0
    e_cov = len(used) / len(item.subject) if item.subject else 0.0
    return q_cov, e_cov, int(places == sorted(places))


_WEAK = frozenset(
    words(
        "weekly daily monthly quarterly biweekly fortnightly team group quick short big regular usual our recurring catch chat "
        "discussion sync session meet call huddle today tomorrow online virtual zoom teams"
    )
)


def _weak_rest(item: _Item, ref: MeetingRef) -> bool:
    for q in ref.subject:
        if not any(similar(q, w) for w in item.subject) and q not in item.names and q not in _WEAK:
            return False
    return True


def _people_hits(item: _Item, ref: MeetingRef) -> int:
    return sum(
        1 for p in ref.people if any(similar(p, n) for n in item.names) or any(similar(p, w) for w in item.subject)
    )


def _people_rank(item: _Item, ref: MeetingRef) -> tuple[int, int]:
    # "my meetings with Phoenix": Phoenix on the invite (organizer or attendee) before "Project
    # Phoenix", where the name is only a word of the title.
    on_invite = sum(1 for p in ref.people if any(similar(p, n) for n in item.names))
    return on_invite, _people_hits(item, ref)


def _people_ok(item: _Item, ref: MeetingRef) -> bool:
    # "with candidate John Smith": one of the name words on the invite is enough; more is better.
    if ref.organizer and ref.people:
        # "the meeting Summer organized": Summer on the invite is not enough, she must own it.
        organizer = item.event.organizer
        return organizer is not None and any(similar(p, n) for p in ref.people for n in _person_words(organizer))
    return not ref.people or _people_hits(item, ref) > 0


@lru_cache(maxsize=64)
def _zone(name: str) -> tzinfo:
    return ZoneInfo(name)


def _clock_minute(item: _Item, ref: MeetingRef) -> int:
    """The minute of the day the meeting starts, on the clock the user named ("11am Eastern")."""
    if not ref.zones:
        return item.minute
    there = item.start.astimezone(_zone(ref.zones[0]))
    return there.hour * 60 + there.minute


def _fits(item: _Item, ref: MeetingRef, minute: int | None, now: datetime) -> bool:
    if (minute is not None or ref.part or ref.after_now) and not item.timed:
        return False
    if (minute is not None or ref.part) and ref.zones:
        clock = _clock_minute(item, ref)
    else:
        clock = item.minute
    if minute is not None and clock != minute:
        return False
    if ref.part and not (ref.part[0] <= clock < ref.part[1]):
        return False
    if ref.after_now and item.start < now:
        return False
    return True


def _on(item: _Item, days: tuple[date, date]) -> bool:
    return item.day <= days[1] and item.last_day >= days[0]


def _upcoming(item: _Item, now: datetime) -> bool:
    return item.start >= now if item.timed else item.last_day >= now.date()


def _minutes(ref: MeetingRef) -> list[int | None]:
    if ref.time is None:
        return [None]
    h, m = ref.time
    out: list[int | None] = [h * 60 + m]
    if ref.flexible and h != 12:
        out.append(((h + 12) % 24) * 60 + m)
    return out


def _known(word: str, items: list[_Item]) -> bool:
    return any(similar(word, w) for it in items for w in it.subject) or any(word in it.names for it in items)


def _structural(ref: MeetingRef, items: list[_Item], now: datetime) -> list[_Item]:
    # With a time given, words that appear in no event at all ("my 3pm thingy") do not veto it.
    subject_vetoes = not (ref.time is not None and ref.subject and not any(_known(q, items) for q in ref.subject))
    for minute in _minutes(ref):
        found = [it for it in items if _fits(it, ref, minute, now) and _people_ok(it, ref)]
        if ref.subject and subject_vetoes:
            scored = [(it, _subject_score(it, ref)) for it in found]
            full = [(it, s) for it, s in scored if s[0] >= 1.0]
            if not full and len(ref.subject) >= 2:
                # "the weekly design review" still names "Design review": only weak words may go unmatched.
                full = [(it, s) for it, s in scored if s[0] > 0 and _weak_rest(it, ref)]
            found = [it for it, _ in full]
            # "my lunch" is "Lunch", not "Jordan launch review": a slip of the keyboard is only
            # forgiven when no title has the words as typed.
            exact = [it for it in found if _typed(it, ref)]
            found = exact or found
        if found and ref.people:
            best = max(_people_rank(it, ref) for it in found)
            found = [it for it in found if _people_rank(it, ref) == best]
        if found:
            return found
    return []


def _typed(item: _Item, ref: MeetingRef) -> bool:
    return all(
        q in item.names or any(w == q or (len(q) >= 3 and w.startswith(q)) for w in item.subject)
        for q in ref.subject
        if not (q in _WEAK and len(ref.subject) > 1)
    )


def _pick_days(ref: MeetingRef, cands: list[_Item], now: datetime) -> tuple[date, date] | None:
    if not ref.days:
        return None
    first_with_any = None
    for rng in ref.days:
        on = [it for it in cands if _on(it, rng)]
        if any(_upcoming(it, now) for it in on):
            return rng
        if on and first_with_any is None:
            first_with_any = rng
    return first_with_any or ref.days[0]


def _best_tier(pool: list[_Item], ref: MeetingRef) -> list[_Item]:
    if not ref.subject or len(pool) < 2:
        return pool
    scores = {id(it): _rounded(_subject_score(it, ref)) for it in pool}
    top = max(scores.values())
    return [it for it in pool if scores[id(it)] == top]


def _rounded(score: tuple[float, float, int]) -> tuple[float, float, int]:
    return round(score[0], 6), round(score[1], 6), score[2]


def _organized_by_named(pool: list[_Item], ref: MeetingRef) -> list[_Item]:
    # "Louis's meeting": of meetings that name Louis equally, the ones Louis organizes; an
    # attendee list is long and loose, the organizer is who the meeting belongs to.
    if not ref.people or len(pool) < 2:
        return pool
    kept = [
        it
        for it in pool
        if it.event.organizer and any(similar(p, n) for p in ref.people for n in _person_words(it.event.organizer))
    ]
    return kept or pool


def _person_words(person: Person) -> set[str]:
    return set(words(person.name)) | set(words(person.address.split("@", 1)[0].replace(".", " ").replace("_", " ")))


def _each_zone(
    ref: MeetingRef, items: list[_Item], now: datetime, intent: str, series: bool
) -> tuple[str, list[_Item], tuple[date, date] | None]:
    """IST is India's, Ireland's or Israel's clock: one answer when the readings agree, else ask."""
    # Only the clocks called IST on that date: Ireland's summer time, Israel's standard time, India's.
    zones = tuple(z for z in ref.zones if now.astimezone(_zone(z)).tzname() == "IST") or ref.zones
    if len(zones) == 1:
        return _resolve_ref(replace(ref, zones=zones), items, now, intent, series)
    ref = replace(ref, zones=zones)
    own = [z for z in ref.zones if now.astimezone(_zone(z)).utcoffset() == now.utcoffset()]
    if len(own) == 1:
        # A mailbox in India saying "4pm IST" means its own clock.
        return _resolve_ref(replace(ref, zones=(own[0],)), items, now, intent, series)
    results = [_resolve_ref(replace(ref, zones=(z,)), items, now, intent, series) for z in ref.zones]
    found = [r for r in results if r[1]]
    if not found:
        return results[0]
    if len({tuple(it.event.id for it in r[1]) for r in found}) == 1:
        return found[0]
    union = sorted({id(it): it for r in found for it in r[1]}.values(), key=_order)
    return "ambiguous", union, found[0][2]


def _current(ref: MeetingRef, items: list[_Item], now: datetime, intent: str, series: bool) -> tuple:
    """ "the meeting I'm in right now": the one in progress."""
    cands = _structural(replace(ref, relative=None), items, now)
    pool = [it for it in cands if it.timed and not it.event.is_cancelled and it.start <= now < it.end]
    pool = _prefer(pool, intent, now, series)
    if not pool:
        return "none", [], None
    return ("matched" if len(pool) == 1 else "ambiguous"), pool, (now.date(), now.date())


def _soon(ref: MeetingRef, items: list[_Item], now: datetime, intent: str, series: bool) -> tuple:
    """ "the meeting in an hour": the one starting closest to then, within a quarter of the wait."""
    assert ref.in_minutes is not None
    target = now + timedelta(minutes=ref.in_minutes)
    slack = timedelta(minutes=max(15, ref.in_minutes // 4))
    cands = _structural(replace(ref, in_minutes=None), items, now)
    pool = [
        it
        for it in cands
        if it.timed and not it.event.is_cancelled and it.start >= now and abs(it.start - target) <= slack
    ]
    pool = _prefer(pool, intent, now, series)
    if not pool:
        return "none", [], None
    best = min(abs(it.start - target) for it in pool)
    pool = [it for it in pool if abs(it.start - target) == best]
    return ("matched" if len(pool) == 1 else "ambiguous"), pool, (pool[0].day, pool[0].day)


def _beside(ref: MeetingRef, items: list[_Item], now: datetime, intent: str, series: bool) -> tuple:
    """ "the call before the all-hands", "the one after lunch": placed against another meeting."""
    assert ref.anchor is not None
    side, other = ref.anchor
    # The landmark is not answered: the user's own lunch is as good a landmark as any meeting.
    status, anchors, _days = _resolve_ref(other, items, now, "other", False)
    if side.startswith("day "):
        return _day_beside(ref, side, status, anchors, items, now, intent, series)
    head = replace(ref, anchor=None, days=ref.days or other.days)
    if not anchors:
        if other.subject == ("lunch",) and not (other.time or other.people):
            # No lunch on the calendar: lunch is midday.
            part = (13 * 60, 24 * 60) if side == "after" else (0, 12 * 60)
            edge = "first" if side == "after" else "last"
            return _resolve_ref(
                replace(head, part=part, relative=None if head.span else edge), items, now, intent, series
            )
        return "none", [], None
    cands = [it for it in _structural(replace(head, days=()), items, now) if it.timed and not it.event.is_cancelled]
    picks: dict[int, _Item] = {}
    for anchor in anchors:
        same_day = [it for it in cands if it.day == anchor.day and it.event.id != anchor.event.id]
        if side == "after":
            near = sorted((it for it in same_day if it.start >= anchor.end), key=_order)
        else:
            near = sorted((it for it in same_day if it.end <= anchor.start), key=_order, reverse=True)
        near = _prefer(near, intent, now, series) if not head.span else near
        if head.span:
            picks.update((id(it), it) for it in near)
        elif near:
            first = near[0].start
            for it in near:
                if it.start == first:
                    picks[id(it)] = it
    chosen = sorted(picks.values(), key=_order)
    if not chosen:
        return "none", [], None
    single = head.span or len(chosen) == 1
    status = "matched" if single and status == "matched" else "ambiguous"
    return status, chosen, (chosen[0].day, chosen[-1].day)


def _day_beside(
    ref: MeetingRef,
    side: str,
    status: str,
    anchors: list[_Item],
    items: list[_Item],
    now: datetime,
    intent: str,
    series: bool,
) -> tuple:
    """ "the standup the day after the offsite": what was asked for on the day next to that meeting."""
    days = sorted(
        {it.last_day + timedelta(days=1) if side == "day after" else it.day - timedelta(days=1) for it in anchors}
    )
    if not days:
        return "none", [], None
    head = replace(ref, anchor=None, days=((days[0], days[0]),))
    found_status, found, found_days = _resolve_ref(head, items, now, intent, series)
    if len(days) > 1 or status != "matched":
        # Two offsites, two days: which day is meant is not known.
        found_status = "ambiguous" if found else "none"
    return found_status, found, found_days


def _either_day(ref: MeetingRef, items: list[_Item], now: datetime, intent: str, series: bool) -> tuple | None:
    """ "next Friday" said on a Tuesday: when both Fridays have what was asked for, ask."""
    found: list[tuple[date, date]] = []
    union: dict[int, _Item] = {}
    for rng in ref.days[:2]:
        _status, picked, _days = _resolve_ref(replace(ref, days=(rng,), either=False), items, now, intent, series)
        if picked:
            found.append(rng)
            union.update((id(it), it) for it in picked)
    if len(found) < 2:
        return None
    return "ambiguous", sorted(union.values(), key=_order), (min(a for a, _ in found), max(b for _, b in found))


_RELATIVE_WORDS = {"first": ("first",), "last": ("last", "final"), "next": ("next",)}


def _title_word(ref: MeetingRef, items: list[_Item]) -> MeetingRef:
    """ "the first aid training": "first" is a word of a title on the calendar, not "the earliest"."""
    if ref.relative not in _RELATIVE_WORDS or not ref.subject:
        return ref
    for word in _RELATIVE_WORDS[ref.relative]:
        joined = replace(ref, subject=(word, *ref.subject), relative=None, count=1)
        if any(word in it.subject and _subject_score(it, joined)[0] >= 1.0 for it in items):
            return joined
    return ref


def _resolve_ref(
    ref: MeetingRef, items: list[_Item], now: datetime, intent: str, series: bool
) -> tuple[str, list[_Item], tuple[date, date] | None]:
    status, found, days = _resolve_words(_title_word(ref, items), items, now, intent, series)
    if status == "matched" and ref.time is not None and ref.subject and not any(_known(q, items) for q in ref.subject):
        # "the 3pm recruiting thing" and the 3pm is "PR Meeting": a word that names nothing on the
        # calendar could mean another meeting, so the time alone makes it a question, not a fact.
        status = "ambiguous"
    return status, found, days


def _resolve_words(
    ref: MeetingRef, items: list[_Item], now: datetime, intent: str, series: bool
) -> tuple[str, list[_Item], tuple[date, date] | None]:
    if len(ref.zones) > 1:
        return _each_zone(ref, items, now, intent, series)
    if ref.anchor is not None:
        return _beside(ref, items, now, intent, series)
    if ref.relative == "current":
        return _current(ref, items, now, intent, series)
    if ref.in_minutes is not None:
        return _soon(ref, items, now, intent, series)
    if ref.either and len(ref.days) >= 2:
        both = _either_day(ref, items, now, intent, series)
        if both is not None:
            return both
        ref = replace(ref, either=False)
    today = now.date()
    cands = _structural(ref, items, now)
    days = _pick_days(ref, cands, now)
    if days is not None:
        cands = [it for it in cands if _on(it, days)]
    elif ref.span and not (ref.subject or ref.people or ref.company) or ref.after_now:
        days = (today, today)
        cands = [it for it in cands if _on(it, days)]

    if ref.span and not ref.relative:
        chosen = [it for it in cands if it.timed and not it.event.is_cancelled and it.start >= now]
        if intent in _ALREADY:
            chosen = [it for it in chosen if it.event.response != _ALREADY[intent][0]]
        if intent in RESPOND:
            chosen = [it for it in chosen if not it.event.is_organizer]
        elif intent == "cancel":
            chosen = [it for it in chosen if it.event.is_organizer] or chosen
        if series:
            chosen = _best_tier(chosen, ref)
        if ref.owner:
            chosen = _organized_by_named(chosen, ref)
        if ref.both and chosen:
            named = [
                it
                for it in cands
                if it.timed
                and not it.event.is_cancelled
                and it.start >= now
                and not (intent in RESPOND and it.event.is_organizer)  # the user's own lunch is no "call"
            ]
            if len(named) != 2:
                # "both of tomorrow's afternoon calls" and there are three: ask which two.
                return "ambiguous", chosen, days
        return ("matched" if chosen else "none"), chosen, days

    if ref.relative:
        pool = [it for it in cands if it.timed and not it.event.is_cancelled and not it.event.is_declined]
        if intent in RESPOND:
            # "my first meeting tomorrow" to decline: the user's own focus time is no meeting to answer.
            pool = [it for it in pool if not it.event.is_organizer] or pool
        if ref.relative == "next" or days is None:
            pool = [it for it in pool if it.start >= now]
        if not pool:
            return "none", [], days
        if days is None and ref.relative != "next":
            first_day = min(it.day for it in pool)
            days = (first_day, first_day)
            pool = [it for it in pool if it.day == first_day]
        pool = _best_tier(pool, ref)
        if ref.count > 1:
            # "my next 2 meetings": that many, counted from the edge.
            ordered = sorted(pool, key=_order, reverse=ref.relative == "last")
            chosen = sorted(_prefer(ordered, intent, now, series)[: ref.count], key=_order)
            return "matched", chosen, days or (chosen[0].day, chosen[-1].day)
        if ref.nth > 1:
            # "my second meeting tomorrow": counted from the edge; a tie at that place is asked about.
            ordered = sorted(pool, key=_order, reverse=ref.relative == "last")
            if len(ordered) < ref.nth:
                return "none", [], days
            edge = ordered[ref.nth - 1].start
            chosen = _prefer([it for it in pool if it.start == edge], intent, now, series)
            tied = len(chosen) > 1 or ordered[ref.nth - 2].start == edge
            return ("ambiguous" if tied else "matched"), chosen, days or (chosen[0].day, chosen[0].day)
        edge = max(it.start for it in pool) if ref.relative == "last" else min(it.start for it in pool)
        chosen = [it for it in pool if it.start == edge]
        chosen = _prefer(chosen, intent, now, series)
        return ("matched" if len(chosen) == 1 else "ambiguous"), chosen, days or (chosen[0].day, chosen[0].day)

    if days is None:
        cands = [it for it in cands if _upcoming(it, now)]
    pool = _prefer(cands, intent, now, series)
    if not pool:
        return "none", [], days
    pool = _best_tier(pool, ref)
    if days is None and (ref.time is not None or ref.part):
        # "my 3pm", "my meeting with Jake": the first day that has one.
        first_day = min(it.day for it in pool)
        pool = [it for it in pool if it.day == first_day]
        days = (first_day, first_day)
    if ref.owner:
        pool = _organized_by_named(pool, ref)
    if len(pool) == 1:
        return "matched", pool, days or (pool[0].day, pool[0].day)
    if ref.time is None and (ref.subject or ref.people):
        groups: dict[str, list[_Item]] = {}
        for it in sorted(pool, key=lambda it: it.start):
            groups.setdefault(it.key, []).append(it)
        if len(groups) == 1:
            group = next(iter(groups.values()))
            ahead = [it for it in group if _upcoming(it, now)] or group
            same_day = [it for it in ahead if it.day == ahead[0].day]
            if len(same_day) == 1 or series:
                return "matched", [ahead[0]], days or (ahead[0].day, ahead[0].day)
            return "ambiguous", same_day, days or (ahead[0].day, ahead[0].day)
        firsts = [g[0] for g in groups.values()]
        if series:
            return "ambiguous", firsts, days
        return "ambiguous", firsts, days or (firsts[0].day, firsts[0].day)
    return "ambiguous", pool, days or (pool[0].day, pool[0].day)


_COMPANY = ("external", "internal")
_GROUP = ("people", "folks", "guests", "guest", "attendees", "participants", "parties", "party")


def _home_domain(items: list[_Item]) -> str | None:
    """The user's own mail domain: of meetings they organize, else the one on the most invites."""
    for it in items:
        if it.event.is_organizer and it.event.organizer and "@" in it.event.organizer.address:
            return it.event.organizer.address.rsplit("@", 1)[1].lower()
    counts: dict[str, int] = {}
    for it in items:
        seen = {_domain(p) for p in _people(it.event)} - {""}
        for domain in seen:
            counts[domain] = counts.get(domain, 0) + 1
    return max(counts, key=lambda d: counts[d]) if counts else None


def _people(event: Event) -> list[Person]:
    return [event.organizer, *event.attendees] if event.organizer else list(event.attendees)


def _domain(person: Person) -> str:
    return person.address.rsplit("@", 1)[1].lower() if "@" in person.address else ""


def _resolve_company(
    ref: MeetingRef, items: list[_Item], now: datetime, intent: str, series: bool
) -> tuple[str, list[_Item], tuple[date, date] | None]:
    """ "both external meetings this week", "my internal meetings tomorrow": external is a meeting
    with someone (organizer or attendee) from another mail domain than the user's; the words are
    a title's only when a title holds them."""
    if ref.company:
        return _company_said(ref, items, now, intent, series)
    said = [q for q in (*ref.subject, *ref.people) if q in _COMPANY]
    if not said or len(said) > 1 or any(said[0] in it.subject for it in items):
        return _resolve_ref(ref, items, now, intent, series)
    home = _home_domain(items)
    if home is None:
        return _resolve_ref(ref, items, now, intent, series)
    outside = said[0] == "external"
    kept = [it for it in items if any(_domain(p) not in ("", home) for p in _people(it.event)) == outside]
    rest = tuple(q for q in ref.subject if q != said[0])
    who = tuple(p for p in ref.people if p not in (said[0], *_GROUP))
    return _resolve_ref(replace(ref, subject=rest, people=who), kept, now, intent, series)


def _company_said(
    ref: MeetingRef, items: list[_Item], now: datetime, intent: str, series: bool
) -> tuple[str, list[_Item], tuple[date, date] | None]:
    """ "with customers", "team-only", "vendor calls": the meetings with (or without) people from
    another mail domain; "vendor calls" beside a meeting titled "Vendor sync" is that title when
    both readings find the same meetings, else a question."""
    word = ref.company_word
    plain = replace(ref, company=None, company_word="")
    home = _home_domain(items)
    if home is None:
        return _resolve_ref(plain, items, now, intent, series)
    outside = ref.company == "external"
    kept = [it for it in items if any(_domain(p) not in ("", home) for p in _people(it.event)) == outside]
    rest = tuple(q for q in ref.subject if not (word and similar(q, word)))
    # The filter stays on the reference: like people, it is no reason to look at today only.
    filtered = _resolve_ref(replace(ref, subject=rest, company_word=""), kept, now, intent, series)
    if not (word and any(similar(word, w) for it in items for w in it.subject)):
        return filtered
    # A title holds the word too: one answer when both readings agree (or only one finds
    # anything), else a question over both.
    titled = _resolve_ref(plain, items, now, intent, series)
    if not filtered[1] or [it.event.id for it in titled[1]] == [it.event.id for it in filtered[1]]:
        return titled
    if titled[1] and not ref.span:
        return titled  # "the vendor sync" names the meeting called "Vendor sync"
    if not titled[1]:
        return filtered
    union = sorted({id(it): it for it in (*titled[1], *filtered[1])}.values(), key=_order)
    days = titled[2] or filtered[2]
    return "ambiguous", union, days


def _without(
    results: list, excluded: Sequence[MeetingRef], items: list[_Item], now: datetime, intent: str, series: bool
) -> list:
    """ "everything Thursday except the all hands": drop what the excepted references name."""
    dropped: set[str] = set()
    for ref in excluded:
        dropped.update(it.event.id for it in _resolve_ref(ref, items, now, intent, series)[1])
    out = []
    for status, found, days in results:
        kept = [it for it in found if it.event.id not in dropped]
        out.append((status if kept else "none", kept, days))
    return out


def _share(refs: list[MeetingRef], results: list, items: list[_Item], now: datetime, intent: str, series: bool) -> list:
    """ "the interview + the debrief": a meeting another reference names outright is not this one's pick."""
    out = list(results)
    for i, (status, found, _days) in enumerate(results):
        others = {it.event.id for j, (st, fd, _) in enumerate(results) if j != i and st == "matched" for it in fd}
        # Only a meeting named by its subject alone is re-read; a time or a day is not negotiable.
        plain = refs[i].subject and not (refs[i].time or refs[i].days or refs[i].relative or refs[i].span)
        if not plain or status == "none" or not any(it.event.id in others for it in found):
            continue
        again = _resolve_ref(refs[i], [it for it in items if it.event.id not in others], now, intent, series)
        if again[0] != "none":
            out[i] = again
    return out


def _joined_subjects(refs: list[MeetingRef], items: list[_Item]) -> list[MeetingRef]:
    """Put back "Lunch and Learn" or "Sales & Marketing sync" when an event has all those words."""
    out: list[MeetingRef] = []
    for ref in refs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.subject
            and ref.subject
            and not (ref.own or ref.time or ref.part or ref.people or ref.relative or ref.span)
            and prev.time is None
            and not prev.people
            and not prev.relative
            and prev.days == ref.days
        ):
            joined = replace(prev, subject=prev.subject + ref.subject)
            if any(_subject_score(it, joined)[0] >= 1.0 for it in items):
                out[-1] = joined
                continue
        out.append(ref)
    return out


def _day_window(days: tuple[date, date], tz: tzinfo) -> tuple[datetime, datetime]:
    return (
        datetime.combine(days[0], time(0), tzinfo=tz),
        datetime.combine(days[1] + timedelta(days=1), time(0), tzinfo=tz),
    )


def _unknown_words(request: Request, items: list[_Item]) -> tuple[str, ...]:
    """The foreign words of the request that no title or person on the calendar holds."""
    said = [w for ref in (*request.refs, *request.excluded) for w in ref.foreign]
    if not said:
        return ()
    known = " ".join(
        " ".join((it.event.subject or "", *(p.name for p in (it.event.organizer, *it.event.attendees) if p)))
        for it in items
    ).lower()
    return tuple(w for w in dict.fromkeys(said) if w not in known)


def resolve(request: Request, events: Sequence[Event], now: datetime) -> Resolution:
    """The events the request means, in the user's zone; never raises on odd calendars."""
    if now.tzinfo is None:
        from datetime import UTC

        now = now.replace(tzinfo=UTC)
    tz = now.tzinfo
    assert tz is not None
    items = []
    for index, event in enumerate(events):
        try:
            items.append(_Item(event, tz, index))
        except (TypeError, ValueError, AttributeError, OverflowError):
            continue
    today = now.date()
    if request.intent == "agenda" and request.unclear:
        # "what's on over the holidays": which days is not known; nothing is shown, the bot asks.
        return Resolution(status="none", window=_day_window((today, today), tz), intent="agenda")
    if request.intent == "agenda":
        days: tuple[date, date] = (today, today)
        for ref in request.refs:
            if ref.days:
                days = ref.days[0]
                break
        shown = sorted((it for it in items if _on(it, days) and not it.event.is_cancelled), key=_order)
        return Resolution(
            status="matched" if shown else "none",
            events=tuple(it.event for it in shown),
            event_ids=tuple(it.event.id for it in shown),
            window=_day_window(days, tz),
            intent="agenda",
        )
    if request.intent not in ACTIONS or not request.refs or request.unclear:
        # "decline my 25pm", "everything next year": words that could change which meeting is
        # meant were not understood (or reach too far), so nothing is a match; the bot asks.
        return Resolution(
            status="none", window=_day_window((today, today), tz), intent=request.intent, scope=request.scope
        )
    unknown = _unknown_words(request, items)
    if unknown:
        return Resolution(
            status="none",
            window=_day_window((today, today), tz),
            intent=request.intent,
            scope=request.scope,
            unknown=unknown,
        )
    series = request.scope == "series"
    refs = _joined_subjects(list(request.refs), items)
    statuses = []
    chosen: dict[str, _Item] = {}
    window: tuple[date, date] | None = None
    unmatched = 0
    results = [_resolve_company(ref, items, now, request.intent, series) for ref in refs]
    if len(results) > 1:
        results = _share(refs, results, items, now, request.intent, series)
    if request.excluded:
        results = _without(results, request.excluded, items, now, request.intent, series)
    for status, found, found_days in results:
        statuses.append(status)
        if status == "none":
            unmatched += 1
        for it in found:
            chosen.setdefault(it.event.id, it)
        if window is None and found_days is not None:
            window = found_days
    ordered = sorted(chosen.values(), key=_order)
    if "ambiguous" in statuses or (series and request.excluded and "matched" in statuses):
        # "all ops syncs except tomorrow's": a series answer cannot leave one out, so ask.
        status = "ambiguous"
    elif "matched" in statuses:
        status = "matched"
    else:
        status = "none"
    intent = request.intent
    if intent == "cancel" and ordered and not any(it.event.is_organizer for it in ordered):
        intent = "decline"
    problems = {it.event.id: p for it in ordered if (p := _problems(it, intent, now))}
    scope = request.scope
    if scope == "series" and not any(it.event.is_recurring for it in ordered):
        scope = "occurrence"
    ids: list[str] = []
    for it in ordered:
        target = it.event.id
        if scope == "series":
            target = it.event.series_master_id or target
        if target not in ids:
            ids.append(target)
    if window is None:
        window = (ordered[0].day, ordered[0].day) if ordered else (today, today)
    proposed = None
    if request.proposal is not None and status == "matched" and len(ordered) == 1 and ordered[0].timed:
        proposed = _proposed(request.proposal, ordered[0], tz)
    return Resolution(
        status=status,
        events=tuple(it.event for it in ordered),
        event_ids=tuple(ids) if ordered else (),
        problems=problems,
        window=_day_window(window, tz),
        intent=intent,
        scope=scope,
        unmatched=unmatched,
        proposed_time=proposed,
    )


def _proposed(proposal: MeetingRef, item: _Item, tz: tzinfo) -> tuple[datetime, datetime] | None:
    """The new slot: the day proposed (else the meeting's), the time proposed (else its own), as long."""
    day = proposal.days[0][0] if proposal.days else item.day
    if proposal.time is not None:
        hour, minute = proposal.time
    else:
        hour, minute = item.start.hour, item.start.minute
    start = datetime.combine(day, time(hour, minute), tzinfo=tz)
    return start, start + (item.end - item.start)


def _order(item: _Item) -> tuple[datetime, int]:
    return item.start, item.index


def fetch_window(request: Request, now: datetime) -> tuple[datetime, datetime]:
    """The smallest range of whole days (in the user's zone) that `resolve` needs to see."""
    if now.tzinfo is None:
        from datetime import UTC

        now = now.replace(tzinfo=UTC)
    tz = now.tzinfo
    assert tz is not None
    today = now.date()
    spans: list[tuple[date, date]] = []
    refs = list(request.refs)
    refs += [ref.anchor[1] for ref in request.refs if ref.anchor is not None]
    # "the day after the offsite": the day past the last one the landmark could be on.
    beside = any(ref.anchor is not None and ref.anchor[0].startswith("day ") for ref in request.refs)
    for ref in refs:
        if ref.in_minutes is not None or ref.relative == "current":
            spans.append((today, (now + timedelta(minutes=ref.in_minutes or 0)).date()))
        elif ref.days:
            spans.extend(ref.days)
        elif ref.subject or ref.people or ref.company or ref.relative == "next" or request.scope == "series":
            spans.append((today, today + timedelta(days=_LOOK_AHEAD)))
        elif ref.time is not None or ref.part or ref.relative:
            spans.append((today, today + timedelta(days=_TIME_AHEAD)))
        else:
            spans.append((today, today))
    low = min((a for a, _ in spans), default=today)
    high = max((b for _, b in spans), default=today) + timedelta(days=1 if beside else 0)
    # A day range from an odd request ("in 60 days") must not make Graph page through months.
    high = min(high, low + timedelta(days=REACH_DAYS))
    return _day_window((low, high), tz)
