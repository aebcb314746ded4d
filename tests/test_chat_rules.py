"""Chat Check's rules (game.rules.chat): playing a chat, marking signs, scoring, and the path
walker the validator uses, with property tests over generated scenario graphs."""
from __future__ import annotations

import random
from dataclasses import replace
from itertools import count

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from game.rules.chat import (
    ACTIONS, POINTS_FINISH, POINTS_SAFE, POINTS_SAFE_AGAIN, POINTS_SIGN, SIGNS, Chat, ChatRun,
    Choice, Ending, Line, Option, Says, graph_problems, safe_paths,
)


def example() -> Chat:
    """The contract's example chat (notes/chat_spec.md)."""
    return Chat(
        "chat-free-coins", "strangers", ("7-9",), "003.txt", "Jay", "fox",
        (Says("hello", "Hi! You are really good at this game!", "coins"),
         Says("coins", "I can give you 500 free coins. Just add me!", "choice-1", "gift",
              "A gift from someone you do not know can be a trick."),
         Choice("choice-1", (
             Option("reply", "Yes please! I will add you.", False, why="Check first."),
             Option("tell", "Tell Mum about the coins", True, "told"),
             Option("reply", "No thanks!", True, "the-end"))),
         Says("told", "Mum helps you block Jay.", "the-end", narrator=True),
         Ending("the-end", "strangers-coins-young")),
        ("Why might someone offer free coins?",))


def test_a_chat_plays_from_its_first_message_to_its_ending():
    run = ChatRun(example())
    assert run.lines == [Line("contact", "Hi! You are really good at this game!", "hello", "")]
    assert run.advance() and run.lines[-1].sign == "gift" and run.lines[-1].who == "contact"
    assert run.advance() and isinstance(run.step, Choice) and len(run.lines) == 2
    assert not run.advance() and len(run.lines) == 2  # a choice waits for the child
    option = run.choose(1)
    assert option.action == "tell" and run.lines[-1] == Line("note", "Mum helps you block Jay.",
                                                             "told", "")
    assert not run.finished and run.ending == ""
    assert run.advance() and run.finished and run.ending == "strangers-coins-young"
    assert not run.advance() and run.taken == [("choice-1", 1, True)]


def test_a_safe_reply_puts_the_childs_line_in_the_chat():
    run = ChatRun(example())
    run.advance(), run.advance()
    run.choose(2)
    assert run.lines[-1] == Line("me", "No thanks!", "choice-1", "") and run.finished


def test_an_unsafe_choice_stays_at_the_choice_and_says_why():
    run = ChatRun(example())
    run.advance(), run.advance()
    shown = list(run.lines)
    option = run.choose(0)
    assert not option.safe and option.why == "Check first."
    assert run.step.id == "choice-1" and run.lines == shown
    assert run.taken == [("choice-1", 0, False)]


def test_choose_and_mark_refuse_what_is_not_there():
    run = ChatRun(example())
    with pytest.raises(ValueError):
        run.choose(0)
    run.advance(), run.advance()
    with pytest.raises(IndexError):
        run.choose(3)
    with pytest.raises(IndexError):
        run.mark(5)


def test_signs_spotted_missed_and_wrong_marks_and_the_score():
    run = ChatRun(example())
    run.advance(), run.advance()
    assert run.mark(0) and run.wrong_marks == 1 and run.spotted == [] and len(run.missed) == 1
    assert run.mark(1) and [line.sign for line in run.spotted] == ["gift"] and run.missed == []
    run.choose(0)
    run.choose(1)
    assert not run.mark(2)  # a narrator's note cannot be marked
    run.advance()
    assert run.score() == POINTS_SIGN + POINTS_SAFE_AGAIN + POINTS_FINISH
    first_try = ChatRun(example())
    first_try.advance(), first_try.advance()
    first_try.choose(2)
    assert first_try.score() == POINTS_SAFE + POINTS_FINISH


def test_the_example_has_no_problems_and_two_safe_paths():
    assert graph_problems(example()) == []
    assert safe_paths(example()) == [["hello", "coins", "choice-1", "told", "the-end"],
                                     ["hello", "coins", "choice-1", "the-end"]]


# --- generated scenario graphs -------------------------------------------------------------

@st.composite
def _segment(draw, ids, depth: int, earlier: list[str]) -> list:
    """Steps whose first is the entry and every safe path from it ends at an Ending in them (or
    at an earlier segment's entry, which does too): no cycle, since nothing leads backwards
    except to a finished segment."""
    kind = draw(st.sampled_from(["end", "says", "choice"] if depth < 4 else ["end"]))
    sid = f"s{next(ids)}"
    if kind == "end":
        return [Ending(sid, f"msg-{sid}")]
    if kind == "says":
        rest = draw(_segment(ids, depth + 1, earlier))
        narrator = draw(st.booleans())
        sign = "" if narrator else draw(st.sampled_from(("",) + SIGNS))
        return [Says(sid, f"text {sid}", rest[0].id, sign, "why" if sign else "", narrator)] + rest
    steps: list = []
    options = []
    for _ in range(draw(st.integers(1, 3))):  # safe options
        if steps and draw(st.booleans()):  # join a branch already written
            options.append(Option(draw(st.sampled_from(ACTIONS)), "", True,
                                  draw(st.sampled_from([s.id for s in steps[:1]] +
                                                       earlier[-1:] or [steps[0].id]))))
            continue
        branch = draw(_segment(ids, depth + 1, earlier))
        steps += branch
        options.append(Option(draw(st.sampled_from(ACTIONS)), "say it", True, branch[0].id))
    unsafe = draw(st.integers(0 if len(options) >= 2 else 1, 4 - len(options)))
    options += [Option("reply", "ok", False, why="not safe") for _ in range(unsafe)]
    options = draw(st.permutations(options))
    earlier.append(steps[0].id)
    return [Choice(sid, tuple(options))] + steps


@st.composite
def chats(draw) -> Chat:
    steps = draw(_segment(count(), 0, []))
    return Chat("c", "strangers", ("7-9",), "s.txt", "Jay", "fox", tuple(steps))


@given(chats())
@settings(max_examples=150, deadline=None)
def test_generated_chats_have_no_problems_and_every_safe_path_ends(chat):
    assert graph_problems(chat) == []
    paths = safe_paths(chat)
    assert paths
    for path in paths:
        assert path[0] == chat.steps[0].id and isinstance(chat.step(path[-1]), Ending)


@given(chats(), st.randoms(use_true_random=False))
@settings(max_examples=150, deadline=None)
def test_random_play_always_finishes_and_an_unsafe_choice_never_moves(chat, rnd: random.Random):
    run = ChatRun(chat)
    for _ in range(10_000):
        if run.finished:
            break
        if isinstance(run.step, Choice):
            before, shown = run.step, list(run.lines)
            option = run.choose(rnd.randrange(len(run.step.options)))
            if not option.safe:
                assert run.step is before and run.lines == shown
        else:
            assert run.advance()
        if run.lines and rnd.random() < 0.3:
            run.mark(rnd.randrange(len(run.lines)))
    assert run.finished and run.ending == f"msg-{run.step.id}"
    assert {line.step for line in run.spotted + run.missed} <= {s.id for s in chat.steps}


@given(chats(), st.randoms(use_true_random=False))
@settings(max_examples=100, deadline=None)
def test_marks_toggle_and_a_wrong_mark_never_lowers_the_score(chat, rnd: random.Random):
    run = ChatRun(chat)
    while not run.finished:
        if isinstance(run.step, Choice):
            run.choose(rnd.randrange(len(run.step.options)))
        else:
            run.advance()
    for i, line in enumerate(run.lines):
        score, marked = run.score(), set(run.marked)
        now = run.mark(i)
        assert now == (line.who == "contact")
        if not line.sign:
            assert run.score() >= score
        run.mark(i)
        assert run.marked == marked and run.score() == score


FAULTS = ["unknown-next", "unreachable-step", "never-ends", "cycle", "no-safe-option",
          "unsafe-option-leads-on", "option-count"]


def _inject(chat: Chat, fault: str, rnd: random.Random) -> tuple[Chat, str, str]:
    """The chat with one fault written in, the step it is at, and the code that should say so."""
    steps = list(chat.steps)
    says = [i for i, s in enumerate(steps) if isinstance(s, Says)]
    choices = [i for i, s in enumerate(steps) if isinstance(s, Choice)]
    ends = [i for i, s in enumerate(steps) if isinstance(s, Ending)]
    code = fault
    if fault == "unknown-next":
        assume(says)
        i = rnd.choice(says)
        steps[i] = replace(steps[i], next="nowhere")
    elif fault == "unreachable-step":
        steps.append(Ending("stray", "m"))
        i = len(steps) - 1
    elif fault == "never-ends":
        i = rnd.choice(ends)
        steps[i] = Says(steps[i].id, "and then?", "")
    elif fault == "cycle":
        assume(says)
        i = rnd.choice(says)
        steps[i] = replace(steps[i], next=steps[0].id)
        code = "never-ends"
    elif fault == "no-safe-option":
        assume(choices)
        i = rnd.choice(choices)
        steps[i] = replace(steps[i], options=tuple(Option(o.action, o.text, False, why="x")
                                                   for o in steps[i].options))
    elif fault == "unsafe-option-leads-on":
        assume(choices)
        i = rnd.choice(choices)
        opts = list(steps[i].options)
        j = rnd.randrange(len(opts))
        opts[j] = Option("reply", "sure", False, steps[0].id, "why")
        steps[i] = replace(steps[i], options=tuple(opts))
    else:
        assume(choices)
        i = rnd.choice(choices)
        opts = steps[i].options
        safe = next(o for o in opts if o.safe)
        steps[i] = replace(steps[i], options=(safe,) if rnd.random() < 0.5 else
                           opts + (Option("leave", "", False, why="x"),) * (5 - len(opts)))
    return replace(chat, steps=tuple(steps)), steps[i].id, code


@given(chats(), st.sampled_from(FAULTS), st.randoms(use_true_random=False))
@settings(max_examples=300, deadline=None)
def test_graph_problems_finds_each_injected_fault(chat, fault, rnd: random.Random):
    broken, at, code = _inject(chat, fault, rnd)
    problems = graph_problems(broken)
    assert (at, code) in {(sid, c) for sid, c, _ in problems}, problems
    assert all(message for _, _, message in problems)
    # the walker stays finite on a broken chat too
    assert all(len(path) == len(set(path)) for path in safe_paths(broken))


def test_a_chat_with_only_an_unsafe_way_on_never_loops_in_play():
    chat = replace(example(), steps=example().steps[:3] + (Ending("the-end", "m"),))
    chat = replace(chat, steps=(chat.steps[0], replace(chat.steps[1], next="choice-1"),
                                Choice("choice-1", (Option("reply", "x", False, why="y"),
                                                    Option("block", "", True, "the-end"))),
                                chat.steps[3]))
    run = ChatRun(chat)
    run.advance(), run.advance()
    run.choose(0)
    run.choose(1)
    assert run.finished


def test_safe_paths_stops_at_the_limit():
    steps: list = []
    for n in range(12):  # 2**12 paths through twelve two-way choices
        steps.append(Choice(f"c{n}", (Option("block", "", True, f"a{n}"),
                                      Option("leave", "", True, f"b{n}"))))
        steps += [Says(f"{ab}{n}", "hi", f"c{n + 1}" if n < 11 else "end") for ab in "ab"]
    steps.append(Ending("end", "m"))
    chat = replace(example(), steps=tuple(steps))
    assert graph_problems(chat) == []
    assert len(safe_paths(chat, limit=50)) == 50
