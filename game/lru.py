"""Caches bounded by the bytes they hold, forgetting the least recently used first.

A count of entries says little about memory: one line of small text is 20 KB of pixels, a
picture of the whole screen 3.7 MB. So every cache of pictures in the game (the text lines, the
art, each screen's banners and signs) has a budget in bytes. Pixels live in SDL's C memory,
where Python's own accounting never sees them; the size of a value is counted here instead.
"""
from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

V = TypeVar("V")
MB = 1024 * 1024

# every cache made, by name: the bench and the tests read how full they are
_ALL: weakref.WeakSet[ByteLRU] = weakref.WeakSet()


def pixel_bytes(value: object) -> int:
    """The bytes of pixels a surface holds (rows × pitch), or a tuple or list holding some."""
    if isinstance(value, (tuple, list)):
        return sum(pixel_bytes(v) for v in value)
    pitch = getattr(value, "get_pitch", None)
    return pitch() * value.get_height() if pitch is not None else 0  # type: ignore[attr-defined]


class ByteLRU(Generic[V]):
    """A mapping that keeps its values' total size (`size` of each) within `budget` bytes,
    forgetting the least recently used values first. A value bigger than the whole budget is
    handed back but not kept."""

    def __init__(self, name: str, budget: int,
                 size: Callable[[V], int] = pixel_bytes) -> None:
        self.name = name
        self.budget = budget
        self.size = size
        self.bytes = 0
        self._items: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        _ALL.add(self)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def get(self, key: Hashable) -> V | None:
        found = self._items.get(key)
        if found is None:
            return None
        self._items.move_to_end(key)
        return found[0]

    def put(self, key: Hashable, value: V) -> V:
        self.discard(key)
        size = self.size(value)
        if size <= self.budget:
            self._items[key] = (value, size)
            self.bytes += size
            while self.bytes > self.budget:
                _, (_, dropped) = self._items.popitem(last=False)
                self.bytes -= dropped
        return value

    def get_or_make(self, key: Hashable, make: Callable[[], V]) -> V:
        found = self.get(key)
        return self.put(key, make()) if found is None else found

    def discard(self, key: Hashable) -> None:
        found = self._items.pop(key, None)
        if found is not None:
            self.bytes -= found[1]

    def forget(self, which: Callable[[Hashable], bool]) -> None:
        """Forget every value whose key `which` picks."""
        for key in [k for k in self._items if which(k)]:
            self.discard(key)

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0

    def keys(self) -> Iterable[Hashable]:
        return self._items.keys()


def fullness() -> dict[str, dict[str, int]]:
    """How full every live cache is: {name: {"entries", "bytes", "budget"}} (caches of the
    same name, such as each round's banners, are added up)."""
    out: dict[str, dict[str, int]] = {}
    for cache in list(_ALL):
        row = out.setdefault(cache.name, {"entries": 0, "bytes": 0, "budget": 0})
        row["entries"] += len(cache)
        row["bytes"] += cache.bytes
        row["budget"] += cache.budget
    return out
