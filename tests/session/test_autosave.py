"""AutosavePolicy: a recovery copy every interval while dirty, never for an unchanged revision."""

from __future__ import annotations

from jcm_pdd.session import AutosavePolicy


def test_due_only_when_dirty_and_changed() -> None:
    p = AutosavePolicy(interval=30)
    assert not p.due(now=0, dirty=False, revision=1)
    assert p.due(now=0, dirty=True, revision=1)
    p.written(now=0, revision=1)
    assert not p.due(now=100, dirty=True, revision=1)  # nothing new since the last copy
    assert not p.due(now=10, dirty=True, revision=2)  # too soon
    assert p.due(now=30, dirty=True, revision=2)
    p.reset()
    assert p.due(now=31, dirty=True, revision=2)
