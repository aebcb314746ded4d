"""Pictures drawn once and kept: a drawing function wrapped in built_once is run once per way
of calling it, and its picture kept in the ART cache, bounded in bytes; kept_between_launches
also keeps it on disk for the next launch (game.kept), for what the title draws before its
first frame."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pygame

from game.lru import MB, ByteLRU

F = TypeVar("F", bound=Callable[..., Any])
_MISSING = object()

# Every picture the art draws, kept while it fits in this many bytes (the least recently used
# goes first; it is drawn again if it is needed again). The park, the title's backdrop, the
# hedges and the dogs of a round come to about 20 MB.
ART = ByteLRU("art", 40 * MB)
_CALL_FORMS = 4096  # remembered ways of calling (keys only, no pictures)


def built_once(fn: F) -> F:
    """Like functools.cache, but f(), f(80) and f(size=80) share one build, and the pictures
    are kept in the shared ART cache, bounded in bytes.

    Repeat calls made the same way cost two dict look-ups, so it is fine per frame. (Arguments
    are bound by hand from the function's code object: `inspect.signature` is costly at import.)
    """
    return _built_once(fn, between_launches=False)


def kept_between_launches(fn: F) -> F:
    """Like built_once, and the picture is also kept on disk from one launch to the next
    (game.kept): for the pictures the title draws before its first frame."""
    return _built_once(fn, between_launches=True)


def _built_once(fn: F, between_launches: bool) -> F:
    code = fn.__code__
    names = code.co_varnames[:code.co_argcount]
    defaults = fn.__defaults__ or ()
    first_default = len(names) - len(defaults)
    seen: dict[Any, tuple[Any, ...]] = {}  # the call as made -> the key of its picture

    def bind(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...] | None:
        if len(args) > len(names) or any(k not in names[len(args):] for k in kwargs):
            return None
        key = list(args)
        for i in range(len(args), len(names)):
            v = kwargs.get(names[i], _MISSING)
            if v is _MISSING:
                if i < first_default:
                    return None
                v = defaults[i - first_default]
            key.append(v)
        return tuple(key)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        raw = (args, tuple(sorted(kwargs.items())) if kwargs else ())
        key = seen.get(raw)
        if key is None:
            bound = bind(args, kwargs)
            if bound is None:  # a call that does not fit: let the function raise its TypeError
                return fn(*args, **kwargs)
            if len(seen) >= _CALL_FORMS:
                seen.clear()
            key = seen[raw] = (fn, *bound)
        made = ART.get(key)
        if made is None:
            made = ART.put(key, _from_disk(fn, key[1:]) if between_launches else
                           fn(*args, **kwargs))
        return made

    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(wrapper, attr, getattr(fn, attr))
    wrapper.cache_clear = lambda: (  # type: ignore[attr-defined]
        seen.clear(), ART.forget(lambda key: key[0] is fn))
    return wrapper  # type: ignore[return-value]


def _from_disk(fn: Callable[..., pygame.Surface], args: tuple[Any, ...]) -> pygame.Surface:
    from game.kept import kept, picture_dump, picture_load
    name = fn.__name__ + "".join(f"-{arg}" for arg in args)
    return kept(name, "", lambda: fn(*args), picture_dump, picture_load)
