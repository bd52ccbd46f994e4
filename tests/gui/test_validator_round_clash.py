"""A package whose round its review already gives to another package is refused in words that
name both, and never quote an empty file name for a package recorded without one."""

from __future__ import annotations

from pathlib import Path

import pytest

from jcm_pdd.errors import UserError
from jcm_pdd.gui.validator import open_package_state
from jcm_pdd.package.review import Review, review_path_for, save_review
from tests.gui.review_packages import built_rounds, copy_into


@pytest.mark.parametrize("recorded_name", ["earlier.jcmpkg", ""])
def test_a_round_already_held_by_another_package_is_refused_by_name(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, recorded_name: str
) -> None:
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "received")
    review = Review(project_title="Rooftop PV")
    review.record_package(1, "f" * 64, recorded_name)  # another package as round 1
    save_review(review, review_path_for(package))
    with pytest.raises(UserError) as caught:
        open_package_state(package)
    message = caught.value.message
    assert message.startswith(f"“{package.name}” says it is round 1")
    assert "packaged again as round 2" in message
    assert "“”" not in message
    assert ("(“earlier.jcmpkg”)" in message) == bool(recorded_name)
